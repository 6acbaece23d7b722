/**
 * Whether a request's `Accept` header asks for HTML before JSON: a browser navigating to the
 * endpoint (`text/html,…,*\/*;q=0.8`), not a GraphQL client (`application/json`,
 * `application/graphql-response+json`) nor `fetch` with its default `*\/*`. Apollo Server decides
 * its landing page the same way, so the same requests get the IDE as used to get Sandbox.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = quality(params);
    if (type === 'text/html') html = Math.max(html, q);
    else if (type === 'application/json' || type === 'application/graphql-response+json') json = Math.max(json, q);
  }
  return html > 0 && html >= json;
}

function quality(params: string[]): number {
  for (const p of params) {
    const [key, value] = p.trim().split('=');
    if (key === 'q') {
      const q = Number(value);
      return Number.isFinite(q) ? q : 0;
    }
  }
  return 1;
}
