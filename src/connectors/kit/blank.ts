/**
 * Vendor text → our "no value": vendors send "", whitespace or null for unset text, and a record
 * reads the same for every vendor only if all of those become null.
 */
export function blank(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}
