import { SimulatorServer } from '../kit';
import { DEFAULT_ACCOUNT, type AccountSettings } from './account';
import { basicHeader, Connections, type Cin7Connection, type Cin7Credentials, type Cin7Permissions } from './auth';
import { RateLimiter, type RateUsage } from './rateLimiter';
import { createRouter } from './routes';
import { DEFAULT_SEED, DEFAULT_SIZE, seedStore, type Cin7SeedSize } from './seed';
import { Cin7Store, viewOf, type Cin7StoreView, type UserRow } from './store';
import { resolveSwitches, type Cin7RateLimits, type Cin7Switches } from './switches';

export type { AccountSettings } from './account';
export type { Cin7Connection, Cin7Credentials, Cin7Endpoint, Cin7Permissions, Cin7Verb } from './auth';
export type { RateUsage } from './rateLimiter';
export type { Cin7SeedSize } from './seed';
export type { Cin7StoreView, ContactRow, QuoteLineRow, QuoteRow, SecondaryContactRow, UserRow } from './store';
export type { Cin7RateLimits, Cin7Switches } from './switches';
export { DEFAULT_RATE_LIMITS, DEFAULT_SWITCHES } from './switches';
export { DEFAULT_SEED, DEFAULT_SIZE } from './seed';

export interface Cin7SimulatorOptions {
  /** Seed of the demo data; same seed and size → same data. Default 7. */
  seed?: number;
  /** How many customers, suppliers, users and quotes to generate (defaults 30, 8, 5, 40). */
  size?: Partial<Cin7SeedSize>;
  /** The account's API Username and the main connection's API Key. */
  credentials?: Partial<Cin7Credentials>;
  /** Per-endpoint, per-verb toggles of the main connection (missing = granted; false → 403). */
  permissions?: Cin7Permissions;
  /** More API connections of the same account: own key, own toggles, own rate budget. */
  connections?: Cin7Connection[];
  /** `false` turns the limiter off; an object changes values (default: 3/s, 60/min, 5,000/day per key, on). */
  rateLimits?: boolean | Partial<Cin7RateLimits>;
  /** Answers to the open questions and fault modes (see switches.ts and the README). */
  switches?: Partial<Omit<Cin7Switches, 'rateLimits'>>;
  /** Base currency and valid price columns (default NZD; Retail, Wholesale, Distributor, Special). */
  account?: Partial<AccountSettings>;
  /** Clock in epoch ms for write timestamps, rate windows and user visibility. Default `Date.now`. */
  now?: () => number;
}

export interface Cin7Simulator {
  /** The kit server: request `log`, `latencyMs`, `failNext`, `afterNext`, `setOutage`, `pendingFaults` (see the kit's README). */
  readonly server: SimulatorServer;
  /** `http://127.0.0.1:port` once listening. */
  readonly url: string;
  /** `${url}/api` — the vendor's base URL; resources are under `/v1/…`. */
  readonly apiBase: string;
  /** The account's API Username and the main connection's key. */
  readonly credentials: Readonly<Cin7Credentials>;
  /** Live switches; a change applies to the next request. */
  readonly switches: Cin7Switches;
  /** Read-only copies of the account's data, for assertions. */
  readonly store: Cin7StoreView;
  /** Starts listening (port 0 = any free port) and resolves to the base URL. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
  /** `{ Authorization: 'Basic …' }` for the main key or another connection's key. */
  authHeaders(apiKey?: string): Record<string, string>;
  /** Replaces a connection's permission toggles (default: the main key's). */
  setPermissions(permissions: Cin7Permissions, apiKey?: string): void;
  /** Requests counted against a key in the current second, minute and day windows. */
  rateUsage(apiKey?: string): RateUsage;
  /** Forgets every key's counted requests (a new day for all). */
  resetRateLimits(): void;
  /** Adds a user the way the Cin7 UI would; `/v1/Users` shows it after `switches.newUserDelayMs`. */
  addUser(user: Omit<UserRow, 'id'>): UserRow;
}

const DEFAULT_CREDENTIALS: Cin7Credentials = { username: 'SimulatedOmniNZ', apiKey: 'c7sim0000000000000000000000000a1' };

/**
 * A Cin7 Omni REST API v1 on a local port: `/api/v1/Contacts`, `/api/v1/Users`, `/api/v1/Quotes`
 * with Basic auth, per-key permissions and rate budgets, the list grammar, batch writes answered
 * per item, over deterministic demo data. See README.md for what is modelled and every choice.
 */
export function createCin7Simulator(options: Cin7SimulatorOptions = {}): Cin7Simulator {
  const now = options.now ?? Date.now;
  const credentials: Cin7Credentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const switches = resolveSwitches(options.switches, options.rateLimits);
  const account: AccountSettings = { ...DEFAULT_ACCOUNT, ...options.account, priceColumns: [...(options.account?.priceColumns ?? DEFAULT_ACCOUNT.priceColumns)] };
  const connections = new Connections(credentials.username, [
    { apiKey: credentials.apiKey, ...(options.permissions ? { permissions: options.permissions } : {}) },
    ...(options.connections ?? []),
  ]);
  const store = new Cin7Store();
  seedStore(store, options.seed ?? DEFAULT_SEED, { ...DEFAULT_SIZE, ...options.size }, account);
  const limiter = new RateLimiter(() => switches.rateLimits, now);
  const server = new SimulatorServer('cin7', createRouter({ store, switches, now, account, connections, limiter }));

  return {
    server,
    credentials,
    switches,
    store: viewOf(store),
    get url() {
      return server.url;
    },
    get apiBase() {
      return `${server.url}/api`;
    },
    listen: (port = 0) => server.listen(port),
    close: () => server.close(),
    authHeaders: (apiKey = credentials.apiKey) => ({ Authorization: basicHeader(credentials.username, apiKey) }),
    setPermissions: (permissions, apiKey = credentials.apiKey) => connections.setPermissions(apiKey, permissions),
    rateUsage: (apiKey = credentials.apiKey) => limiter.usage(apiKey),
    resetRateLimits: () => limiter.reset(),
    addUser(user) {
      const row: UserRow = { ...user, id: store.nextUserId() };
      store.users.set(row.id, row);
      store.userVisibleFrom.set(row.id, now() + switches.newUserDelayMs);
      return structuredClone(row);
    },
  };
}
