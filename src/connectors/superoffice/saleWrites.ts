import type { CreateOpportunityCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { Problems } from '../../core/problems';
import type { OpportunityRecord } from '../../core/records';
import { defineWrites, type EntityWrites } from '../../core/writes';
import { SALE_FIELDS, toSuperOfficeSaleCreate } from './bodies';
import { LIMITS, checkLength } from './checks';
import type { CreateRequest, SuperOfficeClient } from './client';
import { commitEach, plannedCreate } from './singleCreate';
import { Found, Owners, accountOf, ownerOf, type CreateDeps } from './lookups';
import { fromSuperOfficeSale, type SaleLookups } from './map';
import { resolveSalePerson, unlinkedWarning } from './salePerson';
import { readSaleReference, resolveSaleTarget } from './saleTarget';
import { hasStakeholders } from './stakeholders';
import { superOfficeSaleEntity } from './wire';

/** A sale's POST and how to read its answer (currencies and stages of the tenant). */
interface SalePayload {
  request: CreateRequest;
  lookups: SaleLookups;
}

/**
 * Opportunities are SuperOffice sales: one `POST /Sale` each, in the chosen (or default) sale
 * type at the chosen (or first) stage, in the named (or base) currency, owned by the named (or
 * default) associate. A sale holds one Person, who must work at the sale's company; further
 * contacts become the sale's stakeholders where its sale type has them, else draft warnings,
 * so a dry run shows them as the create does.
 */
export function saleWrites(
  deps: CreateDeps,
  client: SuperOfficeClient,
): EntityWrites<CreateOpportunityCommand, OpportunityRecord> {
  const source = deps.config.id;
  return defineWrites<CreateOpportunityCommand, OpportunityRecord, SalePayload>({
    requiredOnCreate: ['name', 'closingDate', 'value'],
    async draft(commands, call) {
      const contactIds = commands.flatMap((c) => c.contactIds);
      const [ref, owners, companies, persons] = await Promise.all([
        readSaleReference(commands, deps.reference, call),
        Owners.read(deps, call, commands.map(ownerOf)),
        Found.companies(deps, call, commands.map(accountOf)),
        Found.persons(deps, call, contactIds),
      ]);
      const stages = new Map(ref.pipelines.flatMap((p) => p.stages).map((s) => [s.remoteId, s]));
      const lookups: SaleLookups = {
        currency: (id) => ref.currencies.get(id) ?? null,
        stage: (id) => stages.get(id) ?? null,
        formula: deps.config.options.baseAmountFormula,
      };
      return commands.map((cmd) => {
        const problems = new Problems();
        const heading = cmd.name.trim();
        checkLength(problems, heading, LIMITS.heading, ['name']);
        const amount = Number(cmd.value.amount);
        if (!Number.isFinite(amount))
          problems.add(['value', 'amount'], `amount ${cmd.value.amount} is not a number`, 'INVALID');
        const company = cmd.accountId ? companies.require(cmd.accountId, ['accountId'], problems) : null;
        const target = resolveSaleTarget(cmd, ref, problems, source);
        const ownerId = owners.resolve(cmd.ownerId, problems);
        const contacts = cmd.contactIds.map((id) => persons.get(id));
        const person = resolveSalePerson(cmd, contacts, company, problems, source);
        if (problems.any || !target || ownerId === null) return new InputRejected(problems.errors);
        // On a sale type with stakeholders the further contacts are written as its stakeholders; else they are reported.
        const asStakeholders = hasStakeholders(target.pipeline);
        const stakeholders = asStakeholders ? person.unlinked : [];

        const body = toSuperOfficeSaleCreate({
          heading,
          closingDate: cmd.closingDate,
          amount,
          currencyId: target.currencyId,
          saleTypeId: Number(target.pipeline.remoteId),
          ratingId: target.ratingId,
          probability: cmd.probability ?? target.stage.probability ?? 0,
          ownerId,
          companyId: person.companyId,
          personId: person.primary ? Number(person.primary.remoteId) : null,
          stakeholderIds: stakeholders.map((p) => Number(p.remoteId)),
          description: cmd.description,
        });
        return plannedCreate({ request: { entity: 'Sale', body }, lookups }, unlinkedWarning(asStakeholders ? { ...person, unlinked: [] } : person));
      });
    },
    commit: commitEach(client, ({ lookups }: SalePayload) => ({
      schema: superOfficeSaleEntity,
      fields: SALE_FIELDS,
      toRecord: (saved) => fromSuperOfficeSale(source, saved, lookups),
      readBack: (ids, call) => deps.reads.getOpportunities(ids, call),
    })),
  });
}
