import type { SimHandler, SimRequest, SimResponse } from '../kit';
import { runArchive, type ArchiveSettings } from './archive';
import type { Credentials } from './auth';
import { PROVIDERS, providerByName, type ArchiveEnv, type Provider } from './columns';
import { create, getDefault, getOne, getSimple, patch, remove, replace, validateOnly, type CrudContext, type KindName } from './crud';
import { dateContextFor } from './dates';
import { SoError, badRequest, errorResponse, noRoute, notFound } from './errors';
import { currencyEntity, currentAssociate, listItems, mdoList } from './lists';
import type { ResolvedOptions } from './options';
import type { Store } from './store';

/**
 * The router of the simulated WebAPI REST v1 (vendor notes §1–§3):
 *   GET  /api/state/{ContextId}                         tenant status (no auth)
 *   GET  /{tenant}/api                                  version block (no auth)
 *        /{tenant}/api/v1/{Contact|Person|Sale}[...]    entities and their archives
 *   GET  /{tenant}/api/v1/Contact/{id}/Persons|Sales     a company's persons and sales (archives)
 *   GET  /{tenant}/api/v1/Archive/{provider}            SimpleContact, Person, FindSale, AllUsers, SaleStakeholder
 *   GET  /{tenant}/api/v1/SaleStakeholder, /Sale/{id}/Stakeholders   the SaleStakeholder archive
 *   GET  /{tenant}/api/v1/User[/currentAssociate]       AllUsers archive, the caller's Associate
 *   GET  /{tenant}/api/v1/List/{SaleType|Rating|Currency}/Items[/{id}]
 *   GET  /{tenant}/api/v1/MDOList/{name}
 *   POST /{tenant}/api/v1/Agents/List/GetBaseCurrency
 * Path segments after the tenant are case-insensitive, as the docs' own samples mix
 * `/v1/contact/5` and `/v1/Contact/5`.
 */
export interface RouterDeps {
  store: Store;
  options: ResolvedOptions;
  credentials: Credentials;
  /** Mutable switches (tests flip them at run time). */
  switches: { wrongSubdomain: boolean; tenantState: ResolvedOptions['tenantState'] };
  /** The headers that decide what a write does, per entity PUT, PATCH and DELETE received (for assertions). */
  writeHeaders: WriteHeaders[];
}

/** What an entity write carried besides its body: the precondition and the patch format. */
export interface WriteHeaders {
  method: 'PUT' | 'PATCH' | 'DELETE';
  /** Below the tenant's API base, e.g. `/Person/5`. */
  path: string;
  ifUnmodifiedSince: string | null;
  contentType: string | null;
}

const ENTITIES: Record<string, KindName> = { contact: 'contact', person: 'person', sale: 'sale' };

export function createRouter(deps: RouterDeps): SimHandler {
  const { options } = deps;
  const hits: number[] = [];
  return (req) => {
    try {
      return route(req, deps, hits);
    } catch (err) {
      if (err instanceof SoError) return errorResponse(err, options.errorMessageKey);
      throw err;
    }
  };
}

function route(req: SimRequest, deps: RouterDeps, hits: number[]): SimResponse {
  const { options, store } = deps;
  const segments = req.path.split('/').filter(Boolean).map(decode);
  const lower = segments.map((s) => s.toLowerCase());

  if (lower[0] === 'api' && lower[1] === 'state' && segments.length === 3) {
    return tenantStatus(req, deps, segments[2] as string);
  }
  if ((lower[0] ?? '') !== options.tenant.toLowerCase() || lower[1] !== 'api') throw noRoute(req.origin + req.path);
  // Wrong host for the tenant: 421 since 2023-11-17 (vendor notes §1 "Base URL").
  if (deps.switches.wrongSubdomain) throw new SoError(421, 'MisdirectedRequest', 'Wrong subdomain used to access tenant');
  if (!['Running', 'OnlineMaintenance'].includes(deps.switches.tenantState)) {
    throw new SoError(503, 'SoServiceUnavailableException', `Tenant ${options.tenant} is ${deps.switches.tenantState}`);
  }
  if (segments.length === 2 && req.method === 'GET') return versionBlock(req, deps);
  if (lower[2] !== 'v1') throw noRoute(req.origin + req.path);

  deps.credentials.check(req.headers);
  throttle(options, hits);
  acceptsJson(req);

  const rest = segments.slice(3);
  const restLower = lower.slice(3);
  const apiBase = `${req.origin}/${options.tenant}/api/v1`;
  const dates = dateContextFor(header(req, 'so-timezone'), options.serverUtcOffsetMinutes);
  const now = options.clock().getTime();
  const env: ArchiveEnv = { store, toBase: (amount, currencyId) => toBase(deps, amount, currencyId) };
  const archive = (provider: Provider<unknown>, metadataUrl: string, query = req.query): SimResponse => {
    const settings: ArchiveSettings = {
      dates,
      now,
      currentAssociateId: store.prefs.currentAssociateId,
      maxTop: options.maxTop,
      defaultTop: options.defaultTop,
      emitNextLink: options.emitNextLink,
      failUndocumentedOperators: options.failUndocumentedOperators,
      strictFilters: options.strictFilters,
      backslashEscapesQuote: options.backslashEscapesQuote,
      metadataUrl,
      selfUrl: `${req.origin}${req.path}`,
    };
    return { status: 200, body: runArchive(provider, env, query, settings) };
  };

  const [first = '', second, third] = restLower;
  const kind = ENTITIES[first];
  if (kind) {
    const ctx: CrudContext = {
      store,
      dates,
      apiBase,
      rules: options,
      now,
      saveErrorStatus: options.saveErrorStatus,
      postStatus: options.postStatus,
      headers: req.headers,
      select: queryParam(req, '$select'),
    };
    const id = rest[1];
    if (rest.length === 1) {
      if (req.method === 'GET') return archive(PROVIDERS[kind], `${apiBase}/Archive//$metadata`);
      if (req.method === 'POST') return create(kind, ctx, jsonBody(req));
      throw notAllowed(req);
    }
    if (rest.length === 2 && second === 'default') {
      if (req.method === 'GET') return getDefault(kind, ctx);
      throw notAllowed(req);
    }
    if (rest.length === 2 && second === 'validate') {
      if (req.method === 'POST') return validateOnly(kind, ctx, jsonBody(req));
      throw notAllowed(req);
    }
    if (rest.length === 2 && id !== undefined) {
      if (req.method === 'PUT' || req.method === 'PATCH' || req.method === 'DELETE') {
        deps.writeHeaders.push({
          method: req.method,
          path: `/${rest.join('/')}`,
          ifUnmodifiedSince: header(req, 'if-unmodified-since') ?? null,
          contentType: header(req, 'content-type') ?? null,
        });
      }
      switch (req.method) {
        case 'GET':
          return getOne(kind, ctx, id);
        case 'PUT':
          return replace(kind, ctx, id, jsonBody(req));
        case 'PATCH':
          return patch(kind, ctx, id, jsonBody(req), header(req, 'content-type') ?? 'application/json');
        case 'DELETE':
          return remove(kind, ctx, id);
      }
      throw notAllowed(req);
    }
    // `/Contact/{id}/Persons|Sales`: the company's archives (spec info text "related lists").
    if (rest.length === 3 && kind === 'contact' && (third === 'persons' || third === 'sales') && id !== undefined) {
      if (req.method !== 'GET') throw notAllowed(req);
      if (!/^\d+$/.test(id) || !store.contacts.has(Number(id))) throw notFound('Contact', id);
      const query = new URLSearchParams(req.query);
      const userFilter = queryParam(req, '$filter');
      for (const k of [...query.keys()]) if (k.toLowerCase() === '$filter') query.delete(k);
      query.set('$filter', userFilter ? `contactId equals ${id} and (${userFilter})` : `contactId equals ${id}`);
      const provider = third === 'persons' ? PROVIDERS.person : PROVIDERS.sale;
      return archive(provider, `${apiBase}/Archive//$metadata`, query);
    }
    // `/Sale/{id}/Stakeholders`: the SaleStakeholder archive of one sale (Swagger v1SaleEntity_Stakeholders).
    if (rest.length === 3 && kind === 'sale' && third === 'stakeholders' && id !== undefined) {
      if (req.method !== 'GET') throw notAllowed(req);
      if (!/^\d+$/.test(id) || !store.sales.has(Number(id))) throw notFound('Sale', id);
      const query = new URLSearchParams(req.query);
      const userFilter = queryParam(req, '$filter');
      for (const k of [...query.keys()]) if (k.toLowerCase() === '$filter') query.delete(k);
      query.set('$filter', userFilter ? `saleId = ${id} and (${userFilter})` : `saleId = ${id}`);
      return archive(PROVIDERS.stakeholder, `${apiBase}/Archive//$metadata`, query);
    }
    if (rest.length === 3 && third === 'simple' && id !== undefined) {
      if (req.method === 'GET') return getSimple(kind, ctx, id);
      throw notAllowed(req);
    }
    throw noRoute(req.origin + req.path);
  }

  // `GET /SaleStakeholder`: the SaleStakeholder archive (its single-row CRUD is not modelled).
  if (first === 'salestakeholder' && rest.length === 1 && req.method === 'GET') {
    return archive(PROVIDERS.stakeholder, `${apiBase}/Archive//$metadata`);
  }

  if (first === 'archive' && rest.length === 2 && second !== undefined) {
    const provider = providerByName(rest[1] as string);
    if (!provider || (provider.name === 'AllUsers' && !options.userArchive)) throw noRoute(req.origin + req.path);
    if (req.method !== 'GET') throw notAllowed(req);
    return archive(provider, `${apiBase}/Archive/${provider.name}/$metadata`);
  }

  if (first === 'user') {
    if (rest.length === 2 && second === 'currentassociate' && req.method === 'GET') {
      return { status: 200, body: currentAssociate(store) };
    }
    // Open question 10: the AllUsers archive behind GET /User; single-user calls are Online-restricted and not served.
    if (rest.length === 1 && req.method === 'GET' && options.userArchive) {
      return archive(PROVIDERS.user, `${apiBase}/Archive//$metadata`);
    }
    throw noRoute(req.origin + req.path);
  }

  if (first === 'list' && third === 'items' && rest.length <= 4 && rest[1] !== undefined) {
    if (req.method !== 'GET') throw notAllowed(req);
    const includeDeleted = (queryParam(req, 'includeDeleted') ?? '').toLowerCase() === 'true';
    return { status: 200, body: listItems(store, rest[1], rest[3], includeDeleted) };
  }

  if (first === 'mdolist' && rest.length === 2 && rest[1] !== undefined) {
    if (req.method !== 'GET') throw notAllowed(req);
    return { status: 200, body: mdoList(store, rest[1], queryParam(req, 'additional'), queryParam(req, 'query')) };
  }

  // The REST API has no base-currency call; the Agents API has List/GetBaseCurrency, whose
  // CRMScript twin answers a CurrencyEntity (`GetBaseCurrency().GetName()`, vendor notes §2).
  if (first === 'agents' && second === 'list' && third === 'getbasecurrency' && rest.length === 3) {
    if (req.method !== 'POST') throw notAllowed(req);
    return { status: 200, body: currencyEntity(store.baseCurrency()) };
  }

  throw noRoute(req.origin + req.path);
}

function tenantStatus(req: SimRequest, deps: RouterDeps, contextId: string): SimResponse {
  const { options } = deps;
  if (contextId.toLowerCase() !== options.tenant.toLowerCase()) throw noRoute(req.origin + req.path);
  const state = deps.switches.tenantState;
  return {
    status: 200,
    body: {
      ContextIdentifier: options.tenant,
      Endpoint: `${req.origin}/${options.tenant}`,
      State: state,
      IsRunning: state === 'Running' || state === 'OnlineMaintenance',
      ValidUntil: new Date(options.clock().getTime() + 3_600_000).toISOString(),
      Api: `${req.origin}/${options.tenant}/api`,
      Version: '10.5',
    },
  };
}

function versionBlock(req: SimRequest, deps: RouterDeps): SimResponse {
  return {
    status: 200,
    body: {
      v1: `${req.origin}/${deps.options.tenant}/api/v1`,
      Version: 'v1',
      NetServerVersion: '10.5.0.0',
      NetServerAssembly: '10.5.0.0',
      NetServerDate: '2025-01-01',
      NetServer: 'SuperOffice NetServer simulator',
      NetServerLabel: 'simulator',
      Services: 'Services88',
    },
  };
}

/** Open question 7: amount / Rate * Units (CRMScript how-to) by default. */
function toBase(deps: RouterDeps, amount: number, currencyId: number): number {
  const c = deps.store.currency(currencyId);
  if (!c || c.rate === 0 || c.units === 0) return amount;
  const value = deps.options.baseAmountFormula === 'divideByRate' ? (amount / c.rate) * c.units : (amount * c.rate) / c.units;
  return Math.round(value * 100) / 100;
}

/** Open question 5: no limit is documented; this is a standing budget when one is configured. */
function throttle(options: ResolvedOptions, hits: number[]): void {
  const limit = options.rateLimit;
  if (!limit) return;
  const now = Date.now();
  while (hits.length > 0 && (hits[0] as number) <= now - limit.perMs) hits.shift();
  if (hits.length >= limit.requests) {
    const headers: Record<string, string> = limit.retryAfterSeconds !== null ? { 'retry-after': String(limit.retryAfterSeconds) } : {};
    throw new SoError(429, 'RateLimitExceeded', 'Too many requests', 'so', headers);
  }
  hits.push(now);
}

/** JSON is the only representation served; an Accept that excludes it is 406. */
function acceptsJson(req: SimRequest): void {
  const accept = header(req, 'accept');
  if (!accept) return;
  if (/json|\*\/\*|application\/\*/i.test(accept)) return;
  throw new SoError(406, 'NotAcceptable', `This simulator answers JSON only, not '${accept}'`);
}

function jsonBody(req: SimRequest): unknown {
  if (req.rawBody.trim() === '') return undefined;
  try {
    return JSON.parse(req.rawBody) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

function notAllowed(req: SimRequest): SoError {
  return new SoError(405, 'HttpException', `The requested resource does not support http method '${req.method}'.`, 'aspnet');
}

function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Query option names are case-insensitive (`$orderby` in examples, `$orderBy` in the spec). */
function queryParam(req: SimRequest, name: string): string | null {
  for (const [k, v] of req.query) if (k.toLowerCase() === name.toLowerCase()) return v;
  return null;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
