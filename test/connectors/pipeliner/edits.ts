import type { DeleteCommand } from '../../../src/core/connector';
import { createItems, KeyedWrites, type ItemResult } from '../../../src/core/write';
import type { UpdateTypes } from '../../../src/core/writes';
import type { DeletedRecord } from '../../../src/core/records';
import { MemoryIdempotencyStore } from '../../../src/idempotency';
import type { PipelinerSimulator } from '../../../src/simulators/pipeliner';
import { recordingCall } from '../../support/calls';
import type { PipelinerSetup } from './harness';

/*
 * Updates and deletes driven through core's write path (the orchestrator every mutation uses:
 * drafts, dry runs, batch chunks, per-item answers), over the connector and its simulator.
 */

const KEYS = { ttlMs: 60_000, leaseMs: 5_000, waitMs: 2_000, retryMs: 20 };

type Entity = keyof UpdateTypes;

export async function updateMany<E extends Entity>(
  s: PipelinerSetup,
  entity: E,
  commands: Array<UpdateTypes[E]['command']>,
  options: { dryRun?: boolean } = {},
): Promise<Array<ItemResult<UpdateTypes[E]['record']>>> {
  const path = s.connector.updates[entity];
  if (!path) throw new Error(`no update path for ${entity}`);
  const items = commands.map((command) => ({ command, dryRun: options.dryRun ?? false }));
  return createItems<UpdateTypes[E]['command'], UpdateTypes[E]['record']>(
    path,
    items,
    recordingCall(),
    new KeyedWrites(new MemoryIdempotencyStore(), KEYS),
  );
}

export async function updateOne<E extends Entity>(
  s: PipelinerSetup,
  entity: E,
  command: UpdateTypes[E]['command'],
  options: { dryRun?: boolean } = {},
): Promise<ItemResult<UpdateTypes[E]['record']>> {
  return (await updateMany(s, entity, [command], options))[0]!;
}

export async function deleteOne(
  s: PipelinerSetup,
  entity: Entity,
  command: DeleteCommand,
  options: { dryRun?: boolean } = {},
): Promise<ItemResult<DeletedRecord>> {
  const path = s.connector.deletes[entity];
  if (!path) throw new Error(`no delete path for ${entity}`);
  const [result] = await createItems(path, [{ command, dryRun: options.dryRun ?? false }], recordingCall(), new KeyedWrites(new MemoryIdempotencyStore(), KEYS));
  return result!;
}

/** The record as the connector reads it in a later, separate call. */
export async function readLater<E extends Entity>(s: PipelinerSetup, entity: E, id: string): Promise<UpdateTypes[E]['record'] | null> {
  const [record] = await s.connector.getMany(entity, [id], recordingCall());
  return record ?? null;
}

/** Requests that could have written something: anything but GET. */
export function writes(sim: PipelinerSimulator): Array<{ method: string; path: string; body: unknown }> {
  return sim.server.requests().filter((r) => r.method !== 'GET');
}

/** The single PATCH body sent so far (fails the test unless exactly one PATCH was sent). */
export function patchBody(sim: PipelinerSimulator): unknown {
  const patches = sim.server.requests('PATCH');
  if (patches.length !== 1) throw new Error(`expected one PATCH, got ${patches.length}`);
  return patches[0]!.body;
}

/** A stored record without the stamps every write moves, for before/after comparisons. */
export function unstamped(record: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([k]) => k !== 'revision' && k !== 'modified'));
}

/** The fields of `after` that differ from `before` (stamps aside). */
export function changedFields(before: Readonly<Record<string, unknown>> | undefined, after: Readonly<Record<string, unknown>> | undefined): string[] {
  const a = unstamped(before);
  const b = unstamped(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** The record out of an item result, failing the test with what came back otherwise. */
export function recordOf<T>(result: ItemResult<T>): T {
  if (result.kind !== 'created') throw new Error(`expected a written record, got ${JSON.stringify(result)}`);
  return result.record;
}
