import type { UpdateAccountCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { Problems } from '../../core/problems';
import type { AccountRecord } from '../../core/records';
import { defineUpdates, type EntityUpdates } from '../../core/writes';
import { CONTACT_FIELDS, streetLines } from './bodies';
import { LIMITS, checkEach, checkLength, given } from './checks';
import type { SuperOfficeClient } from './client';
import { Countries, type CreateDeps } from './lookups';
import { ownersOf, replaceOwner, replaceRequiredText } from './updateFields';
import { fromSuperOfficeContact } from './map';
import { PatchOps, asWritten, elementsFor } from './patchOps';
import { checkedWrite, commitUpdates, plannedUpdate, readCurrent } from './singleUpdate';
import { superOfficeContactEntity, type SuperOfficeContactEntity, type SuperOfficeStructuredAddress } from './wire';

/** Account update fields SuperOffice lets a caller change (`Capability.updatableFields`). */
export const ACCOUNT_UPDATABLE = ['name', 'emails', 'phones', 'website', 'address', 'ownerId'];

/**
 * Accounts are SuperOffice companies: one `PATCH /Contact/{id}` each. The draft reads the
 * company (it must exist, at the caller's version; its lists and address are written back
 * with what is kept), looks up a new owner and country by name, and checks column sizes.
 * A company always has a name and an owner ("our contact"), and its address a country, so
 * `null` on those is refused.
 */
export function accountUpdates(deps: CreateDeps, client: SuperOfficeClient): EntityUpdates<UpdateAccountCommand, AccountRecord> {
  const source = deps.config.id;
  return defineUpdates({
    updatableFields: ACCOUNT_UPDATABLE,
    versionCheck: 'NATIVE',
    async draft(commands, call) {
      const [currents, owners, countries] = await Promise.all([
        readCurrent(client, 'Contact', commands.map((c) => c.id), superOfficeContactEntity, call),
        ownersOf(deps, call, commands),
        Countries.read(deps, call, commands.map((c) => c.changes.address?.country ?? undefined)),
      ]);
      return commands.map((cmd, i) => {
        const checked = checkedWrite('ACCOUNT', 'Contact', cmd, currents[i] ?? null);
        if (checked instanceof InputRejected) return checked;
        const { write, wire } = checked;
        const problems = new Problems();
        const ops = new PatchOps();
        const c = cmd.changes;
        replaceRequiredText(ops, problems, c.name, {
          field: 'name',
          path: '/Name',
          max: LIMITS.companyName,
          why: 'a SuperOffice company needs a name; it cannot be blank or cleared',
        });
        if (c.emails !== undefined) {
          checkEach(problems, c.emails ?? [], LIMITS.email, 'emails');
          ops.replace('/Emails', elementsFor(c.emails ?? [], wire.Emails));
        }
        if (c.phones !== undefined) {
          checkEach(problems, c.phones ?? [], LIMITS.phone, 'phones');
          ops.replace('/Phones', elementsFor(c.phones ?? [], wire.Phones));
        }
        if (c.website !== undefined) {
          // The website is the first URL; the company's further URLs stay.
          const rest = asWritten(wire.Urls).slice(1);
          const website = given(c.website ?? undefined);
          checkLength(problems, website, LIMITS.url, ['website']);
          const first = website === undefined ? [] : [{ Value: website, Description: wire.Urls?.[0]?.Description ?? '' }];
          ops.replace('/Urls', [...first, ...rest]);
        }
        if (c.address !== undefined) addressOps(c.address, wire, problems, ops);
        const country = c.address?.country;
        if (country === null) {
          problems.add(['address', 'country'], 'a SuperOffice company always has a country; name another one instead', 'UNSUPPORTED');
        } else if (country !== undefined) {
          const countryId = countries.resolve(given(country), problems);
          if (countryId !== null) ops.replace('/Country', { CountryId: countryId });
        }
        replaceOwner(ops, problems, owners, c.ownerId, {
          why: 'a SuperOffice company always has an owner (its "our contact"); name another user instead',
        });
        if (problems.any) return new InputRejected(problems.errors);
        return plannedUpdate({ write, ops: ops.list, expectedVersion: cmd.expectedVersion, current: fromSuperOfficeContact(source, wire) });
      });
    },
    commit: commitUpdates(client, () => ({
      unified: 'ACCOUNT',
      schema: superOfficeContactEntity,
      fields: CONTACT_FIELDS,
      toRecord: (saved) => fromSuperOfficeContact(source, saved),
    })),
  });
}

const LINES = ['Address1', 'Address2', 'Address3'] as const;

function hasLines(a: SuperOfficeStructuredAddress | null | undefined): boolean {
  return [...LINES, 'City', 'State', 'Zipcode'].some((k) => Boolean(textOf(a, k)));
}

/**
 * The address lines: written to the structured address the account shows (the postal one,
 * else the street one; the postal one for a company without either), as that whole object.
 * `null` clears every line of both.
 */
function addressOps(
  changes: NonNullable<UpdateAccountCommand['changes']['address']> | null,
  wire: SuperOfficeContactEntity,
  problems: Problems,
  ops: PatchOps,
): void {
  const postal = wire.Address?.Postal;
  const street = wire.Address?.Street;
  if (changes === null) {
    if (hasLines(postal)) ops.replace('/Address/Postal', structured(postal, {}));
    if (hasLines(street)) ops.replace('/Address/Street', structured(street, {}));
    return;
  }
  const { street: text, city, state, postalCode } = changes;
  if (text === undefined && city === undefined && state === undefined && postalCode === undefined) return;
  const key = hasLines(postal) || !hasLines(street) ? 'Postal' : 'Street';
  const current = key === 'Postal' ? postal : street;
  const next: Record<string, string> = {};
  if (text !== undefined) {
    const lines = streetLines(text ?? undefined);
    if (lines.length > LIMITS.addressLines) {
      problems.add(['address', 'street'], `SuperOffice keeps ${LIMITS.addressLines} street lines, got ${lines.length}`, 'INVALID');
    }
    lines.forEach((l) => checkLength(problems, l, LIMITS.addressLine, ['address', 'street']));
    LINES.forEach((line, i) => (next[line] = lines[i] ?? ''));
  }
  if (city !== undefined) next.City = given(city ?? undefined) ?? '';
  if (state !== undefined) next.State = given(state ?? undefined) ?? '';
  if (postalCode !== undefined) next.Zipcode = given(postalCode ?? undefined) ?? '';
  checkLength(problems, next.City, LIMITS.city, ['address', 'city']);
  checkLength(problems, next.State, LIMITS.state, ['address', 'state']);
  checkLength(problems, next.Zipcode, LIMITS.zipcode, ['address', 'postalCode']);
  ops.replace(`/Address/${key}`, structured(current, next));
}

/** A whole StructuredAddress: the current one's parts, overridden by `next` (`{}` = every part blank). */
function structured(current: SuperOfficeStructuredAddress | null | undefined, next: Record<string, string>): Record<string, string> {
  const blankAll = Object.keys(next).length === 0;
  const part = (k: string): string => next[k] ?? (blankAll ? '' : textOf(current, k));
  return Object.fromEntries(['Address1', 'Address2', 'Address3', 'City', 'County', 'State', 'Zipcode'].map((k) => [k, part(k)]));
}

/** A part of a structured address as text ("" when unset); County and the rest ride along in the loose object. */
function textOf(a: SuperOfficeStructuredAddress | null | undefined, key: string): string {
  const v: unknown = a?.[key];
  return typeof v === 'string' ? v : '';
}
