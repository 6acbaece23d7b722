import type { UpdateContactCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { Problems } from '../../core/problems';
import type { ContactRecord } from '../../core/records';
import { defineUpdates, type EntityUpdates } from '../../core/writes';
import { PERSON_FIELDS } from './bodies';
import { LIMITS, checkEach, checkLength, given } from './checks';
import type { SuperOfficeClient } from './client';
import { Found, type CreateDeps } from './lookups';
import { ownersOf, replaceOwner } from './updateFields';
import { fromSuperOfficePerson, ref } from './map';
import { PatchOps, asWritten, elementsFor, type WrittenElement } from './patchOps';
import { checkedWrite, commitUpdates, plannedUpdate, readCurrent } from './singleUpdate';
import { superOfficePersonEntity, type SuperOfficePersonEntity } from './wire';

/** Contact update fields SuperOffice lets a caller change (`Capability.updatableFields`). */
export const CONTACT_UPDATABLE = ['firstName', 'middleName', 'lastName', 'title', 'jobTitle', 'emails', 'phones', 'accountId', 'ownerId'];

/** Text properties of a person and the input field each comes from. */
const TEXTS = [
  ['firstName', '/Firstname', LIMITS.firstName],
  ['middleName', '/MiddleName', LIMITS.middleName],
  ['lastName', '/Lastname', LIMITS.lastName],
  ['title', '/Mrmrs', LIMITS.mrmrs],
  ['jobTitle', '/Title', LIMITS.jobTitle],
] as const;

/**
 * Contacts are SuperOffice persons: one `PATCH /Person/{id}` each. Texts clear to "" (a person
 * keeps a first or a last name); `accountId` moves the person to another company (`Contact`),
 * `null` leaves it without one (refused by the tenant under MandatoryContactOnPerson). A person
 * at a company has the company's owner (vendor notes §2), so another `ownerId` is a conflict
 * there; a person without a company has its own `Associate`.
 */
export function personUpdates(deps: CreateDeps, client: SuperOfficeClient): EntityUpdates<UpdateContactCommand, ContactRecord> {
  const source = deps.config.id;
  return defineUpdates({
    updatableFields: CONTACT_UPDATABLE,
    versionCheck: 'NATIVE',
    async draft(commands, call) {
      const [currents, companies, owners] = await Promise.all([
        readCurrent(client, 'Person', commands.map((c) => c.id), superOfficePersonEntity, call),
        Found.companies(deps, call, commands.map((c) => c.changes.accountId ?? undefined)),
        ownersOf(deps, call, commands),
      ]);
      return commands.map((cmd, i) => {
        const checked = checkedWrite('CONTACT', 'Person', cmd, currents[i] ?? null);
        if (checked instanceof InputRejected) return checked;
        const { write, wire } = checked;
        const problems = new Problems();
        const ops = new PatchOps();
        const c = cmd.changes;
        for (const [field, path, max] of TEXTS) {
          const value = c[field];
          if (value === undefined) continue;
          const text = given(value ?? undefined) ?? '';
          checkLength(problems, text, max, [field]);
          ops.replace(path, text);
        }
        const first = c.firstName !== undefined ? given(c.firstName ?? undefined) : given(wire.Firstname ?? undefined);
        const last = c.lastName !== undefined ? given(c.lastName ?? undefined) : given(wire.Lastname ?? undefined);
        if (!first && !last) {
          const field = c.lastName !== undefined ? 'lastName' : 'firstName';
          problems.add([field], 'a SuperOffice person needs a first or a last name; this would leave neither', 'REQUIRED');
        }
        if (c.emails !== undefined) {
          checkEach(problems, c.emails ?? [], LIMITS.email, 'emails');
          ops.replace('/Emails', elementsFor(c.emails ?? [], wire.Emails));
        }
        if (c.phones !== undefined) {
          checkEach(problems, c.phones ?? [], LIMITS.phone, 'phones');
          for (const [path, list] of phoneLists(c.phones ?? [], wire)) ops.replace(path, list);
        }

        // The company after the update, and the owner it gives the person.
        let company: { ownerId: string | null; name: string } | null =
          wire.Contact?.ContactId ? { ownerId: ref(wire.Contact.AssociateId), name: wire.Contact.Name ?? '' } : null;
        if (c.accountId === null) {
          company = null;
          ops.replace('/Contact', null);
        } else if (c.accountId !== undefined) {
          const found = companies.require(c.accountId, ['accountId'], problems);
          if (found) {
            company = { ownerId: found.ownerId, name: found.name };
            ops.replace('/Contact', { ContactId: Number(found.remoteId) });
          }
        }
        if (c.ownerId !== undefined && company) {
          if (c.ownerId !== company.ownerId) {
            problems.add(
              ['ownerId'],
              `a person at a company has the company's owner in SuperOffice (user ${company.ownerId ?? 'none'} for "${company.name}"); leave ownerId out or name that user`,
              'CONFLICT',
            );
          }
        } else {
          replaceOwner(ops, problems, owners, c.ownerId, 'allowed');
        }
        if (problems.any) return new InputRejected(problems.errors);
        return plannedUpdate({ write, ops: ops.list, expectedVersion: cmd.expectedVersion, current: fromSuperOfficePerson(source, wire) });
      });
    },
    commit: commitUpdates(client, () => ({
      unified: 'CONTACT',
      schema: superOfficePersonEntity,
      fields: { ...PERSON_FIELDS, MobilePhones: ['phones'], PrivatePhones: ['phones'], OtherPhones: ['phones'] },
      toRecord: (saved) => fromSuperOfficePerson(source, saved),
    })),
  });
}

const OTHER_PHONES = ['MobilePhones', 'PrivatePhones', 'OtherPhones'] as const;

/**
 * A person's phones are four lists (office, mobile, private, other) and the contact's `phones`
 * all of them. The new numbers: one the person already has in a list stays in that list (a
 * mobile stays a mobile); new ones go to the office phones, as a create writes them. Only the
 * lists that change are written.
 */
function phoneLists(numbers: readonly string[], wire: SuperOfficePersonEntity): Array<[string, WrittenElement[]]> {
  const left = [...numbers];
  const out: Array<[string, WrittenElement[]]> = [];
  for (const name of OTHER_PHONES) {
    const current = asWritten(wire[name]);
    const kept = current.filter((e) => {
      const i = left.indexOf(e.Value);
      if (i < 0) return false;
      left.splice(i, 1);
      return true;
    });
    if (kept.length !== current.length) out.push([`/${name}`, kept]);
  }
  const office = elementsFor(left, wire.OfficePhones);
  const before = asWritten(wire.OfficePhones);
  if (office.length !== before.length || office.some((e, i) => e.Value !== before[i]?.Value)) out.unshift(['/OfficePhones', office]);
  return out;
}
