import type { SimHandler, SimRequest, SimResponse } from '../kit';
import { ENTITIES, type EntityDef } from './entities';
import {
  ApiError,
  invalidJson,
  invalidParameter,
  methodNotAllowed,
  recordNotFound,
  routeNotFound,
  spaceNotFound,
  unauthorized,
  unknownType,
} from './errors';
import type { ResolvedOptions } from './options';
import { checkParameters, type Operation } from './parameters';
import { parseBool, parseFieldTree, parseListQuery, runListQuery } from './query';
import { renderRecord, type RenderContext } from './records';
import type { PipelinerStore } from './store';
import { Clock, isKnownTimeZone } from './time';
import type { WriteContext } from './writes';
import { batchDelete, batchModify, createRecord, deleteRecord, parseRollbackMethod, updateRecord } from './writes';

/**
 * The router: `/api/v100/rest/spaces/{space}/entities/{Plural}[/{id}|/batch-modify|/batch-delete]`
 * (vendor notes §1–§2). Order of checks: route shape (framework 404), credentials present
 * (401), space known (404), credentials right (401), entity known (404 code 2006), method.
 */

export interface RouterState {
  readonly options: ResolvedOptions;
  /** The current store (replaced by `reset()`). */
  store(): PipelinerStore;
}

const ROUTE = /^\/api\/v100\/rest\/spaces\/([^/]+)\/entities\/([^/]+)(?:\/([^/]+))?$/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function credentialsOf(req: SimRequest): { user: string; pass: string } | null {
  const header = req.headers['authorization'];
  const m = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header) : null;
  if (!m?.[1]) return null;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? null : { user: text.slice(0, colon), pass: text.slice(colon + 1) };
}

function parseBody(req: SimRequest): unknown {
  if (req.rawBody.trim() === '') throw invalidJson();
  try {
    return JSON.parse(req.rawBody) as unknown;
  } catch {
    throw invalidJson();
  }
}

/** The body as JSON for `requestCheck`, or undefined when there is none or it is not JSON. */
function jsonOf(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function parseValidationLevel(text: string | null): number {
  if (text === null || text.trim() === '') return 0;
  if (!/^\d+$/.test(text.trim())) throw invalidParameter("Parameter 'validation-level' must be an integer bit mask.");
  return Number(text);
}

/**
 * The operation a method names on the collection (no tail) or below it; null when the path
 * does not serve the method (the framework's 405). A batch segment is a batch only for POST
 * on an entity with batch endpoints; otherwise it reads as a record id, as any segment would.
 */
function operationOf(method: string, tail: string | undefined, batch: boolean): Operation | null {
  if (tail === undefined) return method === 'GET' ? 'list' : method === 'POST' ? 'create' : null;
  if ((tail === 'batch-modify' || tail === 'batch-delete') && batch && method === 'POST') return tail;
  if (method === 'GET') return 'get';
  if (method === 'PATCH') return 'update';
  if (method === 'DELETE') return 'delete';
  return null;
}

function ok(data: unknown, status = 200): SimResponse {
  return { status, body: { success: true, data } };
}

export function createPipelinerHandler(state: RouterState): SimHandler {
  const { options } = state;
  const clock = new Clock(options.clockOffsetMicros);

  function list(ctx: RenderContext, def: EntityDef, q: URLSearchParams): SimResponse {
    const query = parseListQuery(def, q, options.oversizePage);
    const page = runListQuery(ctx, def, ctx.store.rows(def.plural, query.includeDeleted), query);
    const data = page.rows.map((row) => renderRecord(ctx, def, row, query.expand, query.only));
    // Key order as recorded: success, total, page_info, data. Legacy limit/offset: no page_info.
    const body = page.pageInfo
      ? { success: true, total: page.total, page_info: page.pageInfo, data }
      : { success: true, total: page.total, data };
    return { status: 200, body };
  }

  function handle(req: SimRequest): SimResponse {
    const problems =
      options.requestCheck?.({ method: req.method, path: req.path, query: req.query, body: jsonOf(req.rawBody) }) ?? [];
    if (problems.length > 0) throw invalidParameter(`Request refused by the contract: ${problems.join('; ')}`);
    const m = ROUTE.exec(req.path);
    const space = m?.[1] !== undefined ? decode(m[1]) : null;
    const plural = m?.[2] !== undefined ? decode(m[2]) : null;
    const tail = m?.[3] !== undefined ? decode(m[3]) : undefined;
    if (space === null || plural === null || tail === null) return routeNotFound();

    const given = credentialsOf(req);
    if (!given) throw unauthorized('Missing or invalid Authorization header.');
    if (space !== options.spaceId) throw spaceNotFound();
    if (given.user !== options.username || given.pass !== options.password) {
      throw unauthorized('Invalid API credentials.');
    }
    const def = ENTITIES.get(plural);
    if (!def) throw unknownType(plural);

    const store = state.store();
    const now = clock.nowMicros();
    const zone = req.headers['timezone'];
    const render: RenderContext = {
      store,
      origin: req.origin,
      spaceId: options.spaceId,
      now,
      unflaggedLabel: options.unflaggedLabel,
      ...(typeof zone === 'string' && isKnownTimeZone(zone) ? { timeZone: zone } : {}),
    };
    const operation = operationOf(req.method, tail, def.batch);
    if (!operation) return methodNotAllowed(tail === undefined ? ['GET', 'POST'] : ['GET', 'PATCH', 'DELETE']);
    const query = checkParameters(operation, req.query, options.undeclaredParameters);
    const write = (): WriteContext => ({
      store,
      now,
      primaryRule: options.primaryRule,
      validationLevel: parseValidationLevel(query.get('validation-level')),
    });

    switch (operation) {
      case 'list':
        return list(render, def, query);
      case 'create': {
        const row = createRecord(write(), def, parseBody(req));
        return ok(renderRecord(render, def, row), 201);
      }
      case 'batch-modify':
      case 'batch-delete': {
        const rollback = parseRollbackMethod(query.get('rollback-method'));
        const body = parseBody(req);
        return ok(
          operation === 'batch-modify'
            ? batchModify(write(), def, body, rollback)
            : batchDelete(write(), def, body, rollback),
        );
      }
      case 'get': {
        const id = tail ?? '';
        const row = parseBool(query.get('include-deleted')) ? store.get(def.plural, id) : store.live(def.plural, id);
        if (!row) throw recordNotFound(def.name, id);
        const expand = parseFieldTree(def, query.get('expand'), 'expand');
        return ok(renderRecord(render, def, row, expand));
      }
      case 'update': {
        const row = updateRecord(write(), def, tail ?? '', parseBody(req));
        return ok(renderRecord(render, def, row));
      }
      case 'delete':
        deleteRecord(write(), def, tail ?? '');
        return ok(tail);
    }
  }

  return (req) => {
    try {
      return handle(req);
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, body: err.body };
      throw err;
    }
  };
}
