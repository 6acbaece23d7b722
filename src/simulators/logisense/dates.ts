/**
 * Vendor date text: ISO-8601 UTC with `Z` and up to three fractional digits, trailing zeros
 * trimmed (`2021-04-26T15:25:27.587Z`, `2022-07-22T11:31:26.6Z`), vendor notes §2 conventions.
 */
export function formatVendorDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_m, fraction: string) => {
    const kept = fraction.replace(/0+$/, '');
    return kept ? `.${kept}Z` : 'Z';
  });
}

/** Parses a client date; null when it is not an ISO-8601 date the server could read. */
export function parseVendorDate(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text)) {
    return null;
  }
  const ms = Date.parse(/T/.test(text) && !/(Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text);
  return Number.isNaN(ms) ? null : ms;
}
