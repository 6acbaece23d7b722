import { SoError, badRequest } from './errors';

/**
 * PATCH bodies (vendor notes §2 "PATCH"; spec PATCH text): an RFC 6902 JSON Patch array or an
 * RFC 7396 merge-patch object. Paths are case-insensitive and the leading `/` is optional;
 * `add|replace|remove|test` are supported, `move|copy` are not; `op` may be the enum's number
 * (`1` = add, as in the spec's example); a failed `test` is 409. In a merge patch an object
 * given where the entity has an array is appended; an array replaces the array.
 * The patch applies to the rendered entity; writes.ts reads the result back.
 */

type Json = Record<string, unknown>;

const OP_NAMES = ['unknown', 'add', 'replace', 'remove', 'test', 'move', 'copy'] as const;

export interface PatchOp {
  op: string;
  path: string;
  value?: unknown;
}

/** Picks the patch kind from the content type, or from the body's shape for plain JSON. */
export function toOperations(body: unknown, contentType: string, entity: Json): PatchOp[] {
  const ct = contentType.toLowerCase();
  if (ct.includes('json-patch')) {
    if (!Array.isArray(body)) throw badRequest('A JSON Patch body must be an array of operations.');
    return body.map(readOp).map(wholeAddressParts);
  }
  if (ct.includes('merge-patch')) {
    if (!isObject(body)) throw badRequest('A merge patch body must be an object.');
    return mergeToOps(body, entity, '');
  }
  if (Array.isArray(body)) return body.map(readOp).map(wholeAddressParts);
  if (isObject(body)) return mergeToOps(body, entity, '');
  throw badRequest('Entity to save is not in request body.');
}

export function applyOperations(target: Json, ops: PatchOp[]): Json {
  const doc = structuredClone(target);
  for (const op of ops) applyOne(doc, op);
  return doc;
}

function readOp(raw: unknown, i: number): PatchOp {
  if (!isObject(raw)) throw badRequest(`Patch operation ${i} must be an object.`);
  const rawOp = raw.op ?? raw.Op ?? raw.OP;
  const op = typeof rawOp === 'number' ? OP_NAMES[rawOp] : typeof rawOp === 'string' ? rawOp.toLowerCase() : undefined;
  const path = raw.path ?? raw.Path;
  if (!op || typeof path !== 'string') throw badRequest(`Patch operation ${i} needs 'op' and 'path'.`);
  const value = 'value' in raw ? raw.value : raw.Value;
  return { op, path, value };
}

/**
 * A line of a structured address cannot be patched alone (`Address/Street/Address1` fails, the
 * official request collection's note on Person); the whole `Address/Street` or
 * `Address/Postal` object can. What the WebAPI answers is not documented: a 400 here.
 */
function wholeAddressParts(op: PatchOp): PatchOp {
  const segments = op.path.replace(/^\//, '').toLowerCase().split('/');
  if (segments.length > 2 && segments[0] === 'address' && (segments[1] === 'street' || segments[1] === 'postal')) {
    throw badRequest(`Patch path '${op.path}' names a part of an address; replace the whole Address/${segments[1] === 'street' ? 'Street' : 'Postal'} object instead.`);
  }
  return op;
}

/** RFC 7396 as the WebAPI reads it: converted to JSON Patch operations against the entity. */
function mergeToOps(patch: Json, current: unknown, prefix: string): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const path = `${prefix}/${key}`;
    const existing = isObject(current) ? getCaseInsensitive(current, key) : undefined;
    if (value === null) ops.push({ op: 'replace', path, value: null });
    else if (Array.isArray(existing) && isObject(value)) ops.push({ op: 'add', path: `${path}/-`, value });
    else if (isObject(value) && isObject(existing)) ops.push(...mergeToOps(value, existing, path));
    else ops.push({ op: 'replace', path, value });
  }
  return ops;
}

function applyOne(doc: Json, op: PatchOp): void {
  const segments = op.path.replace(/^\//, '').split('/').map(unescape).filter((s, i) => s !== '' || i > 0);
  if (segments.length === 0) throw badRequest(`Patch path '${op.path}' is empty.`);
  const parent = walk(doc, segments.slice(0, -1), op.path);
  const last = segments[segments.length - 1] as string;
  switch (op.op) {
    case 'add':
    case 'replace':
      if (Array.isArray(parent)) {
        if (last === '-') parent.push(op.value);
        else {
          const i = index(last, parent.length + (op.op === 'add' ? 1 : 0), op.path);
          if (op.op === 'add') parent.splice(i, 0, op.value);
          else parent[i] = op.value;
        }
      } else {
        const key = keyFor(parent, last);
        const current = parent[key];
        // Adding an object to an array property appends it (the WebAPI's documented quirk).
        if (op.op === 'add' && Array.isArray(current) && isObject(op.value)) current.push(op.value);
        else parent[key] = op.value;
      }
      return;
    case 'remove':
      if (Array.isArray(parent)) parent.splice(index(last, parent.length, op.path), 1);
      else {
        const key = keyFor(parent, last);
        if (!(key in parent)) throw badRequest(`Patch path '${op.path}' does not exist.`);
        parent[key] = Array.isArray(parent[key]) ? [] : null;
      }
      return;
    case 'test': {
      const actual = Array.isArray(parent) ? parent[index(last, parent.length, op.path)] : parent[keyFor(parent, last)];
      if (!deepEqual(actual, op.value)) {
        throw new SoError(409, 'SoException', `Patch test failed at '${op.path}'.`);
      }
      return;
    }
    case 'move':
    case 'copy':
      throw badRequest(`Patch operation '${op.op}' is not supported.`);
    default:
      throw badRequest(`Unknown patch operation '${op.op}'.`);
  }
}

function walk(doc: Json, segments: string[], path: string): Json | unknown[] {
  let node: unknown = doc;
  for (const seg of segments) {
    if (Array.isArray(node)) node = node[index(seg, node.length, path)];
    else if (isObject(node)) node = node[keyFor(node, seg)];
    else node = undefined;
    if (node === null || node === undefined || typeof node !== 'object') {
      throw badRequest(`Patch path '${path}' does not exist.`);
    }
  }
  return node as Json | unknown[];
}

function keyFor(obj: Json, name: string): string {
  return Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}

function getCaseInsensitive(obj: Json, name: string): unknown {
  return obj[keyFor(obj, name)];
}

function index(seg: string, length: number, path: string): number {
  const i = Number(seg);
  if (!Number.isInteger(i) || i < 0 || i >= length) throw badRequest(`Patch path '${path}' has a bad index.`);
  return i;
}

function unescape(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ao = a as Json;
  const bo = b as Json;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  return [...keys].every((k) => deepEqual(ao[keyFor(ao, k)], bo[keyFor(bo, k)]));
}
