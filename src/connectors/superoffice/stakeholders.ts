import type { CallContext } from '../../core/call';
import type { OpportunityRecord, PipelineRecord } from '../../core/records';
import type { SuperOfficeClient } from './client';
import { inIds } from './filter';
import type { SuperOfficeReference } from './reference';
import { superOfficeSaleTypeEntity, type SuperOfficeSaleEntity } from './wire';

/*
 * Sale stakeholders (Swagger SaleEntity.SaleStakeholders, SaleStakeholder): a SuperOffice sale
 * holds one Person, and a sale whose sale type `HasStakeholders` holds further persons as its
 * stakeholders. They read back after the sale's person in `Opportunity.contacts`.
 */

/** Rows per `GET /SaleStakeholder` page: a sale has a handful of stakeholders, a page of sales rarely 500. */
const STAKEHOLDER_PAGE = 500;

/** Whether sales of this pipeline carry stakeholders (`SaleTypeEntity.HasStakeholders`). */
export function hasStakeholders(pipeline: PipelineRecord): boolean {
  const wire = superOfficeSaleTypeEntity.safeParse(pipeline.remoteData);
  return wire.success && wire.data.HasStakeholders === true;
}

/** The sale's person, then its stakeholders in their rank order, each once. */
export function contactIdsOfSale(wire: SuperOfficeSaleEntity): string[] {
  const stakeholders = [...(wire.SaleStakeholders ?? [])].sort((a, b) => (a.Rank ?? 0) - (b.Rank ?? 0));
  return distinct([wire.Person?.PersonId, ...stakeholders.map((s) => s.PersonId)]);
}

function distinct(ids: ReadonlyArray<number | string | null | undefined>): string[] {
  return [...new Set(ids.filter((id) => id && id !== '0').map(String))];
}

/**
 * Completes sales read from the FindSale archive, whose row carries the sale's one person: for
 * the sales of a sale type with stakeholders, one `GET /SaleStakeholder` for all of them
 * (`saleId in (…)`, the SaleStakeholder archive provider), its persons appended to
 * `contactIds`. The sale types are the operation's shared GET; sales of types without
 * stakeholders cost nothing more.
 */
export async function withStakeholders(
  sales: OpportunityRecord[],
  client: SuperOfficeClient,
  reference: SuperOfficeReference,
  call: CallContext,
): Promise<OpportunityRecord[]> {
  if (sales.length === 0) return sales;
  const types = new Set((await reference.pipelines(call)).filter(hasStakeholders).map((p) => p.remoteId));
  const ids = sales.filter((s) => s.pipelineId !== null && types.has(s.pipelineId)).map((s) => Number(s.remoteId));
  if (ids.length === 0) return sales;
  const bySale = await stakeholdersOf(ids, client, call);
  return sales.map((s) => {
    const more = bySale.get(s.remoteId);
    return more ? { ...s, contactIds: distinct([...s.contactIds, ...more]) } : s;
  });
}

/** Person ids of each sale's stakeholders, in the order they were added (the archive has no rank column). */
async function stakeholdersOf(
  saleIds: number[],
  client: SuperOfficeClient,
  call: CallContext,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let skip = 0; ; skip += STAKEHOLDER_PAGE) {
    const { rows } = await client.archive(
      '/SaleStakeholder',
      {
        select: ['saleId', 'person/personId'],
        filter: inIds('saleId', saleIds),
        orderBy: 'saleStakeholderId',
        top: STAKEHOLDER_PAGE,
        skip,
      },
      call,
    );
    for (const row of rows) {
      const sale = row.id('saleId');
      const person = row.id('person/personId');
      if (sale === null || person === null) continue;
      const list = out.get(String(sale)) ?? [];
      list.push(String(person));
      out.set(String(sale), list);
    }
    if (rows.length < STAKEHOLDER_PAGE) return out;
  }
}
