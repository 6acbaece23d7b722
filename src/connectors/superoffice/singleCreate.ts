import type { z } from 'zod';
import type { CallContext } from '../../core/call';
import { GatewayError } from '../../core/errors';
import type { Committed, DraftOf } from '../../core/writes';
import { ID_PROPERTY, plannedRequest, type CreateRequest, type SuperOfficeClient } from './client';
import type { FieldMap } from '../kit/fieldMap';

/** How one entity's save is read: its answer's shape, its fields, its record, its read-back by id. */
export interface SaveReading<W, R> {
  schema: z.ZodType<W>;
  /** Entity property → input field, for a refused save. */
  fields: FieldMap;
  toRecord(saved: W): R;
  /** The entity's reads by id (the connector's own), for a save whose own answer could not be read. */
  readBack(ids: readonly string[], call: CallContext): Promise<Array<R | null>>;
}

/*
 * Every SuperOffice create is one POST and SuperOffice has no batch write: a draft plans that
 * POST, a commit sends it and reads its answer. The payload carries the POST and whatever
 * reading the answer needs.
 */

/** The draft of a create that is the one POST `request`. */
export function plannedCreate<P extends { request: CreateRequest }>(payload: P, warnings: string[] = []): DraftOf<P> {
  return { payload, requests: [plannedRequest(payload.request)], warnings };
}

/** The commit of such drafts: each payload's POST, its answer read as `readingOf(payload)` says. */
export function commitEach<P extends { request: CreateRequest }, W, R>(
  client: SuperOfficeClient,
  readingOf: (payload: P) => SaveReading<W, R>,
): (payloads: readonly P[], call: CallContext) => Promise<Array<Committed<R>>> {
  return (payloads, call) => Promise.all(payloads.map((p) => commitCreate(client, p.request, readingOf(p), call)));
}

/**
 * Sends one planned create and answers its outcome. SuperOffice answers a save with the saved
 * entity, so nothing is read back — except when that answer cannot be read: the record then
 * exists, so it is read back by the id the answer names, and if that fails too it is answered
 * as sent plus its id, with a warning. A confirmed save is never answered as an error.
 */
async function commitCreate<W, R>(
  client: SuperOfficeClient,
  request: CreateRequest,
  reading: SaveReading<W, R>,
  call: CallContext,
): Promise<Committed<R>> {
  const answer = await client.create(request, reading.schema, reading.fields, call);
  if (answer.kind === 'saved') return { record: reading.toRecord(answer.entity), warnings: [] };
  const { id, problem } = answer;
  if (id === null) {
    return new GatewayError(
      'SOURCE_OUTCOME_UNKNOWN',
      `${problem.message}: SuperOffice confirmed the ${request.entity} but named no id, so it cannot be shown`,
      problem.detail,
      { cause: problem },
    );
  }
  const read = await reading
    .readBack([String(id)], call)
    .then((records) => records[0] ?? null)
    .catch(() => null);
  if (read) return { record: read, warnings: [] };
  const asSent = reading.schema.parse({ ...request.body, [ID_PROPERTY[request.entity]]: id });
  return {
    record: reading.toRecord(asSent),
    warnings: [
      `SuperOffice saved ${request.entity} ${id}, but neither its answer nor a read-back could be read; the record shown is what was sent`,
    ],
  };
}
