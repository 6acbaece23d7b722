import { decodeId, encodeId, type DecodedId, type IdKind } from '../../core/globalId';
import { GatewayError } from '../../core/errors';

/** The global id of a record of `kind`. */
export function globalId(kind: IdKind, record: { source: string; remoteId: string }): string {
  return encodeId(kind, record.source, record.remoteId);
}

/** Decodes an id argument that must name a record of `kind`; BAD_USER_INPUT otherwise. */
export function expectId(id: string, kind: IdKind, argument: string): DecodedId {
  const decoded = decodeId(id, argument);
  if (decoded.kind !== kind) {
    throw new GatewayError(
      'BAD_USER_INPUT',
      `${argument} must be the id of a ${kind}, but it is the id of a ${decoded.kind}`,
    );
  }
  return decoded;
}
