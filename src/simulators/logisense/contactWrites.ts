import { childContainerKeys, itemIdentity, PATCH_KEYS, readChildren, type ChildItem } from './children';
import { addressDto, contactDto, contactPointDto } from './dto';
import { ErrorCode, type ResultItem } from './envelopes';
import {
  checkAccountContactTypes,
  checkAddress,
  checkPoint,
  checkPointSet,
  checkRef,
  type Step,
  type WriteContext,
} from './rules';
import { ADDRESS_SPEC, CONTACT_POINT_SPEC, CONTACT_SPEC } from './specs';
import type { AddressRow, ContactRow, LogiSenseStore } from './store';
import { readFields } from './validation';

/**
 * Contact writes: `POST Contact`, `PUT Contact/{id}`, `PATCH Contact/{id}` and contacts as
 * children of an account. A contact's PATCH children are its contact points (create, update,
 * delete) and its address (create, update, delete, attach, detach): the "Standard PATCH
 * objects" of seed 004. A POST may carry child creates too, as a v6 client sends
 * `details.<children>.items` in a POST body (vendor notes §3).
 */

export interface ContactPlan {
  steps: Step[];
  /** The contact type the contact will have; undefined when the request named none or a bad one. */
  finalTypeId: number | undefined;
}

const labelOf = (path: string, fallback: string) => path || fallback;

export function planContactCreate(
  ctx: WriteContext,
  body: Record<string, unknown>,
  path: string,
  opts: { patchClientId?: number; onCreated?: (contactId: number) => void } = {},
): ContactPlan {
  const { store, switches } = ctx;
  const pointsKey = switches.contactPointsKey;
  const handled = new Set([...childContainerKeys(switches, [pointsKey, 'address']), ...PATCH_KEYS]);
  const fields = readFields(CONTACT_SPEC, body, 'create', path, ctx, handled);
  const typeId = fields['contactTypeId'];
  const finalTypeId =
    typeof typeId === 'number' && checkRef(ctx, store.contactTypes, typeId, path, 'contactTypeId', 'ContactType') ? typeId : undefined;
  const children = readChildren(body, path, { [pointsKey]: ['create'], address: ['create'] }, ctx);

  const idRef = { id: 0 };
  const steps: Step[] = [
    () => {
      const row: ContactRow = {
        identity: store.nextId('contact'),
        contactTypeId: fields['contactTypeId'] as number,
        title: (fields['title'] as string | null | undefined) ?? null,
        firstName: (fields['firstName'] as string | null | undefined) ?? null,
        lastName: (fields['lastName'] as string | null | undefined) ?? null,
        isUsedForTax: (fields['isUsedForTax'] as boolean | undefined) ?? false,
        addressId: null,
      };
      store.contacts.set(row.identity, row);
      idRef.id = row.identity;
      opts.onCreated?.(row.identity);
      return [item(row.identity, 'created', 'contact', opts.patchClientId, contactDto(store, row))];
    },
  ];

  const pointTypes: number[] = [];
  for (const child of children[pointsKey] ?? []) {
    const f = readFields(CONTACT_POINT_SPEC, child.body, 'create', child.path, ctx, new Set([...PATCH_KEYS, 'contactId']));
    const pointTypeId = f['contactPointTypeId'];
    if (typeof pointTypeId !== 'number') continue;
    checkPoint(ctx, pointTypeId, finalTypeId, f['value'] as string | undefined, child.path);
    pointTypes.push(pointTypeId);
    steps.push(pointCreateStep(store, () => idRef.id, pointTypeId, f['value'] as string, child.patchClientId));
  }
  if (finalTypeId !== undefined) checkPointSet(ctx, finalTypeId, pointTypes, labelOf(path, 'The contact'));

  const addresses = children['address'] ?? [];
  if (addresses.length > 1) {
    ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${labelOf(path, 'The contact')} can have one address; ${addresses.length} were sent.` });
  }
  for (const child of addresses.slice(0, 1)) {
    const f = readFields(ADDRESS_SPEC, child.body, 'create', child.path, ctx, PATCH_KEYS);
    checkAddress(ctx, f, child.path);
    steps.push(() => {
      const address = newAddress(store, f);
      const contact = store.contacts.get(idRef.id);
      if (contact) contact.addressId = address.identity;
      return [item(address.identity, 'created', 'address', child.patchClientId, addressDto(store, address))];
    });
  }
  return { steps, finalTypeId };
}

/**
 * `PUT` (fields only) or `PATCH` (fields and children) of an existing contact. With
 * `checkAccounts`, a change of contact type is checked against every account the contact belongs
 * to except `skipAccountId` (whose caller checks it with the rest of its own request).
 */
export function planContactUpdate(
  ctx: WriteContext,
  contact: ContactRow,
  body: Record<string, unknown>,
  path: string,
  opts: { mode: 'put' | 'patch'; patchClientId?: number; skipAccountId?: number },
): ContactPlan {
  const { store, switches } = ctx;
  const pointsKey = switches.contactPointsKey;
  const label = labelOf(path, `Contact ${contact.identity}`);
  const handled = new Set(['identity']);
  if (opts.mode === 'patch') for (const k of [...childContainerKeys(switches, [pointsKey, 'address']), ...PATCH_KEYS]) handled.add(k);
  checkBodyIdentity(ctx, body, contact.identity, path);
  const fields = readFields(CONTACT_SPEC, body, 'update', path, ctx, handled);
  let finalTypeId: number | undefined = contact.contactTypeId;
  if (typeof fields['contactTypeId'] === 'number') {
    finalTypeId = checkRef(ctx, store.contactTypes, fields['contactTypeId'], path, 'contactTypeId', 'ContactType')
      ? fields['contactTypeId']
      : undefined;
  }
  const children =
    opts.mode === 'patch'
      ? readChildren(body, path, { [pointsKey]: ['create', 'update', 'delete'], address: ['create', 'update', 'delete', 'attach', 'detach'] }, ctx)
      : {};

  const steps: Step[] = [
    () => {
      assignContactFields(contact, fields);
      const changed = opts.mode === 'put' || Object.keys(fields).length > 0;
      // The PATCHed object itself (not a child contact of an account) may be left out (switch).
      if (!changed && path === '' && switches.patchParentItem === 'whenChanged') return [];
      return [item(contact.identity, changed ? 'updated' : 'retrieved', 'contact', opts.patchClientId, contactDto(store, contact))];
    },
  ];
  const finalPoints = planPointChildren(ctx, contact, children[pointsKey] ?? [], finalTypeId, steps);
  if (finalTypeId !== undefined) {
    for (const [pointId, pointTypeId] of finalPoints) {
      const type = store.contactPointTypes.get(pointTypeId);
      if (typeof pointId === 'number' && type && type.contactTypeId !== finalTypeId) {
        ctx.problems.push({
          code: ErrorCode.ruleViolation,
          message: `${label}: contact point ${pointId} ('${type.name}') belongs to another ContactType; update or delete it in the same PATCH to change contactTypeId.`,
        });
      }
    }
    checkPointSet(ctx, finalTypeId, [...finalPoints.values()], label);
  }
  planAddressChildren(ctx, contact, children['address'] ?? [], label, steps);

  if (finalTypeId !== undefined && finalTypeId !== contact.contactTypeId) {
    for (const account of store.accountsOf(contact.identity)) {
      if (account.identity === opts.skipAccountId) continue;
      const types = store.contactsOf(account).map((c) => (c.identity === contact.identity ? finalTypeId : c.contactTypeId));
      checkAccountContactTypes(ctx, account.identity, types, path);
    }
  }
  return { steps, finalTypeId };
}

/** Plans contact point children; returns the contact's final points (id or new-key → type). */
function planPointChildren(
  ctx: WriteContext,
  contact: ContactRow,
  items: readonly ChildItem[],
  finalTypeId: number | undefined,
  steps: Step[],
): Map<number | string, number> {
  const { store } = ctx;
  const existing = new Map(store.pointsOf(contact.identity).map((p) => [p.identity, p]));
  const final = new Map<number | string, number>([...existing.values()].map((p) => [p.identity, p.contactPointTypeId]));
  const seen = new Set<number>();
  items.forEach((child, i) => {
    if (child.patchType === 'create') {
      const f = readFields(CONTACT_POINT_SPEC, child.body, 'create', child.path, ctx, new Set([...PATCH_KEYS, 'contactId']));
      const pointTypeId = f['contactPointTypeId'];
      if (typeof pointTypeId !== 'number') return;
      checkPoint(ctx, pointTypeId, finalTypeId, f['value'] as string | undefined, child.path);
      final.set(`new-${i}`, pointTypeId);
      steps.push(pointCreateStep(store, () => contact.identity, pointTypeId, f['value'] as string, child.patchClientId));
      return;
    }
    const id = itemIdentity(child, ctx);
    if (id === undefined) return;
    const point = existing.get(id);
    if (!point) {
      ctx.problems.push({ code: ErrorCode.unknownReference, message: `${child.path}.identity ${id} is not a contact point of contact ${contact.identity}.` });
      return;
    }
    if (seen.has(id)) {
      ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${child.path}.identity ${id} appears in more than one item.` });
      return;
    }
    seen.add(id);
    if (child.patchType === 'delete') {
      final.delete(id);
      steps.push(() => {
        const instance = contactPointDto(store, point);
        store.removeContactPoint(id);
        return [item(id, 'deleted', 'contactPoint', child.patchClientId, instance)];
      });
      return;
    }
    const f = readFields(CONTACT_POINT_SPEC, child.body, 'update', child.path, ctx, new Set([...PATCH_KEYS, 'identity', 'contactId']));
    const pointTypeId = (f['contactPointTypeId'] as number | undefined) ?? point.contactPointTypeId;
    checkPoint(ctx, pointTypeId, finalTypeId, (f['value'] as string | undefined) ?? point.value, child.path);
    final.set(id, pointTypeId);
    steps.push(() => {
      point.contactPointTypeId = pointTypeId;
      if (typeof f['value'] === 'string') point.value = f['value'];
      return [item(id, 'updated', 'contactPoint', child.patchClientId, contactPointDto(store, point))];
    });
  });
  return final;
}

/** Plans address children in order: at most one address at any point of the request. */
function planAddressChildren(ctx: WriteContext, contact: ContactRow, items: readonly ChildItem[], label: string, steps: Step[]): void {
  const { store } = ctx;
  let current: number | 'new' | null = contact.addressId;
  for (const child of items) {
    if (child.patchType === 'create') {
      if (current !== null) {
        ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${child.path}: ${label} already has an address; update it, or delete or detach it in an earlier item.` });
        continue;
      }
      const f = readFields(ADDRESS_SPEC, child.body, 'create', child.path, ctx, PATCH_KEYS);
      checkAddress(ctx, f, child.path);
      current = 'new';
      steps.push(() => {
        const address = newAddress(store, f);
        contact.addressId = address.identity;
        return [item(address.identity, 'created', 'address', child.patchClientId, addressDto(store, address))];
      });
      continue;
    }
    const id = itemIdentity(child, ctx);
    if (id === undefined) continue;
    const address = store.addresses.get(id);
    if (child.patchType === 'attach') {
      if (!address) {
        ctx.problems.push({ code: ErrorCode.unknownReference, message: `${child.path}.identity ${id} does not refer to an existing address.` });
      } else if (current !== null) {
        ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${child.path}: ${label} already has an address; detach it in an earlier item.` });
      } else {
        current = id;
        steps.push(() => {
          contact.addressId = id;
          return [item(id, 'attached', 'address', child.patchClientId, addressDto(store, address))];
        });
      }
      continue;
    }
    if (!address || current !== id) {
      ctx.problems.push({ code: ErrorCode.unknownReference, message: `${child.path}.identity ${id} is not the address of ${label}.` });
      continue;
    }
    if (child.patchType === 'update') {
      const f = readFields(ADDRESS_SPEC, child.body, 'update', child.path, ctx, new Set([...PATCH_KEYS, 'identity']));
      checkAddress(ctx, { ...addressFields(address), ...f }, child.path);
      steps.push(() => {
        assignAddressFields(address, f);
        return [item(id, 'updated', 'address', child.patchClientId, addressDto(store, address))];
      });
    } else if (child.patchType === 'delete') {
      current = null;
      steps.push(() => {
        const instance = addressDto(store, address);
        store.addresses.delete(id);
        for (const c of store.contacts.values()) if (c.addressId === id) c.addressId = null;
        return [item(id, 'deleted', 'address', child.patchClientId, instance)];
      });
    } else {
      current = null;
      steps.push(() => {
        contact.addressId = null;
        return [item(id, 'detached', 'address', child.patchClientId, addressDto(store, address))];
      });
    }
  }
}

/** A PUT body may repeat the identity (seed 004 PUT sample); it must then match the route. */
export function checkBodyIdentity(ctx: WriteContext, body: Record<string, unknown>, identity: number, path: string): void {
  const raw = body['identity'];
  if (raw === undefined || raw === null) return;
  if (Number(raw) !== identity) {
    ctx.problems.push({
      code: ErrorCode.invalidValue,
      message: `${path ? `${path}.` : ''}identity ${JSON.stringify(raw)} does not match the object being updated (${identity}).`,
    });
  }
}

export function pointCreateStep(
  store: LogiSenseStore,
  contactId: () => number,
  contactPointTypeId: number,
  value: string,
  patchClientId: number | undefined,
): Step {
  return () => {
    const row = { identity: store.nextId('contactPoint'), contactId: contactId(), contactPointTypeId, value };
    store.addContactPoint(row);
    return [item(row.identity, 'created', 'contactPoint', patchClientId, contactPointDto(store, row))];
  };
}

export function item(
  identity: number,
  action: ResultItem['action'],
  dtoTypeKey: string,
  patchClientId: number | undefined,
  instance: Record<string, unknown>,
): ResultItem {
  return { identity, action, dtoTypeKey, ...(patchClientId === undefined ? {} : { patchClientId }), instance };
}

function assignContactFields(row: ContactRow, f: Record<string, unknown>): void {
  if (typeof f['contactTypeId'] === 'number') row.contactTypeId = f['contactTypeId'];
  for (const key of ['title', 'firstName', 'lastName'] as const) {
    const v = f[key];
    if (typeof v === 'string' || v === null) row[key] = v;
  }
  if (typeof f['isUsedForTax'] === 'boolean') row.isUsedForTax = f['isUsedForTax'];
}

function newAddress(store: LogiSenseStore, f: Record<string, unknown>): AddressRow {
  const row: AddressRow = {
    identity: store.nextId('address'),
    address1: null,
    address2: null,
    cityName: null,
    stateId: null,
    countryId: f['countryId'] as number,
    zipCode: null,
    latitude: null,
    longitude: null,
    taxJurisdictionCodeUpdated: null,
    isIncorporated: false,
  };
  assignAddressFields(row, f);
  store.addresses.set(row.identity, row);
  return row;
}

function addressFields(a: AddressRow): Record<string, unknown> {
  return { ...a };
}

function assignAddressFields(row: AddressRow, f: Record<string, unknown>): void {
  for (const key of ['address1', 'address2', 'cityName', 'zipCode'] as const) {
    const v = f[key];
    if (typeof v === 'string' || v === null) row[key] = v;
  }
  for (const key of ['latitude', 'longitude', 'stateId'] as const) {
    const v = f[key];
    if (typeof v === 'number' || v === null) row[key] = v;
  }
  if (typeof f['countryId'] === 'number') row.countryId = f['countryId'];
  if (typeof f['isIncorporated'] === 'boolean') row.isIncorporated = f['isIncorporated'];
}
