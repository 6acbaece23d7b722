import { associateCarrier, listItemCarrier } from './carriers';
import type { Store } from './store';

type Json = Record<string, unknown>;

/**
 * The blank record `GET /{Entity}/default` answers, as the captured ContactDefault sample of the
 * official client shows it: strings `""`, lists `[]`, list references not chosen yet as an
 * empty list item (`{Id: 0, Value: ""}`, e.g. TicketPriority), `CreatedBy` the current user;
 * only references to other records (UpdatedBy, a sale's Contact or Person) stay null.
 */
const LIST_ITEMS = new Set([
  'Competitor', 'Credited', 'Reason', 'Source', 'ReasonSold', 'ReasonStalled', 'TicketPriority', 'CustomerLanguage',
]);

export function asBlankRecord(body: Json, store: Store): Json {
  const out: Json = { ...body };
  for (const [key, value] of Object.entries(out)) {
    if (value !== null) continue;
    if (LIST_ITEMS.has(key)) out[key] = listItemCarrier(0, '');
    else if (key === 'CreatedBy') out[key] = associateCarrier(store.associate(store.prefs.currentAssociateId));
  }
  return out;
}
