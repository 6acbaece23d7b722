import { FULL_RIGHTS, associateCarrier } from './carriers';
import { EMPTY_DATE } from './dates';
import { notFound } from './errors';
import type { CurrencyRec, SaleTypeRec, StageRec, Store } from './store';

/**
 * Reference lists (vendor notes §2 "Pipeline", "Currency", "Associate"):
 * `List/SaleType/Items` (SaleTypeEntity with `Stages[]` flagged `Selected`),
 * `List/Rating/Items` (SaleStageEntity; there is no List/SaleStage), `List/Currency/Items`
 * (CurrencyEntity with Rate and Units), `MDOList/{name}` (MDOListItem trees; `salestage`
 * appends Sold −2 and Lost −1) and `User/currentAssociate`.
 */

type Json = Record<string, unknown>;

export function currencyEntity(c: CurrencyRec): Json {
  return {
    CurrencyId: c.id,
    Name: c.name,
    Tooltip: c.tooltip,
    Rank: c.rank,
    Rate: c.rate,
    Units: c.units,
    Deleted: c.deleted,
    TableRight: FULL_RIGHTS,
    FieldProperties: {},
  };
}

export function saleStageEntity(s: StageRec): Json {
  return {
    SaleStageId: s.id,
    Value: s.name,
    Tooltip: s.tooltip,
    Probability: s.probability,
    Deleted: s.deleted,
    Rank: s.rank,
    TableRight: FULL_RIGHTS,
    FieldProperties: {},
  };
}

export function saleTypeEntity(store: Store, t: SaleTypeRec): Json {
  // All stages in rank order; those of this type are Selected (spec: SaleTypeEntity.Stages).
  const stages = [...store.lists.stages].filter((s) => !s.deleted).sort((a, b) => a.rank - b.rank);
  return {
    SaleTypeId: t.id,
    Name: t.name,
    Tooltip: t.tooltip,
    Rank: t.rank,
    DurationUnit: t.durationUnit,
    SaleDuration: t.saleDuration,
    SaleTypeCatId: 0,
    Deleted: t.deleted,
    HasGuide: false,
    HasStakeholders: t.hasStakeholders,
    IsAutoAdvance: false,
    AllowQuoteAlternatives: false,
    DefaultQuoteValidity: 30,
    QuoteLinesTemplate: 0,
    ConfirmationLinesTemplate: 0,
    MaxDiscountPercentSet: false,
    MinEarningPercentSet: false,
    MaxDiscountPercent: 0,
    MinEarningPercent: 0,
    GroupQuoteLinesBy: 0,
    SortGroupLinesBy: 0,
    Stages: stages.map((s) => selectable(s.id, s.name, s.rank, 'salestage', t.stageIds.includes(s.id), `Probability=${s.probability}`)),
    TableRight: FULL_RIGHTS,
    FieldProperties: {},
  };
}

function selectable(id: number, name: string, rank: number, type: string, selected: boolean, extraInfo: string): Json {
  return {
    Id: id,
    Name: name,
    ToolTip: '',
    Deleted: false,
    Rank: rank,
    Type: type,
    ColorBlock: 0,
    IconHint: '',
    Selected: selected,
    LastChanged: EMPTY_DATE,
    ChildItems: [],
    ExtraInfo: extraInfo,
    StyleHint: '',
    Hidden: false,
    FullName: null,
    TableRight: null,
    FieldProperties: {},
  };
}

function mdoItem(id: number, name: string, rank: number, type: string, extraInfo = '', deleted = false, fullName: string | null = null): Json {
  return {
    Id: id,
    Name: name,
    ToolTip: '',
    Deleted: deleted,
    Rank: rank,
    Type: type,
    ChildItems: [],
    IconHint: '',
    ColorBlock: 0,
    ExtraInfo: extraInfo,
    StyleHint: '',
    FullName: fullName,
    TableRight: null,
    FieldProperties: {},
  };
}

/** `List/{name}/Items[/{id}]` for SaleType, Rating and Currency. */
export function listItems(store: Store, list: string, id: string | undefined, includeDeleted: boolean): unknown {
  const name = list.toLowerCase();
  if (name === 'currency') {
    const all = store.lists.currencies.filter((c) => includeDeleted || !c.deleted);
    if (id === undefined) return all.map(currencyEntity);
    const hit = store.lists.currencies.find((c) => String(c.id) === id);
    if (!hit) throw notFound('Currency', id);
    return currencyEntity(hit);
  }
  if (name === 'rating') {
    const all = store.lists.stages.filter((s) => includeDeleted || !s.deleted);
    if (id === undefined) return all.map(saleStageEntity);
    const hit = store.lists.stages.find((s) => String(s.id) === id);
    if (!hit) throw notFound('SaleStage', id);
    return saleStageEntity(hit);
  }
  if (name === 'saletype') {
    const all = store.lists.saleTypes.filter((t) => includeDeleted || !t.deleted);
    if (id === undefined) return all.map((t) => saleTypeEntity(store, t));
    const hit = store.lists.saleTypes.find((t) => String(t.id) === id);
    if (!hit) throw notFound('SaleType', id);
    return saleTypeEntity(store, hit);
  }
  throw notFound('List', list);
}

/** `GET /MDOList/{listname}?additional=&query=`. */
export function mdoList(store: Store, listName: string, additional: string | null, query: string | null): Json[] {
  const items = mdoItems(store, listName.toLowerCase(), parseAdditional(additional));
  if (!query) return items;
  const q = query.toLowerCase();
  return items.filter((i) => String(i.Name).toLowerCase().includes(q));
}

function mdoItems(store: Store, name: string, additional: Map<string, string>): Json[] {
  const l = store.lists;
  switch (name) {
    case 'associate':
      return [...l.associates]
        .filter((a) => !a.deleted)
        .sort((a, b) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`))
        .map((a) => {
          const full = `${a.firstName} ${a.lastName}`;
          const contactId = store.persons.get(a.personId)?.contactId ?? 0;
          return mdoItem(a.id, full, a.rank, 'associate', `person_id=${a.personId}&contact_id=${contactId}`, false, full);
        });
    case 'salestage': {
      const typeId = Number(additional.get('saletypeid') ?? NaN);
      const type = store.saleType(typeId);
      const stages = type
        ? type.stageIds.map((id) => store.stage(id)).filter((s): s is StageRec => s !== undefined)
        : [...l.stages].filter((s) => !s.deleted).sort((a, b) => a.rank - b.rank);
      return [
        ...stages.map((s, i) =>
          mdoItem(s.id, s.name, s.rank, 'salestage', `IsDeleted=${s.deleted ? 'True' : 'False'}&Probability=${s.probability}&SaleTypeStageLinkId=${(type?.id ?? 0) * 100 + i + 1}&`),
        ),
        mdoItem(-2, '', 0, 'salestage', 'Probability=100'),
        mdoItem(-1, '', 0, 'salestage', 'Probability=0'),
      ];
    }
    case 'prob':
      return l.stages.filter((s) => !s.deleted).map((s) => mdoItem(s.id, s.name, s.rank, 'prob', `Probability=${s.probability}`));
    case 'saletype':
      return l.saleTypes.filter((t) => !t.deleted).map((t) => mdoItem(t.id, t.name, t.rank, 'saletype'));
    case 'currency':
      return l.currencies.filter((c) => !c.deleted).map((c) => mdoItem(c.id, c.name, c.rank, 'currency'));
    case 'business':
      return l.businesses.map((b) => mdoItem(b.id, b.value, b.rank, 'business'));
    case 'category':
      return l.categories.map((c) => mdoItem(c.id, c.value, c.rank, 'category'));
    case 'perspos':
      return l.positions.map((p) => mdoItem(p.id, p.value, p.rank, 'perspos'));
    case 'country':
      return l.countries.map((c) => mdoItem(c.id, c.name, c.rank, 'country'));
  }
  throw notFound('MDOList', name);
}

function parseAdditional(additional: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (additional ?? '').split('&')) {
    const [k, v] = part.split('=');
    if (k) out.set(k.trim().toLowerCase(), (v ?? '').trim());
  }
  return out;
}

export function currentAssociate(store: Store): Json | null {
  return associateCarrier(store.associate(store.prefs.currentAssociateId));
}
