import { ErrorCode } from './envelopes';
import type { LogiSenseSwitches } from './switches';
import { at, isObject, type ReadContext } from './validation';

/**
 * PATCH children: `{ details: {}, <childKey>: { items: [ { patchType, patchClientId, ...fields } ] } }`,
 * the containers beside an empty `details` as in the seed 004 PATCH sample (the default), or
 * inside it, `details: { <childKey>: { items: [...] } }`, when the `patchChildrenAt` switch says
 * `details` (vendor notes §3).
 */
export type PatchType = 'create' | 'update' | 'delete' | 'attach' | 'detach';

const PATCH_TYPES: readonly PatchType[] = ['create', 'update', 'delete', 'attach', 'detach'];

export interface ChildItem {
  /** Where the item sits in the request, for error messages: `details.contacts.items[0]`. */
  path: string;
  patchType: PatchType;
  patchClientId: number | undefined;
  body: Record<string, unknown>;
}

/** Keys of an item that are patch bookkeeping, not fields of the child. */
export const PATCH_KEYS: ReadonlySet<string> = new Set(['patchType', 'patchClientId']);

/** Top-level keys of a body that hold children and so are not fields of the parent. */
export function childContainerKeys(switches: LogiSenseSwitches, childKeys: readonly string[]): Set<string> {
  return new Set(switches.patchChildrenAt === 'details' ? ['details'] : ['details', ...childKeys]);
}

/**
 * Reads the child items of `body` for each key in `allowed` (key → patch types it supports).
 * Unsupported patch types and malformed containers are problems; unknown child keys are
 * ignored or rejected like unknown fields (switch `extraFields`).
 */
export function readChildren(
  body: Record<string, unknown>,
  path: string,
  allowed: Readonly<Record<string, readonly PatchType[]>>,
  ctx: ReadContext,
): Record<string, ChildItem[]> {
  const out: Record<string, ChildItem[]> = {};
  for (const key of Object.keys(allowed)) out[key] = [];
  const inDetails = ctx.switches.patchChildrenAt === 'details';
  const containerPath = inDetails ? at(path, 'details') : path;
  const container = inDetails ? body['details'] : body;
  if (!inDetails) rejectChildrenInDetails(body, path, allowed, ctx);
  if (container === undefined || container === null) return out;
  if (!isObject(container)) {
    ctx.problems.push({ code: ErrorCode.invalidValue, message: `${containerPath} must be an object.` });
    return out;
  }
  for (const [key, value] of Object.entries(container)) {
    const patchTypes = allowed[key];
    if (!patchTypes) {
      if (inDetails && ctx.switches.extraFields === 'reject') {
        ctx.problems.push({ code: ErrorCode.unknownField, message: `${at(containerPath, key)} is not a child of this object.` });
      }
      continue;
    }
    out[key] = readItems(value, at(containerPath, key), patchTypes, ctx);
  }
  return out;
}

function readItems(value: unknown, path: string, patchTypes: readonly PatchType[], ctx: ReadContext): ChildItem[] {
  const items = isObject(value) ? value['items'] : undefined;
  if (!Array.isArray(items)) {
    ctx.problems.push({ code: ErrorCode.invalidValue, message: `${path} must be an object with an items array.` });
    return [];
  }
  const out: ChildItem[] = [];
  items.forEach((item: unknown, i) => {
    const itemPath = `${path}.items[${i}]`;
    if (!isObject(item)) {
      ctx.problems.push({ code: ErrorCode.invalidValue, message: `${itemPath} must be an object.` });
      return;
    }
    const rawType = item['patchType'];
    const patchType = typeof rawType === 'string' ? (rawType.toLowerCase() as PatchType) : undefined;
    if (patchType === undefined) {
      ctx.problems.push({ code: ErrorCode.required, message: `${itemPath}.patchType is required.` });
      return;
    }
    if (!PATCH_TYPES.includes(patchType) || !patchTypes.includes(patchType)) {
      ctx.problems.push({
        code: ErrorCode.invalidValue,
        message: `${itemPath}.patchType '${String(rawType)}' is not supported here; use one of ${patchTypes.join(', ')}.`,
      });
      return;
    }
    const rawClientId = item['patchClientId'];
    let patchClientId: number | undefined;
    if (rawClientId !== undefined && rawClientId !== null) {
      const n = typeof rawClientId === 'string' && rawClientId.trim() !== '' ? Number(rawClientId) : rawClientId;
      if (typeof n === 'number' && Number.isFinite(n)) patchClientId = n;
      else ctx.problems.push({ code: ErrorCode.invalidValue, message: `${itemPath}.patchClientId must be a number.` });
    }
    out.push({ path: itemPath, patchType, patchClientId, body: item });
  });
  return out;
}

/** The `identity` an update/delete/attach/detach item names; a problem when absent or bad. */
export function itemIdentity(item: ChildItem, ctx: ReadContext): number | undefined {
  const raw = item.body['identity'];
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n === 'number' && Number.isInteger(n) && n > 0) return n;
  ctx.problems.push({
    code: raw === undefined ? ErrorCode.required : ErrorCode.invalidValue,
    message: `${item.path}.identity is required for patchType '${item.patchType}'.`,
  });
  return undefined;
}

/**
 * With children beside `details`, child containers inside `details` are not read: ignored as a
 * .NET deserializer would, or refused when `extraFields` is `reject`.
 */
function rejectChildrenInDetails(
  body: Record<string, unknown>,
  path: string,
  allowed: Readonly<Record<string, readonly PatchType[]>>,
  ctx: ReadContext,
): void {
  const details = body['details'];
  if (ctx.switches.extraFields !== 'reject' || !isObject(details)) return;
  for (const key of Object.keys(details)) {
    const where = key in allowed ? `; send ${at(path, key)} beside details` : '';
    ctx.problems.push({ code: ErrorCode.unknownField, message: `${at(at(path, 'details'), key)} is not a child of this object${where}.` });
  }
}
