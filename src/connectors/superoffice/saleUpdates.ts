import type { UpdateOpportunityCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { Problems } from '../../core/problems';
import type { ContactRecord, OpportunityRecord } from '../../core/records';
import { defineUpdates, type EntityUpdates } from '../../core/writes';
import { SALE_FIELDS } from './bodies';
import { LIMITS, given } from './checks';
import type { SuperOfficeClient } from './client';
import { toSuperOfficeDate } from './dates';
import { Found, type CreateDeps } from './lookups';
import { ownersOf, replaceOwner, replaceRequiredText } from './updateFields';
import { fromSuperOfficeSale, ref, type SaleLookups } from './map';
import { PatchOps } from './patchOps';
import { unlinkedWarning } from './salePerson';
import { checkedWrite, commitUpdates, plannedUpdate, readCurrent, type UpdatePayload } from './singleUpdate';
import { saleStageChange, type SaleStages } from './saleStageChange';
import { hasStakeholders } from './stakeholders';
import { superOfficeSaleEntity, type SuperOfficeSaleEntity } from './wire';

/** Opportunity update fields SuperOffice lets a caller change (`Capability.updatableFields`). */
export const OPPORTUNITY_UPDATABLE = [
  'name',
  'accountId',
  'contactIds',
  'primaryContactId',
  'pipelineId',
  'stageId',
  'closingDate',
  'value',
  'probability',
  'ownerId',
  'description',
];

interface SalePayload extends UpdatePayload<OpportunityRecord> {
  lookups: SaleLookups;
}

/**
 * Opportunities are SuperOffice sales: one `PATCH /Sale/{id}` each. The draft reads the sale
 * and checks the rules a create checks: a stage is a Rating of the sale's sale type (a new
 * sale type without a stage = its first stage), the sale's person works at the sale's company,
 * referenced records exist. A sale always has a heading, a date, an amount, a sale type, a
 * stage and an owner, so `null` on those is refused; `probability: null` = the stage's own.
 */
export function saleUpdates(deps: CreateDeps, client: SuperOfficeClient): EntityUpdates<UpdateOpportunityCommand, OpportunityRecord> {
  const source = deps.config.id;
  return defineUpdates<UpdateOpportunityCommand, OpportunityRecord, SalePayload>({
    updatableFields: OPPORTUNITY_UPDATABLE,
    versionCheck: 'NATIVE',
    async draft(commands, call) {
      const ids = (cmd: UpdateOpportunityCommand) => [...(cmd.changes.contactIds ?? []), ...(typeof cmd.changes.primaryContactId === 'string' ? [cmd.changes.primaryContactId] : [])];
      const [currents, pipelines, currencies, owners, companies, persons] = await Promise.all([
        readCurrent(client, 'Sale', commands.map((c) => c.id), superOfficeSaleEntity, call),
        deps.reference.pipelines(call),
        deps.reference.currencyInfos(call),
        ownersOf(deps, call, commands),
        Found.companies(deps, call, commands.map((c) => c.changes.accountId ?? undefined)),
        Found.persons(deps, call, commands.flatMap(ids)),
      ]);
      const stages = new Map(pipelines.flatMap((p) => p.stages).map((s) => [s.remoteId, s]));
      const lookups: SaleLookups = {
        currency: (id) => currencies.get(id) ?? null,
        stage: (id) => stages.get(id) ?? null,
        formula: deps.config.options.baseAmountFormula,
      };
      return commands.map((cmd, i) => {
        const checked = checkedWrite('OPPORTUNITY', 'Sale', cmd, currents[i] ?? null);
        if (checked instanceof InputRejected) return checked;
        const { write, wire } = checked;
        const problems = new Problems();
        const ops = new PatchOps();
        const c = cmd.changes;
        replaceRequiredText(ops, problems, c.name, {
          field: 'name',
          path: '/Heading',
          max: LIMITS.heading,
          why: 'a SuperOffice sale needs a heading; it cannot be blank or cleared',
        });
        if (c.closingDate === null) problems.add(['closingDate'], 'a SuperOffice sale always has a sale date', 'REQUIRED');
        else if (c.closingDate !== undefined) ops.replace('/Saledate', toSuperOfficeDate(c.closingDate));
        if (c.value === null) problems.add(['value'], 'a SuperOffice sale always has an amount in a currency', 'REQUIRED');
        if (c.value?.amount !== undefined) {
          const amount = Number(c.value.amount);
          if (!Number.isFinite(amount)) problems.add(['value', 'amount'], `amount ${c.value.amount} is not a number`, 'INVALID');
          else ops.replace('/Amount', amount);
        }
        const code = c.value?.currencyCode;
        if (code !== undefined) {
          const currency = [...currencies].find(([, info]) => info.code === code.toUpperCase());
          if (currency) ops.replace('/Currency', { Id: currency[0] });
          else {
            const known = [...currencies.values()].map((x) => x.code).join(', ');
            problems.add(['value', 'currencyCode'], `currency ${code} is not set up in this source (it has ${known})`, 'NOT_FOUND');
          }
        }
        if (c.description !== undefined) ops.replace('/SaleText', given(c.description ?? undefined) ?? '');
        replaceOwner(ops, problems, owners, c.ownerId, { why: 'a SuperOffice sale always has an owner; name another user instead' });
        const sale: SaleStages = { pipelines, typeId: wire.SaleType?.Id ?? 0, ratingId: wire.Rating?.Id ?? 0 };
        const target = saleStageChange(c, sale, problems, ops, source);
        const warnings = linkOps(c, wire, { companies, persons, hasStakeholders: target ? hasStakeholders(target) : false }, problems, ops, source);
        if (problems.any) return new InputRejected(problems.errors);
        const current = fromSuperOfficeSale(source, wire, lookups);
        return plannedUpdate<OpportunityRecord, SalePayload>({ write, ops: ops.list, expectedVersion: cmd.expectedVersion, current, lookups }, warnings);
      });
    },
    commit: commitUpdates(client, (p: SalePayload) => ({
      unified: 'OPPORTUNITY',
      schema: superOfficeSaleEntity,
      fields: SALE_FIELDS,
      toRecord: (saved) => fromSuperOfficeSale(source, saved, p.lookups),
    })),
  });
}

interface LinkLookups {
  companies: Found<{ remoteId: string; name: string }>;
  persons: Found<ContactRecord>;
  /** Whether the sale's sale type (after the update) has stakeholders. */
  hasStakeholders: boolean;
}

/**
 * The sale's company (`Contact`), person (`Person`) and further contacts (`SaleStakeholders`
 * on a sale type that has them; else warnings, as a create answers). The person must work at
 * the sale's company; a sale without a company that gets a person takes the person's company.
 */
function linkOps(
  c: UpdateOpportunityCommand['changes'],
  wire: SuperOfficeSaleEntity,
  lookups: LinkLookups,
  problems: Problems,
  ops: PatchOps,
  source: string,
): string[] {
  // The company after the update: an id, or null for none.
  let companyId: string | null = ref(wire.Contact?.ContactId);
  let companyName = wire.Contact?.Name ?? '';
  if (c.accountId === null) companyId = null;
  else if (c.accountId !== undefined) {
    const found = lookups.companies.require(c.accountId, ['accountId'], problems);
    if (!found) return [];
    companyId = found.remoteId;
    companyName = found.name;
  }

  // The person after the update, and the further contacts when the list is replaced.
  const list = c.contactIds === undefined ? null : [...(c.contactIds ?? [])];
  let personId: string | null = ref(wire.Person?.PersonId);
  if (typeof c.primaryContactId === 'string') {
    personId = c.primaryContactId;
    if (list && !list.includes(personId)) list.unshift(personId);
  } else if (c.primaryContactId === null) personId = null;
  else if (list) personId = list[0] ?? null;
  const personChanged = personId !== ref(wire.Person?.PersonId);

  let missing = false;
  list?.forEach((id, i) => {
    if (lookups.persons.get(id)) return;
    missing = true;
    problems.add(id === c.primaryContactId ? ['primaryContactId'] : ['contactIds', String(i)], `no contact ${id} in source "${source}"`, 'NOT_FOUND');
  });
  if (!list && personChanged && personId !== null && !lookups.persons.require(personId, ['primaryContactId'], problems)) missing = true;
  if (missing) return [];

  const person = personId === null ? null : personChanged ? lookups.persons.get(personId) : null;
  const personCompany = personId === null ? null : person ? person.primaryAccountId : ref(wire.Person?.ContactId);
  if (personId !== null && (personChanged || c.accountId !== undefined) && personCompany !== companyId) {
    if (companyId === null && c.accountId === undefined && personCompany !== null) {
      ops.replace('/Contact', { ContactId: Number(personCompany) });
    } else {
      const where = personCompany ? `account ${personCompany}` : 'no account';
      const field = personChanged ? (c.primaryContactId !== undefined ? 'primaryContactId' : 'contactIds') : 'accountId';
      problems.add(
        [field],
        `contact ${personId} works at ${where}, not at ${companyId ? `"${companyName}"` : 'no account'}; a sale's person must belong to the sale's company in SuperOffice`,
        'CONFLICT',
      );
      return [];
    }
  }
  if (c.accountId !== undefined) ops.replace('/Contact', companyId === null ? null : { ContactId: Number(companyId) });
  if (personChanged) ops.replace('/Person', personId === null ? null : { PersonId: Number(personId) });
  if (!list) return [];

  const further = list.filter((id) => id !== personId);
  if (lookups.hasStakeholders) {
    const existing = new Map((wire.SaleStakeholders ?? []).map((s) => [String(s.PersonId), s.SaleStakeholderId]));
    ops.replace(
      '/SaleStakeholders',
      further.map((id) => {
        const row = existing.get(id);
        return row ? { SaleStakeholderId: row, PersonId: Number(id) } : { PersonId: Number(id) };
      }),
    );
    return [];
  }
  const unlinked = further.map((id) => lookups.persons.get(id)).filter((p): p is ContactRecord => p !== null);
  return unlinkedWarning({ primary: personId ? lookups.persons.get(personId) : null, unlinked, companyId: null });
}
