import type { DeleteCommand } from '../../../src/core/connector';
import { createItems, KeyedWrites, type ItemResult } from '../../../src/core/write';
import type { DeletedRecord } from '../../../src/core/records';
import type { UpdateTypes, WritableEntity } from '../../../src/core/writes';
import { MemoryIdempotencyStore } from '../../../src/idempotency';
import type { LoggedRequest } from '../../../src/simulators/kit';
import { recordingCall } from '../../support/calls';
import type { SuperOfficeSetup } from './harness';

/**
 * Updates and deletes driven through core's orchestrator (the path every mutation takes):
 * drafts, dry runs, idempotency keys and commits as the gateway runs them.
 */
export function writePaths(s: () => SuperOfficeSetup) {
  const keys = new KeyedWrites(new MemoryIdempotencyStore(), { ttlMs: 60_000, leaseMs: 5_000, waitMs: 2_000, retryMs: 20 });
  const options = (o: { dryRun?: boolean; key?: string }) => ({
    dryRun: o.dryRun ?? false,
    ...(o.key ? { key: { id: o.key, fingerprint: `fp-${o.key}` } } : {}),
  });
  return {
    async update<E extends WritableEntity>(
      entity: E,
      command: UpdateTypes[E]['command'],
      o: { dryRun?: boolean; key?: string } = {},
    ): Promise<ItemResult<UpdateTypes[E]['record']>> {
      const path = s().connector.updates[entity];
      if (!path) throw new Error(`no ${entity} updates`);
      const [result] = await createItems(path as never, [{ command, ...options(o) }], recordingCall(), keys);
      return result as ItemResult<UpdateTypes[E]['record']>;
    },
    async remove(entity: WritableEntity, command: DeleteCommand, o: { dryRun?: boolean } = {}): Promise<ItemResult<DeletedRecord>> {
      const path = s().connector.deletes[entity];
      if (!path) throw new Error(`no ${entity} deletes`);
      const [result] = await createItems(path, [{ command, ...options(o) }], recordingCall(), keys);
      return result!;
    },
    /** The writes the tenant received, paths below its API base. */
    writes(): Array<Pick<LoggedRequest, 'method' | 'body' | 'status'> & { path: string }> {
      return s()
        .sim.server.log.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
        .map((r) => ({ method: r.method, path: r.path.replace(`/${s().sim.tenant}/api/v1`, ''), body: r.body, status: r.status }));
    },
  };
}

/** The properties whose values differ between two store records, audit stamps left out. */
export function changed(before: object | undefined, after: object | undefined): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => !['updatedDate', 'updatedById'].includes(k))
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

/** The record of a committed result (fails the test otherwise). */
export function recordOf<T>(result: ItemResult<T> | undefined): T {
  if (result?.kind !== 'created') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return result.record;
}
