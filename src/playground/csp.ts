/**
 * The IDE page's Content-Security-Policy: everything from the gateway's own origin, no remote
 * host anywhere. The exceptions are what GraphiQL and Monaco need and none of them reaches
 * the network:
 * - `style-src 'unsafe-inline'`: Monaco writes `<style>` elements and `style` attributes at
 *   runtime (themes, decorations, widget positions), and has no nonce hook for them.
 * - `font-src data:` / `img-src data:`: GraphiQL's stylesheet carries its fonts (Roboto, Fira
 *   Code, Monaco's codicons) and a few icons inline as data URLs.
 * Workers come from files beside the script (`worker-src 'self'`), not from blobs.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers on every playground answer: no sniffing a script out of anything else, no referrer to leak. */
export const PLAYGROUND_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
