import type {
  AccountRecord,
  AnyRecord,
  ContactRecord,
  CurrencyRecord,
  OpportunityRecord,
  OpportunityStatus,
  PipelineRecord,
  StageRecord,
  UserRecord,
} from '../../core/records';
import type {
  PipelinerAccount,
  PipelinerClient,
  PipelinerContact,
  PipelinerCurrency,
  PipelinerOpportunity,
  PipelinerPipeline,
  PipelinerStep,
} from './wire';
import { blank } from '../kit/blank';
import { SLOTS } from './wire';

/*
 * Pure mappers Pipeliner wire → unified records (vendor notes §3). Pipeliner sends "" for
 * unset text: that becomes null here, so "no value" reads the same for every vendor.
 */

/** The id a to-one relation points at: the expanded record's id, or the URL's last segment. */
export function relationId(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  if (typeof value !== 'string') return value.id;
  const end = value.endsWith('/') ? value.length - 1 : value.length;
  const last = value.slice(value.lastIndexOf('/', end - 1) + 1, end);
  return last ? decodeURIComponent(last) : null;
}

/**
 * A record's `version`: its `revision` as text. Pipeliner bumps it on every write of the
 * record (vendor notes §3, checklist 5), so it is what an update's `expectedVersion` compares.
 */
export function versionOf(wire: { revision?: number | null | undefined }): string | null {
  return wire.revision != null ? String(wire.revision) : null;
}

/** Pipeliner's own UTC form, `2024-07-09 12:51:48.050073+00:00`: taken apart without a Date. */
const UTC_STAMP = /^(\d{4}-(\d{2})-(\d{2})) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00:00$/;

/**
 * `2024-07-09 12:51:48.050073+00:00` → `2024-07-09T12:51:48.050Z`; null when absent or not an
 * instant. Every record carries two of these, so the vendor's usual UTC form is rewritten as
 * text (a Date parse of each was a twentieth of a list's CPU); any other form goes through Date.
 */
export function fromPipelinerDateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const utc = UTC_STAMP.exec(value);
  if (utc && validDay(Number(utc[1]!.slice(0, 4)), Number(utc[2]), Number(utc[3])) && validTime(utc[4]!)) {
    return `${utc[1]}T${utc[4]}.${(utc[5] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  }
  const date = new Date(value.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A day of the calendar; anything else takes Date's path, as before. */
function validDay(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** `HH:MM:SS` within a day. */
function validTime(hms: string): boolean {
  return hms.slice(0, 2) <= '23' && hms.slice(3, 5) <= '59' && hms.slice(6, 8) <= '59';
}

/** ISO instant → the vendor's filter format `YYYY-MM-DD HH:MM:SS` (UTC), vendor notes §4. */
export function toPipelinerDateTime(iso: string): string {
  return new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}

const SLOT_KEYS = {
  email: Array.from({ length: SLOTS }, (_, i) => `email${i + 1}`),
  phone: Array.from({ length: SLOTS }, (_, i) => `phone${i + 1}`),
};

function slots(record: Record<string, unknown>, prefix: 'email' | 'phone'): string[] {
  const out: string[] = [];
  for (const key of SLOT_KEYS[prefix]) {
    const v = record[key];
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
  }
  return out;
}

export function fromPipelinerClient(source: string, wire: PipelinerClient): UserRecord {
  const fullName = [blank(wire.first_name), blank(wire.last_name)].filter(Boolean).join(' ');
  return {
    entity: 'USER',
    source,
    remoteId: wire.id,
    name: blank(wire.formatted_name) ?? blank(wire.name) ?? (fullName || null),
    email: blank(wire.email),
    createdAt: fromPipelinerDateTime(wire.created),
    updatedAt: fromPipelinerDateTime(wire.modified),
    remoteData: wire,
  };
}

export function fromPipelinerAccount(source: string, wire: PipelinerAccount): AccountRecord {
  const address = {
    street: blank(wire.address),
    city: blank(wire.city),
    state: blank(wire.state_province),
    postalCode: blank(wire.zip_code),
    country: blank(wire.country),
  };
  return {
    entity: 'ACCOUNT',
    source,
    remoteId: wire.id,
    name: wire.name,
    emails: slots(wire, 'email'),
    phones: slots(wire, 'phone'),
    website: blank(wire.home_page),
    address: Object.values(address).some((v) => v !== null) ? address : null,
    ownerId: blank(wire.owner_id) ?? relationId(wire.owner),
    createdAt: fromPipelinerDateTime(wire.created),
    updatedAt: fromPipelinerDateTime(wire.modified),
    version: versionOf(wire),
    remoteData: wire,
  };
}

export function fromPipelinerContact(source: string, wire: PipelinerContact): ContactRecord {
  const primaryAccountId = relationId(wire.primary_account);
  const jobTitle =
    blank(wire.primary_account_position) ?? blank(wire.account_position) ?? blank(wire.position);
  const expanded = (wire.account_relations ?? []).filter((r) => typeof r !== 'string');
  // Without `expand=account_relations` only the primary link is known (from `primary_account`).
  const accounts =
    expanded.length > 0
      ? expanded.map((r) => ({
          source,
          accountId: r.account_id,
          isPrimary: r.is_primary,
          jobTitle: blank(r.position) ?? (r.is_primary ? jobTitle : null),
        }))
      : primaryAccountId
        ? [{ source, accountId: primaryAccountId, isPrimary: true, jobTitle }]
        : [];
  accounts.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return {
    entity: 'CONTACT',
    source,
    remoteId: wire.id,
    firstName: blank(wire.first_name),
    middleName: blank(wire.middle_name),
    lastName: blank(wire.last_name),
    name: blank(wire.formatted_name),
    title: blank(wire.title),
    jobTitle,
    emails: slots(wire, 'email'),
    phones: slots(wire, 'phone'),
    primaryAccountId,
    accounts,
    ownerId: blank(wire.owner_id) ?? relationId(wire.owner),
    createdAt: fromPipelinerDateTime(wire.created),
    updatedAt: fromPipelinerDateTime(wire.modified),
    version: versionOf(wire),
    remoteData: wire,
  };
}

export function fromPipelinerStep(source: string, wire: PipelinerStep): StageRecord {
  return {
    source,
    remoteId: wire.id,
    pipelineId: blank(wire.pipeline_id),
    name: wire.name,
    position: wire.sort_order,
    probability: wire.percent ?? null,
  };
}

export function fromPipelinerPipeline(source: string, wire: PipelinerPipeline): PipelineRecord {
  const stages = (wire.steps ?? [])
    .filter((s) => typeof s !== 'string')
    .map((s) => fromPipelinerStep(source, { ...s, pipeline_id: s.pipeline_id ?? wire.id }))
    .sort((a, b) => a.position - b.position)
    // `position` is the 0-based rank in the pipeline, whatever numbers `sort_order` uses.
    .map((s, i) => ({ ...s, position: i }));
  return {
    entity: 'PIPELINE',
    source,
    remoteId: wire.id,
    name: wire.name,
    stages,
    createdAt: fromPipelinerDateTime(wire.created),
    updatedAt: fromPipelinerDateTime(wire.modified),
    remoteData: wire,
  };
}

export function fromPipelinerCurrency(source: string, wire: PipelinerCurrency, rate: number | null): CurrencyRecord {
  return {
    entity: 'CURRENCY',
    source,
    remoteId: wire.id,
    code: wire.code,
    name: null,
    symbol: blank(wire.symbol),
    isBase: wire.is_base === true,
    exchangeRate: wire.is_base ? 1 : rate,
    createdAt: fromPipelinerDateTime(wire.created),
    updatedAt: fromPipelinerDateTime(wire.modified),
    remoteData: wire,
  };
}

/** Opportunity `status`: 1 Open, 2 Lost, 3 Won (read-only, vendor notes §3.3). */
const STATUS: Record<number, OpportunityStatus> = { 1: 'OPEN', 2: 'LOST', 3: 'WON' };
export const PIPELINER_STATUS_CODE: Record<'OPEN' | 'LOST' | 'WON', number> = { OPEN: 1, LOST: 2, WON: 3 };

/**
 * `currencyCodeOf` turns `value.currency_id` into a code (currencies are reference data the
 * connector already holds). Stage and pipeline come from an expanded `step` or, failing that,
 * `stageOf` (the pipelines the connector already holds).
 */
export function fromPipelinerOpportunity(
  source: string,
  wire: PipelinerOpportunity,
  currencyCodeOf: (currencyId: string) => string | null,
  stageOf: (stepId: string) => StageRecord | null,
): OpportunityRecord {
  const stepId = blank(wire.step_id) ?? relationId(wire.step);
  const stage =
    wire.step && typeof wire.step !== 'string'
      ? (stageOf(wire.step.id) ?? fromPipelinerStep(source, wire.step))
      : stepId
        ? stageOf(stepId)
        : null;
  const currencyId = blank(wire.value?.currency_id);
  const code = currencyId ? currencyCodeOf(currencyId) : null;
  const amount = wire.value?.value_foreign ?? wire.value?.base_value;
  const primaryContactId = relationId(wire.primary_contact);
  const related = (wire.contact_relations ?? []).filter((r) => typeof r !== 'string');
  const listed = related.length > 0 ? related.map((r) => r.contact_id) : [];
  // Primary contact first, as the unified contract promises.
  const contactIds = primaryContactId
    ? [primaryContactId, ...listed.filter((id) => id !== primaryContactId)]
    : listed;
  return {
    entity: 'OPPORTUNITY',
    source,
    remoteId: wire.id,
    name: wire.name,
    status: wire.status != null ? (STATUS[wire.status] ?? null) : null,
    value:
      amount != null && code
        ? {
            source,
            amount: decimal(amount),
            currencyCode: code,
            currencyId,
            baseAmount: wire.value?.base_value != null ? decimal(wire.value.base_value) : null,
          }
        : null,
    closingDate: blank(wire.closing_date),
    probability: stage?.probability ?? null,
    pipelineId: stage?.pipelineId ?? null,
    stage,
    stageId: stepId,
    accountId: relationId(wire.primary_account),
    contactIds,
    primaryContactId,
    ownerId: blank(wire.owner_id) ?? relationId(wire.owner),
    createdAt: fromPipelinerDateTime(wire.created),
    updatedAt: fromPipelinerDateTime(wire.modified),
    version: versionOf(wire),
    remoteData: wire,
  };
}

type Expandable<T> = string | T | null | undefined;

/** The relation's record mapped, when it came expanded; nothing when it is a URL or unset. */
function embedded<T, R>(value: Expandable<T>, map: (record: T) => R): R[] {
  return value && typeof value !== 'string' ? [map(value)] : [];
}

/** Records that came expanded inside a contact (owner, accounts), for the loaders. */
export function relatedOfContact(source: string, wire: PipelinerContact): AnyRecord[] {
  const account = (a: PipelinerAccount): AnyRecord => fromPipelinerAccount(source, a);
  return [
    ...embedded(wire.owner, (o) => fromPipelinerClient(source, o)),
    ...embedded(wire.primary_account, account),
    ...(wire.account_relations ?? []).flatMap((r) => (typeof r === 'string' ? [] : embedded(r.account, account))),
  ];
}

/** Records that came expanded inside an opportunity (owner, account, contacts). */
export function relatedOfOpportunity(source: string, wire: PipelinerOpportunity): AnyRecord[] {
  const contact = (c: PipelinerContact): AnyRecord => fromPipelinerContact(source, c);
  return [
    ...embedded(wire.owner, (o) => fromPipelinerClient(source, o)),
    ...embedded(wire.primary_account, (a) => fromPipelinerAccount(source, a)),
    ...embedded(wire.primary_contact, contact),
    ...(wire.contact_relations ?? []).flatMap((r) => (typeof r === 'string' ? [] : embedded(r.contact, contact))),
  ];
}

/** Records that came expanded inside an account (its owner). */
export function relatedOfAccount(source: string, wire: PipelinerAccount): AnyRecord[] {
  return embedded(wire.owner, (o) => fromPipelinerClient(source, o));
}

/**
 * A created contact as Pipeliner stores the `body` it was sent, under the `id` it confirmed:
 * for a record whose read-back failed. The name is derived as Pipeliner derives it (first,
 * middle, last), the primary relation becomes `primary_account`.
 */
export function fromSentContact(source: string, id: string, body: Record<string, unknown>): ContactRecord {
  const relations = Array.isArray(body['account_relations']) ? (body['account_relations'] as Array<Record<string, unknown>>) : [];
  const primary = relations.find((r) => r['is_primary'] === true)?.['account_id'];
  const name = ['first_name', 'middle_name', 'last_name'].map((k) => body[k]).filter((v) => typeof v === 'string' && v !== '');
  const { account_relations: _relations, ...fields } = body;
  return fromPipelinerContact(source, {
    ...fields,
    id,
    formatted_name: name.join(' '),
    primary_account: typeof primary === 'string' ? primary : null,
  });
}

/** A created account as Pipeliner stores the `body` it was sent, under the `id` it confirmed. */
export function fromSentAccount(source: string, id: string, body: Record<string, unknown>): AccountRecord {
  return fromPipelinerAccount(source, { ...body, id } as PipelinerAccount);
}

/** Vendor doubles → decimal strings, without the float noise of computed base values. */
function decimal(n: number): string {
  return String(Number(n.toFixed(6)));
}
