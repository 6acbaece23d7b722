import { CONTACT, QUOTE, USER, type ModelSpec } from './models';
import type { Row } from './predicate';
import type { ContactRow, QuoteRow, UserRow } from './store';
import type { Cin7Switches } from './switches';

/**
 * Stored rows → wire objects: every model key present in model order, unset ones as `null`
 * (vendor notes §1 "Nulls"), nothing internal (`isVoid`). Copies, so a caller cannot change the store.
 */
function out(row: Row, model: ModelSpec): Row {
  const o: Row = {};
  for (const spec of model.fields) {
    const v = row[spec.wire];
    o[spec.wire] = v === undefined ? null : spec.items && Array.isArray(v) ? v.map((c) => out(c as Row, spec.items as ModelSpec)) : structuredClone(v);
  }
  return o;
}

export const contactOut = (row: ContactRow): Row => out(row as unknown as Row, CONTACT);
export const userOut = (row: UserRow): Row => out(row as unknown as Row, USER);

/** With `statusCasing: 'upper'`, `status` drifts to "DRAFT"/"APPROVED"/"VOID" (vendor notes §6). */
export function quoteOut(row: QuoteRow, switches: Cin7Switches): Row {
  const o = out(row, QUOTE);
  if (switches.statusCasing === 'upper' && typeof o['status'] === 'string') o['status'] = o['status'].toUpperCase();
  return o;
}
