import type { SimHandler, SimRequest, SimResponse } from '../kit';
import type { Cin7Endpoint, Cin7Verb, Connections } from './auth';
import { runBatch } from './batch';
import { createContact, deleteContact, updateContact, type WriteContext } from './contactWrites';
import { frameworkError, MESSAGES, QueryError, queryErrorResponse, rateLimited, vendorError } from './errors';
import { runListQuery } from './listQuery';
import { CONTACT, QUOTE, QUOTE_WRITE_ONLY, USER } from './models';
import { createQuote, updateQuote } from './quoteWrites';
import type { RateLimiter } from './rateLimiter';
import { contactOut, quoteOut, userOut } from './serialize';

export interface RouterContext extends WriteContext {
  connections: Connections;
  limiter: RateLimiter;
}

/** `/api/v1/{Resource}[/{id}]`; ASP.NET routing ignores case and a trailing slash. */
const ROUTE = /^\/api\/v1\/(contacts|users|quotes)(?:\/([^/]+))?\/?$/i;
const ENDPOINTS: Record<string, Cin7Endpoint> = { contacts: 'Contacts', users: 'Users', quotes: 'Quotes' };

/** Verbs each resource serves (vendor notes §2, §4): collection and item routes apart. */
const VERBS: Record<Cin7Endpoint, { collection: string[]; item: string[] }> = {
  Contacts: { collection: ['GET', 'POST', 'PUT'], item: ['GET', 'DELETE'] },
  Users: { collection: ['GET'], item: ['GET'] },
  Quotes: { collection: ['GET', 'POST', 'PUT'], item: ['GET'] },
};

const PERMISSION: Record<string, Cin7Verb> = { GET: 'read', POST: 'create', PUT: 'update', DELETE: 'delete' };

/** The Web API application lives under `/api` (vendor notes §1: base URL `https://api.cin7.com/api`). */
const API_ROOT = /^\/api(\/|$)/i;

/**
 * A path outside the API application never reaches ASP.NET: the web server answers its own
 * HTML 404 page (no auth, no JSON) — what a base URL without `/api` meets.
 */
const SERVER_NOT_FOUND: SimResponse = {
  status: 404,
  text: '<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2></body></html>',
  headers: { 'content-type': 'text/html' },
};

/**
 * IIS request filtering's answer to a query string over `maxQueryString` (substatus 404.15),
 * also before ASP.NET and authentication.
 */
const QUERY_TOO_LONG: SimResponse = {
  status: 404,
  text: '<!DOCTYPE html><html><head><title>IIS 10.0 Detailed Error - 404.15 - Not Found</title></head><body><h3>HTTP Error 404.15 - Not Found</h3><h4>The request filtering module is configured to deny a request where the query string is too long.</h4></body></html>',
  headers: { 'content-type': 'text/html' },
};

/**
 * The request pipeline: outside `/api` → the web server's HTML 404; a query string over
 * `maxQueryStringLength` → its 404.15; Basic auth on every call (401) → the key's rate budget (429) → route
 * (404, 405) → the key's per-endpoint permission (403) → the resource. A 401 is not counted
 * against any budget (no key was identified); everything after it is.
 */
export function createRouter(ctx: RouterContext): SimHandler {
  return (req) => {
    if (!API_ROOT.test(req.path)) return SERVER_NOT_FOUND;
    const limit = ctx.switches.maxQueryStringLength;
    // The query as sent, re-encoded the way clients' URL encoders write it (URLSearchParams).
    if (limit !== null && req.query.toString().length > limit) return QUERY_TOO_LONG;
    const apiKey = ctx.connections.authenticate(req.headers);
    if (apiKey === null) return vendorError(401, MESSAGES.unauthorized, ctx.switches);
    const decision = ctx.limiter.take(apiKey);
    if (!decision.allowed) {
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      return rateLimited(ctx.switches.rateLimits.retryAfter ? { 'retry-after': String(seconds) } : undefined);
    }
    const m = ROUTE.exec(req.path);
    const endpoint = m ? ENDPOINTS[(m[1] ?? '').toLowerCase()] : undefined;
    if (!m || !endpoint) {
      return frameworkError(404, `No HTTP resource was found that matches the request URI '${req.origin}${req.path}'.`);
    }
    const idText = m[2];
    const verbs = idText === undefined ? VERBS[endpoint].collection : VERBS[endpoint].item;
    if (!verbs.includes(req.method)) return frameworkError(405, `The requested resource does not support http method '${req.method}'.`);
    if (!ctx.connections.allowed(apiKey, endpoint, PERMISSION[req.method] ?? 'read')) {
      return vendorError(403, MESSAGES.forbidden, ctx.switches);
    }
    if (idText === undefined) return collection(endpoint, req, ctx);
    if (!/^\d{1,10}$/.test(idText) || Number(idText) > 2147483647) return frameworkError(400, 'The request is invalid.');
    return item(endpoint, Number(idText), req.method, ctx);
  };
}

function collection(endpoint: Cin7Endpoint, req: SimRequest, ctx: RouterContext): SimResponse {
  if (req.method === 'GET') return list(endpoint, req.query, ctx);
  switch (endpoint) {
    case 'Contacts':
      return runBatch(req, [CONTACT], ctx.switches, (it) => (req.method === 'POST' ? createContact(it, ctx) : updateContact(it, ctx)));
    case 'Quotes':
      return runBatch(req, [QUOTE, QUOTE_WRITE_ONLY], ctx.switches, (it) => (req.method === 'POST' ? createQuote(it, ctx) : updateQuote(it, ctx)));
    case 'Users':
      return frameworkError(405, `The requested resource does not support http method '${req.method}'.`);
  }
}

function list(endpoint: Cin7Endpoint, query: URLSearchParams, ctx: RouterContext): SimResponse {
  try {
    switch (endpoint) {
      case 'Contacts':
        return ok(runListQuery([...ctx.store.contacts.values()], query, CONTACT, ctx.switches, contactOut));
      case 'Users':
        return ok(runListQuery(ctx.store.visibleUsers(ctx.now()), query, USER, ctx.switches, userOut));
      case 'Quotes':
        return ok(runListQuery([...ctx.store.quotes.values()], query, QUOTE, ctx.switches, (q) => quoteOut(q, ctx.switches)));
    }
  } catch (err) {
    if (err instanceof QueryError) return queryErrorResponse(err, ctx.switches);
    throw err;
  }
}

function item(endpoint: Cin7Endpoint, id: number, method: string, ctx: RouterContext): SimResponse {
  if (method === 'DELETE') {
    const result = deleteContact(id, ctx);
    if (result) return ok(result);
    return ctx.switches.deleteUnknownId === 'notFound'
      ? vendorError(404, MESSAGES.notFound, ctx.switches)
      : ok({ index: 0, success: false, id: 0, code: '', errors: [`Contact with Id ${id} was not found.`] });
  }
  const found = single(endpoint, id, ctx);
  if (found) return ok(found);
  return ctx.switches.getUnknownId === 'notFound' ? vendorError(404, MESSAGES.notFound, ctx.switches) : ok(null);
}

function single(endpoint: Cin7Endpoint, id: number, ctx: RouterContext): Record<string, unknown> | null {
  switch (endpoint) {
    case 'Contacts': {
      const row = ctx.store.contacts.get(id);
      return row ? contactOut(row) : null;
    }
    case 'Users': {
      const row = ctx.store.visibleUsers(ctx.now()).find((u) => u.id === id);
      return row ? userOut(row) : null;
    }
    case 'Quotes': {
      const row = ctx.store.quotes.get(id);
      return row ? quoteOut(row, ctx.switches) : null;
    }
  }
}

const ok = (body: unknown): SimResponse => ({ status: 200, body });

