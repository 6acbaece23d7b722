import { GatewayError } from './errors';

/** The kinds of record a global id can name. */
export type IdKind = 'Contact' | 'Account' | 'Opportunity' | 'Pipeline' | 'Stage' | 'Currency' | 'User';

const KINDS: ReadonlySet<string> = new Set([
  'Contact',
  'Account',
  'Opportunity',
  'Pipeline',
  'Stage',
  'Currency',
  'User',
]);

export interface DecodedId {
  kind: IdKind;
  source: string;
  remoteId: string;
}

/**
 * Global ids are base64url of `kind:source:remoteId`. Opaque to clients, but stable and
 * self-routing: the gateway needs no lookup table to find the source of an id.
 */
export function encodeId(kind: IdKind, source: string, remoteId: string): string {
  return Buffer.from(`${kind}:${source}:${remoteId}`, 'utf8').toString('base64url');
}

/** Decodes a global id; throws BAD_USER_INPUT naming `argument` when it is not one of ours. */
export function decodeId(id: string, argument = 'id'): DecodedId {
  const text = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const first = text.indexOf(':');
  const second = first < 0 ? -1 : text.indexOf(':', first + 1);
  const kind = text.slice(0, first);
  if (second < 0 || !KINDS.has(kind) || second === first + 1 || second === text.length - 1) {
    throw new GatewayError('BAD_USER_INPUT', `${argument} is not a valid crmgraph id: "${clip(id)}"`);
  }
  return {
    kind: kind as IdKind,
    source: text.slice(first + 1, second),
    remoteId: text.slice(second + 1),
  };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
