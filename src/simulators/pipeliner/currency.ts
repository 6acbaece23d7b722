import type { PipelinerStore, Row } from './store';

/**
 * Currency math (vendor notes §3.3, §3.7, checklist 9): one read-only base currency; the
 * exchange-rate list in force is the latest whose `valid_from` is not in the future; its
 * `exchange_rate` is the multiplier from the base currency, so foreign = base × rate.
 */

export function baseCurrency(store: PipelinerStore): Row | undefined {
  return store.rows('Currencies').find((c) => c['is_base'] === true);
}

/** The exchange-rate list in force at `atMicros`, if any. */
export function listInForce(store: PipelinerStore, atMicros: number): Row | undefined {
  let best: Row | undefined;
  for (const list of store.rows('CurrencyExchangeRatesLists')) {
    const from = list['valid_from'];
    if (typeof from !== 'number' || from > atMicros) continue;
    if (!best || from > Number(best['valid_from'])) best = list;
  }
  return best;
}

export interface RateLookup {
  rate: number;
  /** Null for the base currency, whose rate is 1 by definition. */
  listId: string | null;
}

/** The rate for a currency at an instant; null when the list in force has none for it. */
export function rateFor(store: PipelinerStore, currencyId: string, atMicros: number): RateLookup | null {
  const currency = store.get('Currencies', currencyId);
  if (currency?.['is_base'] === true) return { rate: 1, listId: null };
  const list = listInForce(store, atMicros);
  if (!list) return null;
  const row = store
    .referencing('CurrencyExchangeRates', 'currency_exchange_rate_list_id', list.id)
    .find((r) => r['currency_id'] === currencyId);
  const rate = row?.['exchange_rate'];
  return typeof rate === 'number' && rate > 0 ? { rate, listId: list.id } : null;
}

/** Money is kept to cents once computed; given values are stored as sent. */
export function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}
