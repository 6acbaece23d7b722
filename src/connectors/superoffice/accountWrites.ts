import type { CreateAccountCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { Problems } from '../../core/problems';
import type { AccountRecord } from '../../core/records';
import { defineWrites, type EntityWrites } from '../../core/writes';
import { CONTACT_FIELDS, streetLines, toSuperOfficeContactCreate } from './bodies';
import { LIMITS, checkEach, checkLength, given } from './checks';
import type { SuperOfficeClient } from './client';
import { commitEach, plannedCreate } from './singleCreate';
import { Countries, Owners, ownerOf, type CreateDeps } from './lookups';
import { fromSuperOfficeContact } from './map';
import { superOfficeContactEntity } from './wire';

/**
 * Accounts are SuperOffice companies: one `POST /Contact` each (no batch write). Column sizes
 * are checked, the owner (named, else the default) and the address's country are looked up
 * by name in the tenant's list — once for every input of the call.
 */
export function accountWrites(
  deps: CreateDeps,
  client: SuperOfficeClient,
): EntityWrites<CreateAccountCommand, AccountRecord> {
  const source = deps.config.id;
  return defineWrites({
    requiredOnCreate: ['name'],
    async draft(commands, call) {
      const countryNames = commands.map((c) => given(c.address?.country));
      const [owners, countries] = await Promise.all([
        Owners.read(deps, call, commands.map(ownerOf)),
        Countries.read(deps, call, countryNames),
      ]);
      return commands.map((cmd) => {
        const problems = new Problems();
        checkAccount(cmd, problems);
        const countryId = countries.resolve(given(cmd.address?.country), problems);
        const ownerId = owners.resolve(cmd.ownerId, problems);
        if (problems.any || ownerId === null) return new InputRejected(problems.errors);
        return plannedCreate({
          request: { entity: 'Contact', body: toSuperOfficeContactCreate(cmd, { ownerId, countryId }) },
        });
      });
    },
    commit: commitEach(client, () => ({
      schema: superOfficeContactEntity,
      fields: CONTACT_FIELDS,
      toRecord: (saved) => fromSuperOfficeContact(source, saved),
      readBack: (ids, call) => deps.reads.getAccounts(ids, call),
    })),
  });
}

/** SuperOffice's column sizes for a company, its address lines among them. */
function checkAccount(cmd: CreateAccountCommand, problems: Problems): void {
  checkLength(problems, cmd.name.trim(), LIMITS.companyName, ['name']);
  checkEach(problems, cmd.emails, LIMITS.email, 'emails');
  checkEach(problems, cmd.phones, LIMITS.phone, 'phones');
  checkLength(problems, given(cmd.website), LIMITS.url, ['website']);
  const address = cmd.address;
  if (!address) return;
  const lines = streetLines(address.street);
  if (lines.length > LIMITS.addressLines) {
    problems.add(
      ['address', 'street'],
      `SuperOffice keeps ${LIMITS.addressLines} street lines, got ${lines.length}`,
      'INVALID',
    );
  }
  lines.forEach((l) => checkLength(problems, l, LIMITS.addressLine, ['address', 'street']));
  checkLength(problems, given(address.city), LIMITS.city, ['address', 'city']);
  checkLength(problems, given(address.state), LIMITS.state, ['address', 'state']);
  checkLength(problems, given(address.postalCode), LIMITS.zipcode, ['address', 'postalCode']);
}
