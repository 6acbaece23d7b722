/*
 * Currency math on `CurrencyEntity {Rate, Units}` (vendor notes §2 "Currency"). The direction is
 * open question 7: `divideByRate` reads base = amount / Rate * Units (the CRMScript how-to),
 * `multiplyByRate` base = amount * Rate / Units (the admin doc's example). The base currency
 * has rate 1.
 */

export type BaseAmountFormula = 'divideByRate' | 'multiplyByRate';

export interface Rate {
  rate: number;
  units: number;
}

/** `amount` in the base currency, to the cent (as the archive's `amountInBaseCurrency`); null when the rate is unusable. */
export function baseAmountOf(amount: number, r: Rate, formula: BaseAmountFormula): number | null {
  if (!(r.rate > 0) || !(r.units > 0)) return null;
  const base = formula === 'divideByRate' ? (amount / r.rate) * r.units : (amount * r.rate) / r.units;
  return Math.round(base * 100) / 100;
}

/** Units of this currency per one unit of the base currency (the unified `exchangeRate`). */
export function exchangeRateOf(r: Rate, formula: BaseAmountFormula): number | null {
  if (!(r.rate > 0) || !(r.units > 0)) return null;
  return formula === 'divideByRate' ? r.rate / r.units : r.units / r.rate;
}

/** Vendor doubles → decimal strings, without float noise. */
export function decimal(n: number): string {
  return String(Number(n.toFixed(6)));
}
