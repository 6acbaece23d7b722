import type { z } from 'zod';
import type { CallContext } from '../../core/call';
import { GatewayError, InputRejected } from '../../core/errors';
import type { DeletedRecord } from '../../core/records';
import { missingRecord, staleVersion } from '../../core/write/version';
import type { Committed, DraftOf } from '../../core/writes';
import type { FieldMap } from '../kit/fieldMap';
import { plannedDelete, plannedPatch, type EntityName, type EntityWrite, type PatchOperation, type SuperOfficeClient } from './client';
import { numericId } from './ids';
import { preconditionHeaders, versionOf } from './version';

/** The unified entity behind each SuperOffice entity, for the shared NOT_FOUND answer. */
export type UnifiedEntity = 'ACCOUNT' | 'CONTACT' | 'OPPORTUNITY';

/** How one entity's update is read back: its answer's shape, its fields, its record. */
export interface UpdateReading<W, R> {
  unified: UnifiedEntity;
  schema: z.ZodType<W>;
  /** Entity property → input field, for a refused save. */
  fields: FieldMap;
  toRecord(saved: W): R;
}

/** An update as drafted: the PATCH (no operations = nothing changes), and the record as read. */
export interface UpdatePayload<R> {
  write: EntityWrite;
  ops: PatchOperation[];
  expectedVersion: string | undefined;
  current: R;
}

/** An entity's delete as drafted. */
export interface DeletePayload {
  write: EntityWrite;
  unified: UnifiedEntity;
  expectedVersion: string | undefined;
}

/*
 * Every SuperOffice update is one PATCH of JSON Patch `replace` operations (one per property
 * that changes) and every delete one DELETE, each with `If-Unmodified-Since` when the caller
 * gave a version; SuperOffice has no batch write. A 412 is the CONFLICT the draft's own check
 * answers, with the version the record is at now (read after the 412).
 */

export function plannedUpdate<R, P extends UpdatePayload<R>>(payload: P, warnings: string[] = []): DraftOf<P> {
  return { payload, requests: payload.ops.length > 0 ? [plannedPatch(payload.write, payload.ops)] : [], warnings };
}

export function plannedRemoval(payload: DeletePayload, warnings: string[] = []): DraftOf<DeletePayload> {
  return { payload, requests: [plannedDelete(payload.write)], warnings };
}

/** The commit of update drafts: each payload's PATCH, read as `reading` says. */
export function commitUpdates<W, R extends { version?: string | null }, P extends UpdatePayload<R> = UpdatePayload<R>>(
  client: SuperOfficeClient,
  reading: (payload: P) => UpdateReading<W, R>,
): (payloads: readonly P[], call: CallContext) => Promise<Array<Committed<R>>> {
  return (payloads, call) => Promise.all(payloads.map((p) => commitUpdate(client, p, reading(p), call)));
}

async function commitUpdate<W, R extends { version?: string | null }>(
  client: SuperOfficeClient,
  payload: UpdatePayload<R>,
  reading: UpdateReading<W, R>,
  call: CallContext,
): Promise<Committed<R>> {
  // Nothing to change (every change equal to what the record holds): the record as read.
  if (payload.ops.length === 0) return { record: payload.current, warnings: [] };
  const { write } = payload;
  const answer = await client.patch(write, payload.ops, reading.schema, reading.fields, call);
  switch (answer.kind) {
    case 'saved':
      return { record: reading.toRecord(answer.entity), warnings: [] };
    case 'missing':
      return new InputRejected([missingRecord(reading.unified, String(write.id))]);
    case 'stale':
      return conflictNow(client, write, reading, payload.expectedVersion, call);
    case 'unreadable': {
      // Saved, but its answer cannot be read: the record as SuperOffice now has it, read again.
      const read = await client.entity(write.entity, write.id, reading.schema, call).catch(() => null);
      if (read) return { record: reading.toRecord(read), warnings: [] };
      // Written, state unreadable: never "nothing was written", so a keyed retry sends nothing again.
      return new GatewayError(
        'SOURCE_OUTCOME_UNKNOWN',
        `${answer.problem.message}: SuperOffice saved ${write.entity} ${write.id}, but neither its answer nor a read-back could be read`,
        answer.problem.detail,
        { cause: answer.problem },
      );
    }
  }
}

/** The commit of delete drafts: each payload's DELETE; the answer is the id that is gone. */
export function commitDeletes(
  client: SuperOfficeClient,
  schema: z.ZodType<{ UpdatedDate?: string | null | undefined; CreatedDate?: string | null | undefined }>,
): (payloads: readonly DeletePayload[], call: CallContext) => Promise<Array<Committed<DeletedRecord>>> {
  return (payloads, call) =>
    Promise.all(
      payloads.map(async (p): Promise<Committed<DeletedRecord>> => {
        const answer = await client.remove(p.write, call);
        if (answer.kind === 'missing') return new InputRejected([missingRecord(p.unified, String(p.write.id))]);
        if (answer.kind === 'stale') {
          const reading = { unified: p.unified, schema, fields: {}, toRecord: (w: z.infer<typeof schema>) => ({ version: versionOf(w.UpdatedDate, w.CreatedDate) }) };
          return conflictNow(client, p.write, reading, p.expectedVersion, call);
        }
        return { record: { remoteId: String(p.write.id) }, warnings: [] };
      }),
    );
}

/**
 * The CONFLICT for a write SuperOffice refused with 412, naming the version the record is at
 * now; NOT_FOUND when it is gone meanwhile.
 */
async function conflictNow<W, R extends { version?: string | null }>(
  client: SuperOfficeClient,
  write: EntityWrite,
  reading: UpdateReading<W, R>,
  expected: string | undefined,
  call: CallContext,
): Promise<InputRejected> {
  const now = await client.entity(write.entity, write.id, reading.schema, call);
  if (now === null) return new InputRejected([missingRecord(reading.unified, String(write.id))]);
  const current = reading.toRecord(now).version ?? null;
  // A 412 is a change SuperOffice saw, even within the second the version names.
  const conflict = staleVersion(expected ?? '', current) ?? staleVersion(expected ?? '', null);
  return new InputRejected(conflict ? [conflict] : []);
}

/** What a draft read of the record a command names: the entity, or null when there is none. */
export interface Current<W> {
  id: number;
  wire: W | null;
}

/**
 * The records `ids` name, read once each (`GET /{Entity}/{id}`, every e-mail, phone and the
 * structured address, which an archive row cannot carry); an id SuperOffice cannot have is
 * "none" without a call.
 */
export function readCurrent<W>(
  client: SuperOfficeClient,
  entity: EntityName,
  ids: readonly string[],
  schema: z.ZodType<W>,
  call: CallContext,
): Promise<Array<Current<W> | null>> {
  return Promise.all(
    ids.map(async (raw) => {
      const id = numericId(raw);
      return id === null ? null : { id, wire: await client.entity(entity, id, schema, call) };
    }),
  );
}

/**
 * The checks every update and delete makes first: the record exists, and is still at the
 * caller's version. Problems go to `errors`; the write (with its precondition) otherwise.
 */
export function checkedWrite<W extends { UpdatedDate?: string | null | undefined; CreatedDate?: string | null | undefined }>(
  unified: UnifiedEntity,
  entity: EntityName,
  command: { id: string; expectedVersion?: string },
  current: Current<W> | null,
): { write: EntityWrite; wire: W } | InputRejected {
  if (!current?.wire) return new InputRejected([missingRecord(unified, command.id)]);
  const stale = staleVersion(command.expectedVersion, versionOf(current.wire.UpdatedDate, current.wire.CreatedDate));
  if (stale) return new InputRejected([stale]);
  return { write: { entity, id: current.id, precondition: preconditionHeaders(command.expectedVersion) }, wire: current.wire };
}
