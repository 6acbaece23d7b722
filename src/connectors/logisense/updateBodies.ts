import type { LogiSensePatchLayout } from './config';
import type { FieldMap } from './errors';

/*
 * Update bodies, pure. An update is one `PATCH X/{id}` carrying only what changes: the object's
 * changed properties at the top level, named in the `UpdateRequest` header (notes §1.3: the
 * properties the write changes), and, for a contact, its contact points as children
 * (seed 004: "Standard PATCH objects: contactPoint - create, update, delete"), in the layout
 * the creates use (`options.patch`).
 */

/** Own properties of a contact the gateway changes; `null` clears. */
export interface ContactFieldChanges {
  title?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

export interface PointCreate {
  contactPointTypeId: number;
  value: string;
  /** The input field it came from, e.g. ['emails', '1']. */
  field: string[];
}

export interface PointDelete {
  identity: number;
  /** The input list that no longer holds it: ['emails']. */
  field: string[];
}

export interface UpdateBody {
  body: Record<string, unknown>;
  /** `UpdateRequest` when the object's own properties change; none when only children do. */
  headers?: Record<string, string>;
  fields: FieldMap;
}

/** The `UpdateRequest` header naming exactly the properties sent (notes §1.3). */
export function updateRequestHeader(properties: readonly string[]): Record<string, string> | undefined {
  return properties.length > 0 ? { UpdateRequest: JSON.stringify({ filters: properties }) } : undefined;
}

/** `PATCH Account/{id}` with the changed properties only (a v6 account's one writable field the gateway maps is `name`). */
export function toLogiSenseAccountUpdate(changes: { name?: string }): UpdateBody {
  const body: Record<string, unknown> = { ...changes };
  const headers = updateRequestHeader(Object.keys(body));
  return { body, ...(headers ? { headers } : {}), fields: [['name', ['name']]] };
}

/**
 * `PATCH Contact/{id}`: the changed properties, then the contact point children — `create` for
 * each value new to the list, `delete` (by identity) for each point whose value left it.
 * `patchClientId`s are ours, 1… in item order.
 */
export function toLogiSenseContactUpdate(
  layout: LogiSensePatchLayout,
  changes: ContactFieldChanges,
  creates: readonly PointCreate[],
  deletes: readonly PointDelete[],
): UpdateBody {
  const own: Record<string, unknown> = { ...changes };
  const items = [
    ...deletes.map((d) => ({ patchType: 'delete', identity: d.identity })),
    ...creates.map((c) => ({ patchType: 'create', contactPointTypeId: c.contactPointTypeId, value: c.value })),
  ].map((item, i) => ({ ...item, patchClientId: i + 1 }));
  const key = layout.contactPointsKey;
  const pointsPath = layout.childrenAt === 'details' ? `details.${key}` : key;
  const fields: Array<readonly [string, string[] | null]> = [
    ...Object.keys(own).map((k): readonly [string, string[]] => [k, [k]]),
    ...[...deletes, ...creates].map((p, i) => [`${pointsPath}.items[${i}]`, p.field] as const),
  ];
  let body = own;
  if (items.length > 0) {
    const container = { [key]: { items } };
    // As in the creates: children beside an empty `details` (seed 004), or inside it.
    body = layout.childrenAt === 'details' ? { ...own, details: container } : { ...own, details: {}, ...container };
  }
  const headers = updateRequestHeader(Object.keys(own));
  return { body, ...(headers ? { headers } : {}), fields };
}
