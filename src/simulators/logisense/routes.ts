import type { SimHandler, SimRequest, SimResponse } from '../kit';
import { planAccountCreate, planAccountUpdate } from './accountWrites';
import type { TokenAuthority } from './auth';
import { planContactPointCreate, planContactPointUpdate } from './contactPointWrites';
import { planContactCreate, planContactUpdate } from './contactWrites';
import * as dto from './dto';
import {
  ErrorCode,
  errorAnswer,
  hostNotFoundAnswer,
  listAnswer,
  methodNotAllowedAnswer,
  noRouteAnswer,
  notFoundAnswer,
  singleAnswer,
  unsupportedMediaAnswer,
  writeAnswer,
  type Problem,
} from './envelopes';
import { pagedAnswer, pageSlice, readPaginationHeader } from './paging';
import { run, type Step, type WriteContext } from './rules';
import { search } from './search';
import { ACCOUNT_SPEC, CONTACT_SPEC } from './specs';
import type { LogiSenseStore } from './store';
import type { LogiSenseSwitches } from './switches';
import { applyUpdateRequest } from './updateRequest';
import { isObject, type EntitySpec } from './validation';

export interface RouterDeps {
  store: LogiSenseStore;
  switches: LogiSenseSwitches;
  auth: TokenAuthority;
  now: () => number;
  /** Each PUT/PATCH of a known record: the `UpdateRequest` filters it carried (null: none, or ignored). */
  onUpdate?: (entry: UpdateRequestSeen) => void;
}

export interface UpdateRequestSeen {
  method: string;
  /** Below the resource root, e.g. `Contact/20001`. */
  path: string;
  filters: readonly string[] | null;
}

/** Token endpoint, versioned (docs) and unversioned (third-party clients), vendor notes §1.1. */
export const LOGIN_PATH = /^\/AuthorizationServer(\/api\/v6)?\/Access\/Login\/?$/i;
const RESOURCE_ROOT = /^\/ResourceServer\/api\/v6(\/.*)?$/i;
/** The two IIS applications on the host (notes §1.1); anything else is answered by IIS itself. */
const APP_ROOT = /^\/(ResourceServer|AuthorizationServer)(\/|$)/i;

interface Call {
  req: SimRequest;
  id: number;
  body: Record<string, unknown>;
}
interface Route {
  method: string;
  /** Lower-case literal segments; `{id}` is an int-constrained id (`{id:int}`, notes §6). */
  pattern: string[];
  handle: (call: Call) => SimResponse;
}

/**
 * The router: auth server login, then `/ResourceServer/api/v6/...` routes. Route names match
 * case-insensitively (.NET, notes §8). Route resolution comes before authorization, as in ASP.NET
 * Web API: an unknown route is 404 and a wrong verb 405 even without a token; a known route
 * without a live Bearer token is 401.
 */
export function createRouter(deps: RouterDeps): SimHandler {
  const routes = buildRoutes(deps);
  return (req) => {
    if (LOGIN_PATH.test(req.path)) return deps.auth.login(req);
    const root = RESOURCE_ROOT.exec(req.path);
    if (!root) return APP_ROOT.test(req.path) ? noRouteAnswer(`${req.origin}${req.path}`) : hostNotFoundAnswer();
    const segments = (root[1] ?? '').split('/').filter(Boolean).map((s) => safeDecode(s).toLowerCase());
    const candidates = routes.flatMap((route) => {
      const id = matchPattern(route.pattern, segments);
      return id === null ? [] : [{ route, id }];
    });
    if (candidates.length === 0) return noRouteAnswer(`${req.origin}${req.path}`);
    const hit = candidates.find((c) => c.route.method === req.method);
    if (!hit) return methodNotAllowedAnswer(req.method, [...new Set(candidates.map((c) => c.route.method))]);
    const denied = deps.auth.check(req.headers);
    if (denied) return denied;
    let body: Record<string, unknown> = {};
    if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
      const parsed = readJsonBody(req, envelopeTypeOf(req.method, hit.route.pattern));
      if ('status' in parsed) return parsed;
      body = parsed.body;
    }
    return hit.route.handle({ req, id: hit.id, body });
  };
}

/** A malformed percent-escape stays as sent, so it simply matches no route (404). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The envelope `type` of a write route's errors: `POST X/Search` is a search, other POSTs create. */
function envelopeTypeOf(method: string, pattern: readonly string[]): 'create' | 'update' | 'patch' | 'search' {
  if (method === 'PUT') return 'update';
  if (method === 'PATCH') return 'patch';
  return pattern[pattern.length - 1] === 'search' ? 'search' : 'create';
}

/** Null when the pattern does not match; the `{id}` value (or 0) when it does. */
function matchPattern(pattern: readonly string[], segments: readonly string[]): number | null {
  if (pattern.length !== segments.length) return null;
  let id = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i];
    const s = segments[i] ?? '';
    if (p === '{id}') {
      if (!/^\d{1,10}$/.test(s) || Number(s) > 2147483647) return null;
      id = Number(s);
    } else if (p !== s) {
      return null;
    }
  }
  return id;
}

function readJsonBody(req: SimRequest, type: 'create' | 'update' | 'patch' | 'search'): { body: Record<string, unknown> } | SimResponse {
  const contentType = String(req.headers['content-type'] ?? '');
  if (req.rawBody.trim() === '') {
    return errorAnswer(400, type, [{ code: ErrorCode.malformedRequest, message: 'A JSON request body is required.' }]);
  }
  // Requests with a body send Content-Type: application/json (notes §1.3).
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) return unsupportedMediaAnswer(contentType || 'application/octet-stream');
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.rawBody);
  } catch {
    return errorAnswer(400, type, [{ code: ErrorCode.malformedRequest, message: 'The request body is not valid JSON.' }]);
  }
  if (!isObject(parsed)) {
    return errorAnswer(400, type, [{ code: ErrorCode.malformedRequest, message: 'The request body must be a JSON object.' }]);
  }
  return { body: parsed };
}

function buildRoutes(deps: RouterDeps): Route[] {
  const { store, switches } = deps;
  const routes: Route[] = [];
  const add = (method: string, path: string, handle: Route['handle']) =>
    routes.push({ method, pattern: path.toLowerCase().split('/').filter(Boolean), handle });

  const paged = <T>(req: SimRequest, rows: readonly T[], toDto: (row: T) => unknown): SimResponse => {
    const problems: Problem[] = [];
    const page = readPaginationHeader(req.headers['pagination'], switches, problems);
    if (problems.length > 0) return errorAnswer(400, 'get', problems);
    return pagedAnswer(rows.length, pageSlice(rows, page).map(toDto), page, switches);
  };
  const write = (type: 'create' | 'update' | 'patch', plan: (ctx: WriteContext) => Step[]): SimResponse => {
    const ctx: WriteContext = { store, switches, now: deps.now, problems: [] };
    const steps = plan(ctx);
    if (ctx.problems.length > 0) return errorAnswer(400, type, ctx.problems);
    return writeAnswer(type, run(steps), switches);
  };

  /** GET X, GET X/Paged, GET X/{id}: the read routes every entity has. */
  const reads = <T>(entity: string, rows: Map<number, T>, toDto: (row: T) => Record<string, unknown>) => {
    add('GET', entity, () => listAnswer([...rows.values()].map(toDto)));
    add('GET', `${entity}/Paged`, ({ req }) => paged(req, [...rows.values()], toDto));
    add('GET', `${entity}/{id}`, ({ id }) => {
      const row = rows.get(id);
      return row ? singleAnswer(toDto(row), switches) : notFoundAnswer('get', entity, id);
    });
  };
  /** GET X/Paged/Detail and GET X/{id}/Detail. */
  const details = <T>(entity: string, rows: Map<number, T>, toDto: (row: T) => Record<string, unknown>) => {
    add('GET', `${entity}/Paged/Detail`, ({ req }) => paged(req, [...rows.values()], toDto));
    add('GET', `${entity}/{id}/Detail`, ({ id }) => {
      const row = rows.get(id);
      return row ? singleAnswer(toDto(row), switches) : notFoundAnswer('get', entity, id);
    });
  };
  /** PUT/PATCH of an existing row: 404 for an unknown id, then the `UpdateRequest` header, then the plan. */
  const update = <T>(
    { req, id, body }: Call,
    entity: string,
    rows: Map<number, T>,
    spec: EntitySpec,
    type: 'update' | 'patch',
    plan: (ctx: WriteContext, row: T, body: Record<string, unknown>) => Step[],
  ): SimResponse => {
    const row = rows.get(id);
    if (!row) return notFoundAnswer(type, entity, id);
    const filtered = applyUpdateRequest(req, body, spec, type, switches, (filters) =>
      deps.onUpdate?.({ method: req.method, path: `${entity}/${id}`, filters }),
    );
    if ('status' in filtered) return filtered;
    return write(type, (ctx) => plan(ctx, row, filtered.body));
  };
  const bind = <T>(f: (s: LogiSenseStore, row: T) => Record<string, unknown>) => (row: T) => f(store, row);

  // Account (vendor notes §2.1, §8): reads, details with contacts, create, update, patch, Search.
  reads('Account', store.accounts, bind(dto.accountDto));
  details('Account', store.accounts, (a) => dto.accountDetailDto(store, a, switches));
  add('POST', 'Account', ({ body }) => write('create', (ctx) => planAccountCreate(ctx, body)));
  // No DELETE: none is documented for accounts (an account is closed by its status, notes §2.1).
  add('PUT', 'Account/{id}', (c) =>
    update(c, 'Account', store.accounts, ACCOUNT_SPEC, 'update', (ctx, account, body) => planAccountUpdate(ctx, account, body, 'put')),
  );
  add('PATCH', 'Account/{id}', (c) =>
    update(c, 'Account', store.accounts, ACCOUNT_SPEC, 'patch', (ctx, account, body) => planAccountUpdate(ctx, account, body, 'patch')),
  );
  add('POST', 'Account/Search', ({ body }) =>
    search(ACCOUNT_SPEC, [...store.accounts.values()].map((a) => dto.accountDto(store, a)), body, switches),
  );

  // Contact: exactly the eight routes of seed 004. No DELETE, no Search.
  reads('Contact', store.contacts, bind(dto.contactDto));
  details('Contact', store.contacts, bind(dto.contactDetailDto));
  add('POST', 'Contact', ({ body }) => write('create', (ctx) => planContactCreate(ctx, body, '').steps));
  add('PUT', 'Contact/{id}', (c) =>
    update(c, 'Contact', store.contacts, CONTACT_SPEC, 'update', (ctx, contact, body) => planContactUpdate(ctx, contact, body, '', { mode: 'put' }).steps),
  );
  add('PATCH', 'Contact/{id}', (c) =>
    update(c, 'Contact', store.contacts, CONTACT_SPEC, 'patch', (ctx, contact, body) => planContactUpdate(ctx, contact, body, '', { mode: 'patch' }).steps),
  );

  // ContactPoint: no v6 page; reads plus create and update (see contactPointWrites.ts).
  reads('ContactPoint', store.contactPoints, bind(dto.contactPointDto));
  add('POST', 'ContactPoint', ({ body }) => write('create', (ctx) => planContactPointCreate(ctx, body)));
  add('PUT', 'ContactPoint/{id}', ({ id, body }) => {
    const point = store.contactPoints.get(id);
    return point ? write('update', (ctx) => planContactPointUpdate(ctx, point, body)) : notFoundAnswer('update', 'ContactPoint', id);
  });

  // Reference data, read-only here.
  reads('ContactType', store.contactTypes, bind(dto.contactTypeDto));
  reads('ContactPointType', store.contactPointTypes, bind(dto.contactPointTypeDto));
  reads('Currency', store.currencies, bind(dto.currencyDto));
  reads('AccountStatusType', store.accountStatusTypes, bind(dto.accountStatusTypeDto));
  reads('AccountType', store.accountTypes, bind(dto.accountTypeDto));
  reads('BillGroup', store.billGroups, bind(dto.billGroupDto));
  reads('Country', store.countries, bind(dto.countryDto));
  reads('State', store.states, bind(dto.stateDto));
  return routes;
}
