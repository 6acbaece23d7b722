import cors from 'cors';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a browser client may send (DESIGN §10): auth, request ids, Apollo's CSRF header. */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'x-api-key', 'x-request-id', 'apollo-require-preflight'];

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * CORS for the configured origins (the `cors` package): exact origins, or patterns where `*`
 * stands for one or more characters of a host name or port (`http://localhost:*`,
 * `https://*.example.com`). Preflights from an allowed origin get the methods and headers
 * above; any other origin gets no `Access-Control-*` header, so the browser blocks it.
 */
export function corsMiddleware(options: { origins: readonly string[]; maxAgeSeconds: number }): Middleware {
  const allowed = originMatcher(options.origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id'],
    maxAge: options.maxAgeSeconds,
    optionsSuccessStatus: 204,
  }) as Middleware;
}

export function originMatcher(patterns: readonly string[]): (origin: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.includes('*')).map((p) => p.toLowerCase()));
  const wild = patterns
    .filter((p) => p.includes('*'))
    .map((p) => new RegExp(`^${p.toLowerCase().split('*').map(escapeRegExp).reduce((re, part) => `${re}${re.endsWith(':') ? '\\d+' : HOST_PART}${part}`)}$`));
  return (origin) => {
    const o = origin.toLowerCase();
    return exact.has(o) || wild.some((re) => re.test(o));
  };
}

/** What `*` may stand for in a host: labels of letters, digits and hyphens (never `/`, `@` or `:`). */
const HOST_PART = '[a-z0-9-]+(?:\\.[a-z0-9-]+)*';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
