import type { CreateContactCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { Problems } from '../../core/problems';
import type { ContactRecord } from '../../core/records';
import { defineWrites, type EntityWrites } from '../../core/writes';
import { PERSON_FIELDS, toSuperOfficePersonCreate } from './bodies';
import { LIMITS, checkEach, checkLength, given } from './checks';
import type { SuperOfficeClient } from './client';
import { commitEach, plannedCreate } from './singleCreate';
import { Found, Owners, accountOf, ownerOf, type CreateDeps } from './lookups';
import { fromSuperOfficePerson } from './map';
import { superOfficePersonEntity } from './wire';

/**
 * Contacts are SuperOffice persons: one `POST /Person` each, linked to its company by
 * `Contact: {ContactId}`. A person at a company mirrors the company's owner
 * (PersonEntity.Associate is read-only with `[SR_ACCESS_PERSONONCOMPANY]`, vendor notes §2), so
 * an `ownerId` other than the company's is a conflict; a person without a company gets the
 * named or default owner. The companies of every input are read in one call.
 */
export function personWrites(
  deps: CreateDeps,
  client: SuperOfficeClient,
): EntityWrites<CreateContactCommand, ContactRecord> {
  const source = deps.config.id;
  return defineWrites({
    requiredOnCreate: ['firstName|lastName'],
    async draft(commands, call) {
      // A person at a company takes the company's owner: only those without one need an owner.
      const withoutCompany = commands.filter((c) => !c.accountId);
      const [companies, owners] = await Promise.all([
        Found.companies(deps, call, commands.map(accountOf)),
        Owners.read(deps, call, withoutCompany.map(ownerOf)),
      ]);
      return commands.map((cmd) => {
        const problems = new Problems();
        checkPerson(cmd, problems);
        const company = cmd.accountId ? companies.require(cmd.accountId, ['accountId'], problems) : null;
        const ownerId = cmd.accountId ? null : owners.resolve(cmd.ownerId, problems);
        if (company && cmd.ownerId && company.ownerId !== cmd.ownerId) {
          problems.add(
            ['ownerId'],
            `a person at a company has the company's owner in SuperOffice (user ${company.ownerId ?? 'none'} for "${company.name}"); leave ownerId out or name that user`,
            'CONFLICT',
          );
        }
        if (problems.any) return new InputRejected(problems.errors);
        const body = toSuperOfficePersonCreate(cmd, { accountId: company ? Number(company.remoteId) : null, ownerId });
        return plannedCreate({ request: { entity: 'Person', body } });
      });
    },
    commit: commitEach(client, () => ({
      schema: superOfficePersonEntity,
      fields: PERSON_FIELDS,
      toRecord: (saved) => fromSuperOfficePerson(source, saved),
      readBack: (ids, call) => deps.reads.getContacts(ids, call),
    })),
  });
}

/** A first or a last name (SuperOffice needs one), and the person columns' sizes. */
function checkPerson(cmd: CreateContactCommand, problems: Problems): void {
  if (!given(cmd.firstName) && !given(cmd.lastName)) {
    problems.add(['lastName'], 'SuperOffice needs a first or a last name; both are empty', 'REQUIRED');
  }
  checkLength(problems, given(cmd.firstName), LIMITS.firstName, ['firstName']);
  checkLength(problems, given(cmd.middleName), LIMITS.middleName, ['middleName']);
  checkLength(problems, given(cmd.lastName), LIMITS.lastName, ['lastName']);
  checkLength(problems, given(cmd.title), LIMITS.mrmrs, ['title']);
  checkLength(problems, given(cmd.jobTitle), LIMITS.jobTitle, ['jobTitle']);
  checkEach(problems, cmd.emails, LIMITS.email, 'emails');
  checkEach(problems, cmd.phones, LIMITS.phone, 'phones');
}
