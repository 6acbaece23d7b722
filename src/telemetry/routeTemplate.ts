/** A whole number: SuperOffice, Cin7 and LogiSense record ids. */
const NUMBER = /^\d+$/;
/** A UUID, any version: Pipeliner record ids. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Long hex: hashes, object ids. */
const HEX = /^[0-9a-f]{16,}$/i;
/** An opaque token (base64, base64url): long, and mixing digits with letters, unlike a route word. */
const TOKEN = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9+/=_.~-]{16,}$/;

/**
 * The route of a vendor path with every segment that looks like an id replaced by `{id}`:
 * `/Contacts/0b6e…-…` → `/Contacts/{id}`, `/v1/Person/42` → `/v1/Person/{id}`. Logs and span
 * attributes carry this instead of the path, so they hold no record ids and group by route.
 * A segment that needed percent-encoding, or holds `@` or spaces, is a value, not a route word.
 * Expects a path without query string (VendorCallEvent.path never has one).
 */
export function routeTemplate(path: string): string {
  return path
    .split('/')
    .map((segment) => (looksLikeId(segment) ? '{id}' : segment))
    .join('/');
}

function looksLikeId(segment: string): boolean {
  if (segment === '') return false;
  if (/[%@\s]/.test(segment)) return true;
  return NUMBER.test(segment) || UUID.test(segment) || HEX.test(segment) || TOKEN.test(segment);
}
