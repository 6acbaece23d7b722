import type { AccountSettings } from './account';
import type { ItemOutcome } from './batch';
import type { ReadItem } from './body';
import { applyChildList, type ChildMode } from './childLists';
import { wireDate } from './dates';
import { CONTACT, SECONDARY_CONTACT } from './models';
import type { Cin7Store, ContactRow, SecondaryContactRow } from './store';
import type { Cin7Switches } from './switches';
import { ANNOTATION, annotationErrors } from './validation';

export interface WriteContext {
  store: Cin7Store;
  switches: Cin7Switches;
  now: () => number;
  account: AccountSettings;
}

/**
 * One record of `POST /v1/Contacts` (vendor notes §2): read-only fields (`id`, dates,
 * `balanceOwing`, `accountingIntegrationId`) are ignored, the record is checked, and only a
 * valid record is stored with a new id and `createdDate = modifiedDate = now`.
 */
export function createContact(item: ReadItem, ctx: WriteContext): ItemOutcome {
  const row = blankContact();
  assignWritable(row, item, 'create');
  const children = applyChildList<SecondaryContactRow>([], childItems(item), 'create', blankSecondary, SECONDARY_CONTACT, 'SecondaryContacts');
  const errors = [...contactErrors(row, null, ctx), ...(children.ok ? [] : children.errors)];
  if (errors.length > 0 || !children.ok) return { ok: false, errors };
  const stamp = wireDate(ctx.now());
  row.id = ctx.store.nextContactId();
  row.createdDate = stamp;
  row.modifiedDate = stamp;
  row.secondaryContacts = commitChildren(children.rows, ctx.store);
  ctx.store.contacts.set(row.id, row);
  return { ok: true, id: row.id, code: null };
}

/**
 * One record of `PUT /v1/Contacts`: `id` names the record; a field that is missing or null stays
 * as it is, `""` clears a text field (vendor notes §2 "Update semantics"); `secondaryContacts`
 * follow `childListOnPut`; `type` must be sent unless `requireTypeOnPut` is off (Q9). Last write
 * wins: there is no concurrency token.
 */
export function updateContact(item: ReadItem, ctx: WriteContext): ItemOutcome {
  const id = item.values.get('id');
  if (typeof id !== 'number' || id === 0) return { ok: false, errors: [ANNOTATION.required('Id')] };
  const existing = ctx.store.contacts.get(id);
  if (!existing) return { ok: false, errors: [`Contact with Id ${id} was not found.`] };
  const row = structuredClone(existing);
  assignWritable(row, item, 'update');
  const errors: string[] = [];
  if (ctx.switches.requireTypeOnPut && (item.values.get('type') ?? null) === null) errors.push(ANNOTATION.required('Type'));
  errors.push(...contactErrors(row, existing, ctx));
  const incoming = item.values.get('secondaryContacts');
  const mode: ChildMode = ctx.switches.childListOnPut;
  const children = Array.isArray(incoming)
    ? applyChildList<SecondaryContactRow>(existing.secondaryContacts ?? [], incoming as ReadItem[], mode, blankSecondary, SECONDARY_CONTACT, 'SecondaryContacts')
    : ({ ok: true, rows: existing.secondaryContacts ?? [] } as const);
  if (!children.ok) errors.push(...children.errors);
  if (errors.length > 0 || !children.ok) return { ok: false, errors };
  row.secondaryContacts = commitChildren(children.rows, ctx.store);
  row.modifiedDate = wireDate(ctx.now());
  ctx.store.contacts.set(row.id, row);
  return { ok: true, id: row.id, code: null };
}

/** Business rules beyond the annotations; `existing` is the stored record on update. */
function contactErrors(row: ContactRow, existing: ContactRow | null, ctx: WriteContext): string[] {
  const { switches, store } = ctx;
  const errors = annotationErrors(row, CONTACT);
  if (row.type === 'Internal' && !switches.allowInternalType && existing?.type !== 'Internal') {
    errors.push("Contact Type 'Internal' cannot be set through the API; use Customer or Supplier.");
  }
  // UI rule "Company or First Name must be filled" (vendor notes §2); API enforcement is our choice.
  if (switches.requireCompanyOrFirstName && !(row.company ?? '').trim() && !(row.firstName ?? '').trim()) {
    errors.push('Company or FirstName is required.');
  }
  if (row.priceColumn) {
    const match = ctx.account.priceColumns.find((p) => p.toLowerCase() === (row.priceColumn ?? '').toLowerCase());
    if (match) row.priceColumn = match;
    else errors.push(`Invalid PriceColumn '${row.priceColumn}'.`);
  }
  if (switches.validateReferences) {
    if (row.salesPersonId && !store.users.has(row.salesPersonId)) errors.push(`Invalid SalesPersonId ${row.salesPersonId}.`);
    if (row.billingId && (row.billingId === row.id || !store.contacts.has(row.billingId))) errors.push(`Invalid BillingId ${row.billingId}.`);
  }
  // "A unique email address" (vendor notes §2); whether duplicates are refused is Q1.
  const email = (row.email ?? '').trim();
  if (switches.duplicateEmail === 'reject' && email && email !== (existing?.email ?? '').trim()) {
    if (store.contactsByEmail(email).some((c) => c.id !== row.id)) errors.push(`The email address '${email}' is already in use.`);
  }
  return errors;
}

const READ_ONLY = new Set(CONTACT.fields.filter((f) => f.readOnly).map((f) => f.wire));

function assignWritable(row: ContactRow, item: ReadItem, op: 'create' | 'update'): void {
  const target = row as unknown as Record<string, unknown>;
  for (const [key, value] of item.values) {
    if (READ_ONLY.has(key) || key === 'secondaryContacts') continue;
    if (key === 'customFields') {
      // One custom field is one column: keys sent replace theirs, others stay.
      if (value !== null) row.customFields = { ...(op === 'update' ? row.customFields ?? {} : {}), ...(value as Record<string, unknown>) };
      continue;
    }
    if (value === null) {
      if (op === 'create' && !(key in DEFAULTS)) target[key] = null;
      continue;
    }
    target[key] = value;
  }
}

/** Values a new record gets when the body leaves them out, as the vendor's samples show. */
const DEFAULTS: Partial<ContactRow> = { isActive: true, salesPersonId: 0, billingId: 0, creditLimit: 0, balanceOwing: 0 };

function blankContact(): ContactRow {
  const row = Object.fromEntries(CONTACT.fields.map((f) => [f.wire, null])) as unknown as ContactRow;
  Object.assign(row, DEFAULTS, { id: 0, createdDate: '', modifiedDate: '', type: '' });
  return row;
}

function blankSecondary(): SecondaryContactRow {
  return { id: 0, company: null, firstName: null, lastName: null, jobTitle: null, email: null, mobile: null, phone: null };
}

function childItems(item: ReadItem): ReadItem[] {
  const v = item.values.get('secondaryContacts');
  return Array.isArray(v) ? (v as ReadItem[]) : [];
}

/** Gives new children their ids; an empty list is stored as null, as the vendor sample shows. */
function commitChildren(rows: SecondaryContactRow[], store: Cin7Store): SecondaryContactRow[] | null {
  for (const r of rows) if (r.id === 0) r.id = store.nextSecondaryId();
  return rows.length > 0 ? rows : null;
}

/**
 * `DELETE /v1/Contacts/{id}` (vendor notes §2): one record, answered with a single result object
 * (the vendor sample includes `index: 0`). Its secondary contacts go with it; quotes keep their
 * `memberId` (no cascade is documented). Null when the id is unknown — the router answers per Q8.
 */
export function deleteContact(id: number, ctx: WriteContext): { index: 0; success: true; id: number; code: null; errors: [] } | null {
  if (!ctx.store.contacts.delete(id)) return null;
  return { index: 0, success: true, id, code: null, errors: [] };
}
