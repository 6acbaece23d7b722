import { randomUUID } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import type { CallContext, VendorCallEvent } from '../core/call';
import type { GatewayError } from '../core/errors';
import { RecordLoaders } from '../core/loaders';
import { CursorCodec } from '../core/paging';
import { SharedReads } from '../core/sharedReads';
import type { SourceRegistry } from '../core/sources';
import { ANONYMOUS, type Principal } from '../auth/principal';
import type { KeyedWrites } from '../core/write';
import type { AuditSink } from './audit';

/** An error of one source whose part of a field was left out while the rest answered. */
export interface PartialError {
  error: GatewayError;
  path: ReadonlyArray<string | number>;
}

/** Everything a resolver may use; built fresh for every GraphQL request. */
export interface GatewayContext {
  requestId: string;
  /** Who sent the request; its id scopes idempotency keys and appears in logs. */
  principal: Principal;
  sources: SourceRegistry;
  loaders: RecordLoaders;
  call: CallContext;
  /** Vendor requests made by this operation, retries included. */
  vendorCalls: VendorCallEvent[];
  partialErrors: PartialError[];
  /** Idempotency keys of this gateway's creates (shared by every request). */
  idempotency: KeyedWrites;
  /** Records what became of each write (one audit line each). */
  audit: AuditSink;
  /** Signs list cursors and checks the ones clients send back. */
  cursors: CursorCodec;
  /** Reports a source's error at the current field while the field still answers. */
  reportPartial(error: GatewayError, info: GraphQLResolveInfo): void;
  /** Estimated vendor requests of the operation (set by the limits check before execution). */
  cost: { estimated: number; limit: number } | null;
}

/** What the HTTP edge knows of a request beyond its operation. */
export interface ContextOptions {
  requestId?: string;
  /** Aborts at the operation deadline: vendor calls still open are abandoned. */
  signal?: AbortSignal;
  /** Established by the edge; omitted = an open gateway's anonymous principal. */
  principal?: Principal;
  /** Where the audit line of each write goes; omitted = nowhere. */
  audit?: AuditSink;
  /** The gateway's cursor signer; omitted = this process's own (cursors valid only here). */
  cursors?: CursorCodec;
}

/** For contexts built without a gateway (scripts, tests): one signer for the whole process. */
const PROCESS_CURSORS = CursorCodec.ephemeral();

export function createContext(
  sources: SourceRegistry,
  idempotency: GatewayContext['idempotency'],
  options: ContextOptions = {},
): GatewayContext {
  const requestId = options.requestId ?? randomUUID();
  const vendorCalls: VendorCallEvent[] = [];
  const partialErrors: PartialError[] = [];
  let loaders: RecordLoaders | null = null;
  const call: CallContext = {
    requestId,
    ...(options.signal ? { signal: options.signal } : {}),
    onVendorCall: (event) => vendorCalls.push(event),
    sharedReads: new SharedReads(),
    prime: (record) => loaders?.prime(record),
  };
  loaders = new RecordLoaders(sources, call);
  return {
    requestId,
    principal: options.principal ?? ANONYMOUS,
    audit: options.audit ?? (() => undefined),
    cursors: options.cursors ?? PROCESS_CURSORS,
    sources,
    loaders,
    call,
    vendorCalls,
    partialErrors,
    idempotency,
    reportPartial(error, info) {
      partialErrors.push({ error, path: pathOf(info) });
    },
    cost: null,
  };
}

function pathOf(info: GraphQLResolveInfo): Array<string | number> {
  const out: Array<string | number> = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) out.unshift(p.key);
  return out;
}
