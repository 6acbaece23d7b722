import { FULL_RIGHTS, fullName, type RenderContext } from './carriers';
import type { ArchiveEnv, ColumnDef, Provider } from './columns';
import type { SaleRec, StakeholderRec } from './store';

/*
 * Sale stakeholders: the further people of a sale whose sale type `HasStakeholders` (Swagger
 * SaleEntity.SaleStakeholders, SaleStakeholder). Shown inside the sale entity, and as the
 * "SaleStakeholder" archive (`GET /SaleStakeholder`, `GET /Sale/{id}/Stakeholders`), whose
 * columns follow the provider's reference page.
 */

type Json = Record<string, unknown>;

/** `SaleEntity.SaleStakeholders`: each stakeholder with its person's names, company, first e-mail and phone. */
export function renderStakeholders(ctx: RenderContext, sale: SaleRec): Json[] {
  return sale.stakeholders.map((st, i) => {
    const person = ctx.store.persons.get(st.personId);
    const company = person ? ctx.store.contacts.get(person.contactId) : undefined;
    return {
      StakeholderRoleName: '',
      Comment: st.comment,
      StakeholderRoleId: st.roleId,
      CountryId: person?.countryId ?? 0,
      PersonId: st.personId,
      EmailDescription: person?.emails[0]?.description ?? '',
      EmailId: 0,
      EmailAddress: person?.emails[0]?.value ?? '',
      PhoneId: 0,
      ContactName: company?.name ?? '',
      ContactId: person?.contactId ?? 0,
      SaleId: sale.id,
      Mrmrs: person?.mrmrs ?? '',
      Firstname: person?.firstname ?? '',
      MiddleName: person?.middleName ?? '',
      Lastname: person?.lastname ?? '',
      SaleStakeholderId: st.id,
      Rank: i + 1,
      Phone: person?.officePhones[0]?.value ?? '',
      TableRight: FULL_RIGHTS,
      FieldProperties: {},
    };
  });
}

/** One archive row: a stakeholder with its sale. */
interface StakeholderRow {
  sale: SaleRec;
  stakeholder: StakeholderRec;
}

function col(
  name: string,
  kind: 'int' | 'string',
  raw: (r: StakeholderRow, env: ArchiveEnv) => number | string,
): ColumnDef<StakeholderRow> {
  return { name, kind, raw };
}

const personOf = (r: StakeholderRow, env: ArchiveEnv) => env.store.persons.get(r.stakeholder.personId);

/** The "SaleStakeholder" archive provider (its reference page's id, sale, role and person columns). */
export const saleStakeholderArchive: Provider<StakeholderRow> = {
  name: 'SaleStakeholder',
  entityName: 'salestakeholder',
  rows: (env) =>
    [...env.store.sales.values()].flatMap((sale) => sale.stakeholders.map((stakeholder) => ({ sale, stakeholder }))),
  key: (r) => r.stakeholder.id,
  defaultColumns: ['saleStakeholderId', 'saleId', 'salesRoleId', 'person/personId', 'person/fullName'],
  columns: [
    col('saleStakeholderId', 'int', (r) => r.stakeholder.id),
    col('saleId', 'int', (r) => r.sale.id),
    col('comment', 'string', (r) => r.stakeholder.comment),
    { name: 'salesRoleId', kind: 'list', raw: (r) => r.stakeholder.roleId, display: () => '' },
    col('person/personId', 'int', (r) => r.stakeholder.personId),
    col('person/contactId', 'int', (r, env) => personOf(r, env)?.contactId ?? 0),
    col('person/firstName', 'string', (r, env) => personOf(r, env)?.firstname ?? ''),
    col('person/lastName', 'string', (r, env) => personOf(r, env)?.lastname ?? ''),
    col('person/middleName', 'string', (r, env) => personOf(r, env)?.middleName ?? ''),
    col('person/fullName', 'string', (r, env) => {
      const p = personOf(r, env);
      return p ? fullName(p) : '';
    }),
  ],
};
