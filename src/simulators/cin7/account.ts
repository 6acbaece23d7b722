/**
 * Account-level settings the API does not expose (vendor notes §4 "Currency", §9 Q13): the base
 * currency and the price-column names contacts may use. The simulator needs them to default and
 * derive quote currency fields and to check `priceColumn`.
 */
export interface AccountSettings {
  /** ISO code used when a quote omits `currencyCode`. */
  currency: string;
  /** Valid `priceColumn` names (vendor notes §2: "must be a valid price-column name"). */
  priceColumns: string[];
}

/**
 * Symbols and start-of-day rates per 1 NZD for the codes the simulator knows. A quote whose
 * `currencyRate` is 0/null gets the rate looked up here, as Cin7 asks its currency service
 * (vendor notes §4); a code not listed fails the record.
 */
const CURRENCIES: Record<string, { symbol: string; perNzd: number }> = {
  NZD: { symbol: '$', perNzd: 1 },
  AUD: { symbol: '$', perNzd: 0.91 },
  USD: { symbol: '$', perNzd: 0.6 },
  CAD: { symbol: '$', perNzd: 0.82 },
  SGD: { symbol: '$', perNzd: 0.8 },
  GBP: { symbol: '£', perNzd: 0.47 },
  EUR: { symbol: '€', perNzd: 0.55 },
  JPY: { symbol: '¥', perNzd: 89.5 },
};

export function knownCurrency(code: string): boolean {
  return code in CURRENCIES;
}

export function currencySymbol(code: string): string | null {
  return CURRENCIES[code]?.symbol ?? null;
}

/** Units of `code` per one unit of the account currency, rounded to 6 places. */
export function currencyRate(code: string, accountCurrency: string): number {
  const to = CURRENCIES[code]?.perNzd ?? 1;
  const from = CURRENCIES[accountCurrency]?.perNzd ?? 1;
  return Math.round((to / from) * 1e6) / 1e6;
}

export const DEFAULT_ACCOUNT: Readonly<AccountSettings> = Object.freeze({
  currency: 'NZD',
  priceColumns: ['Retail', 'Wholesale', 'Distributor', 'Special'],
});
