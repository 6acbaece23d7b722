import { ErrorCode, type Problem, type ResultItem } from './envelopes';
import type { LogiSenseStore } from './store';
import type { LogiSenseSwitches } from './switches';
import { at } from './validation';

/**
 * Business rules shared by every write path. Writes are planned first (all problems collected,
 * nothing changed) and applied only when the plan has no problems, so a rejected request leaves
 * the store untouched.
 */
export interface WriteContext {
  store: LogiSenseStore;
  switches: LogiSenseSwitches;
  now: () => number;
  problems: Problem[];
}

/** One deferred change; it runs only after the whole request validated. */
export type Step = () => ResultItem[];

export function run(steps: readonly Step[]): ResultItem[] {
  return steps.flatMap((step) => step());
}

/** A foreign key must name an existing row: an unknown `contactTypeId` is a 400 (notes §8). */
export function checkRef(
  ctx: WriteContext,
  rows: ReadonlyMap<number, unknown>,
  id: unknown,
  path: string,
  key: string,
  entity: string,
): boolean {
  if (typeof id !== 'number') return false;
  if (rows.has(id)) return true;
  ctx.problems.push({ code: ErrorCode.unknownReference, message: `${at(path, key)} ${id} does not refer to an existing ${entity}.` });
  return false;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A contact point's type must belong to the contact's type (types are configured per contact
 * type, notes §2.2), must not be the `address` type (addresses have their own child, as the SOAP
 * CreateContactPoint call rejects them, notes §2.2), and an e-mail value must look like one.
 */
export function checkPoint(ctx: WriteContext, pointTypeId: number, contactTypeId: number | undefined, value: string | undefined, path: string): void {
  const type = ctx.store.contactPointTypes.get(pointTypeId);
  if (!type) {
    ctx.problems.push({ code: ErrorCode.unknownReference, message: `${at(path, 'contactPointTypeId')} ${pointTypeId} does not refer to an existing ContactPointType.` });
    return;
  }
  if (contactTypeId !== undefined && type.contactTypeId !== contactTypeId) {
    const own = ctx.store.contactTypes.get(type.contactTypeId)?.name ?? String(type.contactTypeId);
    const wanted = ctx.store.contactTypes.get(contactTypeId)?.name ?? String(contactTypeId);
    ctx.problems.push({
      code: ErrorCode.ruleViolation,
      message: `${at(path, 'contactPointTypeId')} ${pointTypeId} is configured for ContactType '${own}', not '${wanted}'.`,
    });
  }
  if (type.name === 'address') {
    ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${at(path, 'contactPointTypeId')} ${pointTypeId} is an address type; addresses are written through the address child.` });
  }
  if (value !== undefined && value.trim() === '') {
    ctx.problems.push({ code: ErrorCode.required, message: `${at(path, 'value')} is required.` });
  } else if (value !== undefined && type.name === 'email' && !EMAIL.test(value)) {
    ctx.problems.push({ code: ErrorCode.invalidValue, message: `${at(path, 'value')} '${value}' is not an e-mail address.` });
  }
}

/**
 * The contact points a contact ends up with: at most one of each type that disallows several
 * (`allowMultiple`), and, when the switch is on, at least one of each `isRequired` type of its
 * contact type (billing contacts need an e-mail, notes §2.2).
 */
export function checkPointSet(ctx: WriteContext, contactTypeId: number, pointTypeIds: readonly number[], path: string): void {
  const counts = new Map<number, number>();
  for (const id of pointTypeIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [id, n] of counts) {
    const type = ctx.store.contactPointTypes.get(id);
    if (type && !type.allowMultiple && n > 1) {
      ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${path} would have ${n} '${type.name}' contact points; that type allows one.` });
    }
  }
  if (!ctx.switches.enforceRequiredContactPoints) return;
  for (const type of ctx.store.contactPointTypes.values()) {
    if (type.contactTypeId === contactTypeId && type.isRequired && !counts.has(type.identity)) {
      const contactType = ctx.store.contactTypes.get(contactTypeId)?.name ?? String(contactTypeId);
      ctx.problems.push({
        code: ErrorCode.required,
        message: `${path} needs a contact point of type '${type.name}' (contactPointTypeId ${type.identity}) as a ${contactType} contact.`,
      });
    }
  }
}

/**
 * Address fields as the country's address format demands (`Country/AddressFormat` flags,
 * notes §2.2): a known country, a state of that country, and the required parts present.
 */
export function checkAddress(ctx: WriteContext, address: Record<string, unknown>, path: string): void {
  const countryId = address['countryId'];
  if (!checkRef(ctx, ctx.store.countries, countryId, path, 'countryId', 'Country')) return;
  const country = ctx.store.countries.get(countryId as number);
  if (!country) return;
  const stateId = address['stateId'];
  if (typeof stateId === 'number') {
    const state = ctx.store.states.get(stateId);
    if (!state) {
      ctx.problems.push({ code: ErrorCode.unknownReference, message: `${at(path, 'stateId')} ${stateId} does not refer to an existing State.` });
    } else if (state.countryId !== country.identity) {
      ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${at(path, 'stateId')} ${stateId} is not a state of ${country.name}.` });
    }
  } else if (country.isStateRequired) {
    ctx.problems.push({ code: ErrorCode.required, message: `${at(path, 'stateId')} is required for addresses in ${country.name}.` });
  }
  const blank = (key: string) => typeof address[key] !== 'string' || (address[key]).trim() === '';
  if (country.isCityRequired && blank('cityName')) {
    ctx.problems.push({ code: ErrorCode.required, message: `${at(path, 'cityName')} is required for addresses in ${country.name}.` });
  }
  if (country.isZipCodeRequired && blank('zipCode')) {
    ctx.problems.push({ code: ErrorCode.required, message: `${at(path, 'zipCode')} is required for addresses in ${country.name}.` });
  }
}

/**
 * At most one Billing and one Service contact per account (notes §2.2). `finalTypes` holds the
 * contact type of every contact the account will have once the request is applied.
 */
export function checkAccountContactTypes(ctx: WriteContext, accountId: number | null, finalTypes: Iterable<number>, path: string): void {
  const counts = { Billing: 0, Service: 0 };
  for (const typeId of finalTypes) {
    const backEnd = ctx.store.backEndTypeOf(typeId);
    if (backEnd === 'Billing' || backEnd === 'Service') counts[backEnd] += 1;
  }
  const label = accountId === null ? 'The new account' : `Account ${accountId}`;
  for (const [backEnd, n] of Object.entries(counts)) {
    if (n > 1) {
      ctx.problems.push({
        code: ErrorCode.ruleViolation,
        message: `${path ? `${path}: ` : ''}${label} would have ${n} ${backEnd} contacts; an account has at most one.`,
      });
    }
  }
}
