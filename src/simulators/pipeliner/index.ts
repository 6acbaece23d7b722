import { SimulatorServer } from '../kit';
import { entityDef, ENTITY_PLURALS, type EntityPlural } from './entities';
import { IdFactory } from './ids';
import { resolveOptions, type PipelinerSimulatorOptions, type ResolvedOptions } from './options';
import { createPipelinerHandler } from './routes';
import { seedSpace } from './seed';
import { PipelinerStore, type Row } from './store';
import { formatTimestamp, microsFromDate } from './time';

/**
 * A faithful fake of Pipeliner CRM's REST API v100 for demo mode, tests and benchmarks:
 * a real HTTP server (the simulator kit) speaking the vendor's paths, envelopes, paging,
 * validation and error bodies over a seeded in-memory space. See README.md for what is
 * modelled and every choice made where the vendor's behaviour is not public.
 */

export type { CheckedRequest, PipelinerSimulatorOptions, RequestCheck } from './options';
export type { UnflaggedLabel } from './entities';
export type { UndeclaredParameters } from './parameters';
export type { OversizePage } from './query';
export type { PrimaryRule } from './relations';
export type PipelinerEntityPlural = EntityPlural;
/** The options in force: every default applied. */
export type PipelinerResolvedOptions = Readonly<ResolvedOptions>;

/** A stored record as tests see it: stored fields only, datetimes in wire format, frozen. */
export type PipelinerRecord = Readonly<Record<string, unknown>> & { readonly id: string };

export interface PipelinerSimulator {
  /**
   * The kit server: `log`, `requests()`, `latencyMs`, `failNext()`, `afterNext()`, `setOutage()`,
   * `pendingFaults()` — every scripted fault, see the kit's README.
   */
  readonly server: SimulatorServer;
  readonly spaceId: string;
  /** The space's Basic-auth key pair. */
  readonly credentials: { readonly username: string; readonly password: string };
  /** `Basic …`, ready for an Authorization header. */
  readonly authorization: string;
  /** The options in force, defaults applied. */
  readonly options: PipelinerResolvedOptions;
  /** Starts the server (port 0 = any free port); resolves to the service base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The service base URL (`http://127.0.0.1:port`); throws before `listen`. */
  readonly url: string;
  /** `${url}/api/v100/rest/spaces/${spaceId}`; throws before `listen`. */
  readonly apiBase: string;
  /** Stored rows of an entity, live ones unless `includeDeleted`. */
  records(plural: EntityPlural, opts?: { includeDeleted?: boolean }): PipelinerRecord[];
  /** One stored row (deleted ones too), or undefined. */
  record(plural: EntityPlural, id: string): PipelinerRecord | undefined;
  count(plural: EntityPlural, opts?: { includeDeleted?: boolean }): number;
  /** The whole space as JSON text; equal seeds and options give equal text. */
  snapshot(): string;
  /** Drops every change and reseeds the space; the request log and faults are untouched. */
  reset(): void;
}

function view(plural: string, row: Row): PipelinerRecord {
  const def = entityDef(plural);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('_')) continue;
    const kind = def.byName.get(key)?.kind;
    out[key] = kind === 'datetime' && typeof value === 'number' ? formatTimestamp(value) : structuredClone(value);
  }
  return deepFreeze(out) as PipelinerRecord;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Builds a simulator with a freshly seeded space; call `listen()` to serve it. */
export function createPipelinerSimulator(options: PipelinerSimulatorOptions = {}): PipelinerSimulator {
  const resolved = resolveOptions(options);
  const build = (): PipelinerStore => {
    const store = new PipelinerStore(new IdFactory(resolved.seed));
    seedSpace(store, {
      seed: resolved.seed,
      size: resolved.size,
      referenceMicros: microsFromDate(resolved.referenceDate),
    });
    return store;
  };
  let store = build();
  const server = new SimulatorServer('pipeliner', createPipelinerHandler({ options: resolved, store: () => store }));
  server.latencyMs = resolved.latencyMs;
  const credentials = Object.freeze({ username: resolved.username, password: resolved.password });
  const check = (plural: string): void => {
    if (!ENTITY_PLURALS.includes(plural as EntityPlural)) throw new Error(`Unknown Pipeliner entity '${plural}'`);
  };

  return {
    server,
    spaceId: resolved.spaceId,
    credentials,
    authorization: `Basic ${Buffer.from(`${resolved.username}:${resolved.password}`).toString('base64')}`,
    options: Object.freeze({ ...resolved }),
    listen: (port = 0, host = '127.0.0.1') => server.listen(port, host),
    close: () => server.close(),
    get url() {
      return server.url;
    },
    get apiBase() {
      return `${server.url}/api/v100/rest/spaces/${resolved.spaceId}`;
    },
    records(plural, opts) {
      check(plural);
      return store.rows(plural, opts?.includeDeleted ?? false).map((r) => view(plural, r));
    },
    record(plural, id) {
      check(plural);
      const row = store.get(plural, id);
      return row ? view(plural, row) : undefined;
    },
    count(plural, opts) {
      check(plural);
      return store.count(plural, opts?.includeDeleted ?? false);
    },
    snapshot: () => store.snapshot(),
    reset() {
      store = build();
    },
  };
}
