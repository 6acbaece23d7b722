import { currencyRate, currencySymbol, knownCurrency, type AccountSettings } from './account';
import type { ItemOutcome } from './batch';
import type { ReadItem } from './body';
import { applyChildList } from './childLists';
import type { WriteContext } from './contactWrites';
import { wireDate } from './dates';
import { QUOTE, QUOTE_LINE } from './models';
import type { QuoteLineRow, QuoteRow } from './store';
import { ANNOTATION, annotationErrors } from './validation';

/**
 * `POST /v1/Quotes` and `PUT /v1/Quotes` per record (vendor notes §4, Quote model): the customer
 * is linked by `memberId` or `memberEmail` (id wins) and its name/contact details are copied onto
 * the quote where the body leaves them out; `reference` is unique (≤ 30), auto-generated when
 * blank; `isApproved` defaults to true and `stage` to "New" (free text); `status` is read-only,
 * derived from `isApproved` and the write-only `isVoid`; `currencyCode` defaults to the account
 * currency, `currencyRate` 0/null is looked up, `currencySymbol` follows the code; `productTotal`
 * and `total` are computed from the lines. `?loadboms=` is accepted and has no effect (no BOMs).
 */
export function createQuote(item: ReadItem, ctx: WriteContext): ItemOutcome {
  const row = blankQuote();
  assignWritable(row, item);
  row.isVoid = item.values.get('isVoid') === true;
  const lines = applyChildList<QuoteLineRow>([], lineItems(item), 'create', blankLine, QUOTE_LINE, 'LineItems');
  const errors = lines.ok ? [] : [...lines.errors];
  linkMember(row, item, ctx, errors);
  row.isApproved ??= true;
  if (!row['stage']) row['stage'] = 'New';
  row['taxStatus'] ??= 'Excl';
  row['taxRate'] ??= 15;
  const reference = typeof row.reference === 'string' ? row.reference.trim() : '';
  if (reference && ctx.store.quoteByReference(reference)) errors.push(`Reference '${reference}' already exists.`);
  errors.push(...quoteErrors(row, ctx));
  if (errors.length > 0 || !lines.ok) return { ok: false, errors };
  const stamp = wireDate(ctx.now());
  row.id = ctx.store.nextQuoteId();
  row.reference = reference || ctx.store.nextQuoteReference();
  row['createdDate'] = stamp;
  row['modifiedDate'] = stamp;
  row['source'] = 'API';
  row.lineItems = commitLines(lines.rows, row.id, stamp, ctx);
  deriveQuote(row, ctx.account);
  ctx.store.quotes.set(row.id, row);
  return { ok: true, id: row.id, code: row.reference };
}

export function updateQuote(item: ReadItem, ctx: WriteContext): ItemOutcome {
  const id = item.values.get('id');
  if (typeof id !== 'number' || id === 0) return { ok: false, errors: [ANNOTATION.required('Id')] };
  const existing = ctx.store.quotes.get(id);
  if (!existing) return { ok: false, errors: [`Quote with Id ${id} was not found.`] };
  const row = structuredClone(existing);
  assignWritable(row, item);
  if (item.values.get('isVoid') === true) row.isVoid = true; // a void cannot be undone (vendor notes §4 sources)
  const errors: string[] = [];
  if (item.values.get('memberId') || item.values.get('memberEmail')) linkMember(row, item, ctx, errors);
  if (!row.reference) row.reference = existing.reference; // "" cannot clear a unique reference
  const other = ctx.store.quoteByReference(row.reference);
  if (other && other.id !== row.id) errors.push(`Reference '${row.reference}' already exists.`);
  const sent = lineItems(item);
  const lines = item.values.get('lineItems')
    ? applyChildList(existing.lineItems, sent, ctx.switches.childListOnPut, blankLine, QUOTE_LINE, 'LineItems')
    : ({ ok: true, rows: existing.lineItems } as const);
  if (!lines.ok) errors.push(...lines.errors);
  errors.push(...quoteErrors(row, ctx));
  if (errors.length > 0 || !lines.ok) return { ok: false, errors };
  const stamp = wireDate(ctx.now());
  row['modifiedDate'] = stamp;
  if (item.values.get('currencyCode') && !item.values.get('currencyRate')) row['currencyRate'] = null;
  row.lineItems = commitLines(lines.rows, row.id, stamp, ctx);
  deriveQuote(row, ctx.account);
  ctx.store.quotes.set(row.id, row);
  return { ok: true, id: row.id, code: row.reference };
}

function quoteErrors(row: QuoteRow, ctx: WriteContext): string[] {
  const errors = annotationErrors(row, QUOTE);
  const code = typeof row['currencyCode'] === 'string' ? row['currencyCode'].trim().toUpperCase() : '';
  if (code) {
    if (knownCurrency(code)) row['currencyCode'] = code;
    else errors.push(`Invalid CurrencyCode '${String(row['currencyCode'])}'.`);
  }
  const salesPersonId = row['salesPersonId'];
  if (ctx.switches.validateReferences && typeof salesPersonId === 'number' && salesPersonId !== 0 && !ctx.store.users.has(salesPersonId)) {
    errors.push(`Invalid SalesPersonId ${salesPersonId}.`);
  }
  return errors;
}

/** Customer link (Quote model: "MemberId or MemberEmail should be specified"; id wins). */
function linkMember(row: QuoteRow, item: ReadItem, ctx: WriteContext, errors: string[]): void {
  const memberId = item.values.get('memberId');
  const memberEmail = item.values.get('memberEmail');
  let contact;
  if (typeof memberId === 'number' && memberId !== 0) {
    contact = ctx.store.contacts.get(memberId);
    if (!contact && ctx.switches.validateReferences) errors.push(`Invalid MemberId ${memberId}.`);
  } else if (typeof memberEmail === 'string' && memberEmail.trim()) {
    contact = ctx.store.contactsByEmail(memberEmail)[0];
    if (!contact && ctx.switches.validateReferences) errors.push(`Invalid MemberEmail '${memberEmail}'.`);
  }
  row.memberId = contact?.id ?? (typeof memberId === 'number' ? memberId : 0);
  if (!contact) return;
  row['memberEmail'] = contact.email;
  for (const key of ['firstName', 'lastName', 'company', 'email', 'phone', 'mobile', 'fax'] as const) {
    if (item.values.get(key) === undefined || item.values.get(key) === null) row[key] = contact[key];
  }
}

/** Currency, totals and status after every save (seeded quotes too). */
export function deriveQuote(row: QuoteRow, account: AccountSettings): void {
  const code = typeof row['currencyCode'] === 'string' && row['currencyCode'] ? row['currencyCode'] : account.currency;
  row['currencyCode'] = code;
  if (!row['currencyRate']) row['currencyRate'] = currencyRate(code, account.currency);
  row['currencySymbol'] = currencySymbol(code);
  const productTotal = round2(row.lineItems.reduce((sum, l) => sum + num(l['qty']) * num(l['unitPrice']) - num(l['discount']), 0));
  const net = productTotal + num(row['freightTotal']) + num(row['surcharge']) - num(row['discountTotal']);
  const tax = row['taxStatus'] === 'Excl' ? (net * num(row['taxRate'])) / 100 : 0;
  row['productTotal'] = productTotal;
  row['total'] = round2(net + tax);
  row['status'] = row.isVoid ? 'Void' : row['isApproved'] === false ? 'Draft' : 'Approved';
  row['salesPersonEmail'] = null; // obsolete, always null (Quote model)
}

const READ_ONLY = new Set(QUOTE.fields.filter((f) => f.readOnly).map((f) => f.wire));

function assignWritable(row: QuoteRow, item: ReadItem): void {
  for (const [key, value] of item.values) {
    if (READ_ONLY.has(key) || key === 'lineItems' || key === 'isVoid' || key === 'memberId' || value === null) continue;
    if (key === 'customFields') {
      const current = row['customFields'];
      row['customFields'] = { ...(typeof current === 'object' ? current : {}), ...(value as Record<string, unknown>) };
      continue;
    }
    row[key] = value;
  }
}

export function blankQuote(): QuoteRow {
  const row = Object.fromEntries(QUOTE.fields.map((f) => [f.wire, null])) as QuoteRow;
  return Object.assign(row, { id: 0, reference: '', memberId: 0, lineItems: [], isVoid: false, freightTotal: 0, surcharge: 0, discountTotal: 0 });
}

function blankLine(): QuoteLineRow {
  return Object.fromEntries(QUOTE_LINE.fields.map((f) => [f.wire, null])) as QuoteLineRow;
}

function lineItems(item: ReadItem): ReadItem[] {
  const v = item.values.get('lineItems');
  return Array.isArray(v) ? (v as ReadItem[]) : [];
}

function commitLines(lines: QuoteLineRow[], quoteId: number, stamp: string, ctx: WriteContext): QuoteLineRow[] {
  lines.forEach((l, i) => {
    if (!l.id) {
      l.id = ctx.store.nextLineId();
      l['createdDate'] = stamp;
    }
    l['transactionId'] = quoteId;
    l['parentId'] = 0;
    l['sort'] ??= i + 1;
    l['qtyShipped'] ??= 0;
    l['holdingQty'] ??= 0;
  });
  return lines;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const round2 = (n: number): number => Math.round(n * 100) / 100;
