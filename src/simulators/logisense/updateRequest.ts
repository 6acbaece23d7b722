import type { SimRequest, SimResponse } from '../kit';
import { ErrorCode, errorAnswer, type Problem } from './envelopes';
import type { LogiSenseSwitches } from './switches';
import type { EntitySpec } from './validation';

/**
 * The `UpdateRequest` header of `PUT`/`PATCH X/{id}` (vendor notes §1.3):
 * `UpdateRequest: {"filters":["prop1","prop2"]}` names the properties of the object the write
 * changes. Required before v4 and optional since, so without it every property in the body is
 * written. With it, only the named properties are written and every other property in the body
 * is left as it was; children (PATCH objects) are not properties and are not filtered.
 *
 * The notes give the shape, not the refusals, so the simulator is strict where it is silent (the
 * choice is in the README): a header that is not that JSON, a filter naming a property the
 * object does not have or cannot be written, or one the body does not carry, is a 400 with
 * every problem listed.
 */
export function applyUpdateRequest(
  req: SimRequest,
  body: Record<string, unknown>,
  spec: EntitySpec,
  type: 'update' | 'patch',
  switches: LogiSenseSwitches,
  seen: (filters: readonly string[] | null) => void,
): { body: Record<string, unknown> } | SimResponse {
  const raw = req.headers['updaterequest'];
  if (raw === undefined || switches.updateRequestHeader === 'ignore') {
    seen(null);
    return { body };
  }
  const problems: Problem[] = [];
  const filters = readFilters(Array.isArray(raw) ? raw.join(',') : raw, problems);
  for (const name of filters) {
    const field = spec[name];
    if (!field) problems.push({ code: ErrorCode.invalidValue, message: `UpdateRequest filter '${name}' is not a property of this object.` });
    else if (field.readOnly) problems.push({ code: ErrorCode.readOnlyField, message: `UpdateRequest filter '${name}' is read-only.` });
    else if (!(name in body)) problems.push({ code: ErrorCode.required, message: `UpdateRequest filter '${name}' names a property the body does not carry.` });
  }
  seen(filters);
  if (problems.length > 0) return errorAnswer(400, type, problems);
  const named = new Set(filters);
  // Only the object's own writable properties are filtered; identity and children pass as sent.
  const kept = Object.entries(body).filter(([key]) => !(spec[key] && !spec[key].readOnly) || named.has(key));
  return { body: Object.fromEntries(kept) };
}

function readFilters(raw: string, problems: Problem[]): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push({ code: ErrorCode.malformedRequest, message: 'The UpdateRequest header is not valid JSON.' });
    return [];
  }
  const filters = typeof parsed === 'object' && parsed !== null ? (parsed as { filters?: unknown }).filters : undefined;
  if (!Array.isArray(filters) || !filters.every((f): f is string => typeof f === 'string')) {
    problems.push({ code: ErrorCode.malformedRequest, message: 'The UpdateRequest header must be {"filters":["property", …]}.' });
    return [];
  }
  return filters;
}
