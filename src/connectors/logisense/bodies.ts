import type { LogiSensePatchLayout } from './config';
import type { FieldMap } from './errors';
import { withoutEmpty } from '../kit/body';

/*
 * Write bodies, pure. PATCH children follow the one v6 sample (seed 004):
 * `{ details: {}, <childKey>: { items: [ { patchType, patchClientId, ...fields } ] } }`,
 * grandchildren the same way inside the item; or, with `childrenAt: 'details'`, inside
 * `details` (vendor notes §3). Where they sit and the child keys are configurable
 * (notes §9 q1–q2). Each builder also returns where each input field ends up in the request,
 * so the vendor's error messages (which name request paths) map back onto input fields.
 */

export interface NewContact {
  contactTypeId: number;
  title?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
}

export interface NewPoint {
  contactPointTypeId: number;
  value: string;
  /** The input field it came from, e.g. ['emails', '0']. */
  field: string[];
}

/** `POST Account`: only the name; currency, status, type and bill group take the tenant's defaults (notes §2.1, §2.3). */
export function toLogiSenseAccountCreate(name: string): { body: Record<string, unknown>; fields: FieldMap } {
  return { body: { name }, fields: [['name', ['name']]] };
}

/**
 * `PATCH Account/{id}` creating one contact under the account, its contact points nested as
 * grandchildren: the account link and the points in one request, applied all or nothing.
 * `patchClientId` 1 is the contact, 2… the points in input order.
 */
export function toLogiSenseContactPatch(
  layout: LogiSensePatchLayout,
  contact: NewContact,
  points: readonly NewPoint[],
): { body: Record<string, unknown>; fields: FieldMap } {
  const pointItems = points.map((p, i) => ({
    patchType: 'create',
    patchClientId: i + 2,
    contactPointTypeId: p.contactPointTypeId,
    value: p.value,
  }));
  const item = withoutEmpty({
    patchType: 'create',
    patchClientId: 1,
    contactTypeId: contact.contactTypeId,
    title: contact.title,
    firstName: contact.firstName,
    lastName: contact.lastName,
    ...(pointItems.length > 0 ? children(layout, layout.contactPointsKey, pointItems) : {}),
  });
  const contactPath = `${childPath(layout, layout.accountContactsKey, '')}.items[0]`;
  const pointsPath = childPath(layout, layout.contactPointsKey, contactPath);
  const fields: Array<readonly [string, string[] | null]> = [
    [contactPath, null],
    [`${contactPath}.title`, ['title']],
    [`${contactPath}.firstName`, ['firstName']],
    [`${contactPath}.lastName`, ['lastName']],
    ...points.map((p, i) => [`${pointsPath}.items[${i}]`, p.field] as const),
  ];
  // The sample sends the parent's own (empty) `details` beside its children; so do we.
  const body = children(layout, layout.accountContactsKey, [item]);
  return { body: layout.childrenAt === 'topLevel' ? { details: {}, ...body } : body, fields };
}

function children(layout: LogiSensePatchLayout, key: string, items: unknown[]): Record<string, unknown> {
  const container = { [key]: { items } };
  return layout.childrenAt === 'details' ? { details: container } : container;
}

function childPath(layout: LogiSensePatchLayout, key: string, parent: string): string {
  const own = layout.childrenAt === 'details' ? `details.${key}` : key;
  return parent ? `${parent}.${own}` : own;
}
