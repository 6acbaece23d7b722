import type { SimRequest, SimResponse } from '../kit';
import { readArrayBody, readItem, type ReadItem } from './body';
import { frameworkError, MESSAGES, vendorError } from './errors';
import type { ModelSpec } from './models';
import type { Cin7Switches } from './switches';

/**
 * BatchResultItem (vendor notes §2): `index` = position in the request array, `id` = the record
 * id (new on create), `code` = the record's code (quote reference; contacts have none → null),
 * `errors` = strings, empty on success. A failed item reads `id: 0, code: ""` as in the spec's
 * example relayed by the notes — clients must match results by `index`, never by `id`.
 */
export interface BatchResultItem {
  index: number;
  success: boolean;
  id: number;
  code: string | null;
  errors: string[];
}

export type ItemOutcome = { ok: true; id: number; code: string | null } | { ok: false; errors: string[] };

/**
 * A POST/PUT of an array (vendor notes §2): non-array or unparsable JSON → 400 "Missing or
 * malformed JSON data; …"; more than `batchLimit` records → 400 "Batch limit is 250."; in both
 * cases nothing is applied. Otherwise each record is handled on its own, in order, and the answer
 * is 200 with one result per record: good records are committed beside failed ones.
 */
export function runBatch(
  req: SimRequest,
  models: readonly ModelSpec[],
  switches: Cin7Switches,
  handle: (item: ReadItem, index: number) => ItemOutcome,
): SimResponse {
  const media = mediaTypeProblem(req);
  if (media) return media;
  const body = readArrayBody(req.rawBody);
  if (!body.ok) return vendorError(400, MESSAGES.malformedJson, switches);
  if (body.items.length > switches.batchLimit) return vendorError(400, MESSAGES.batchLimit(switches.batchLimit), switches);
  const model = joined(models);
  const read = body.items.map((item, i) => readItem(item, model, `[${i}]`, { unknownMembers: switches.unknownBodyFields }));
  // Newtonsoft binds the whole array before Cin7's code runs: with `rejectRequest` one bad value spoils the request.
  if (switches.typeMismatch === 'rejectRequest' && read.some((r) => r.errors.length > 0)) {
    return vendorError(400, MESSAGES.malformedJson, switches);
  }
  const results: BatchResultItem[] = read.map((item, index) => {
    const outcome: ItemOutcome = item.errors.length > 0 ? { ok: false, errors: item.errors } : handle(item, index);
    return outcome.ok
      ? { index, success: true, id: outcome.id, code: outcome.code, errors: [] }
      : { index, success: false, id: 0, code: '', errors: outcome.errors };
  });
  return { status: 200, body: results };
}

/** One model of every field of `models` (a quote body holds the Quote fields and the write-only ones); the first model names it. */
function joined(models: readonly ModelSpec[]): ModelSpec {
  const [first] = models;
  if (!first) throw new Error('runBatch needs a model');
  if (models.length === 1) return first;
  const fields = models.flatMap((m) => m.fields);
  return { name: first.name, fields, byLowerName: new Map(fields.map((f) => [f.wire.toLowerCase(), f])) };
}

/**
 * ASP.NET picks a formatter by Content-Type (vendor notes §1: `application/json`, `text/json`).
 * Another media type is 415; a body without Content-Type is read as octet-stream, also 415.
 */
function mediaTypeProblem(req: SimRequest): SimResponse | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '') {
    if (req.rawBody.trim() === '') return null; // no body: the parameter binds null → malformed JSON (400)
    return frameworkError(
      415,
      "The request contains an entity body but no Content-Type header. The inferred media type 'application/octet-stream' is not supported for this resource.",
    );
  }
  if (type === 'application/json' || type === 'text/json' || type.endsWith('+json')) return null;
  return frameworkError(415, `The request entity's media type '${type}' is not supported for this resource.`);
}
