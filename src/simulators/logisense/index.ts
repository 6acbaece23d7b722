import { SimulatorServer, type LoggedRequest } from '../kit';
import { redactLoginForm, TokenAuthority, type LogiSenseCredentials } from './auth';
import { createRouter, type UpdateRequestSeen } from './routes';
import { DEFAULT_SEED, seedStore } from './seed';
import { LogiSenseStore, viewOf, type LogiSenseStoreView } from './store';
import { DEFAULT_SWITCHES, type LogiSenseSwitches } from './switches';

export type { LogiSenseCredentials } from './auth';
export type { LogiSenseSwitches } from './switches';
export type { UpdateRequestSeen } from './routes';
export { DEFAULT_SWITCHES } from './switches';
export type {
  AccountRow,
  AddressRow,
  ContactPointRow,
  ContactPointTypeRow,
  ContactRow,
  ContactTypeRow,
  CurrencyRow,
  LogiSenseStoreView,
} from './store';

export interface LogiSenseSimulatorOptions {
  /** Seed of the generated data; the same seed gives the same data. Default 6. */
  seed?: number;
  /** Accounts to generate. Default 25. */
  accounts?: number;
  /** Average contacts per account (each gets 1..2n-1; 0 = none). Default 3. */
  contactsPerAccount?: number;
  /** Override any of the accepted credentials. */
  credentials?: Partial<LogiSenseCredentials>;
  /** Initial switch values (see switches.ts); the live object is `sim.switches`. */
  switches?: Partial<LogiSenseSwitches>;
  /** Clock in epoch ms, for token expiry and write timestamps. Default `Date.now`. */
  now?: () => number;
}

export interface LogiSenseSimulator {
  /** The kit server: `latencyMs`, `failNext`, `afterNext`, `setOutage`, `pendingFaults`, request `log` (see the kit's README). */
  readonly server: SimulatorServer;
  /** What the token endpoint accepts. */
  readonly credentials: Readonly<LogiSenseCredentials>;
  /** Live behaviour switches; changes apply to the next request. */
  readonly switches: LogiSenseSwitches;
  /** Read-only copies of the simulator's data, for assertions. */
  readonly store: LogiSenseStoreView;
  /** `http://127.0.0.1:port` once listening. */
  readonly url: string;
  /** `{url}/AuthorizationServer/api/v6`; the token endpoint is `{authBase}/Access/Login`. */
  readonly authBase: string;
  /** `{url}/ResourceServer/api/v6`. */
  readonly resourceBase: string;
  /** Starts listening (port 0 = any free port) and resolves to the base URL. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
  /** Token expiry mid-run: every token issued so far is refused from now on; logging in again works. */
  expireAllTokens(): void;
  /** Access tokens that would still be accepted. */
  liveTokens(): number;
  /**
   * Every PUT/PATCH of a known record so far, with the `UpdateRequest` filters it carried (the
   * kit's log keeps bodies, not headers), so a test can see which properties a client named.
   */
  updateRequests(): UpdateRequestSeen[];
}

/** Default credentials: a 32-hex client id as LogiSense support issues (vendor notes §1.2). */
const DEFAULT_CREDENTIALS: LogiSenseCredentials = {
  clientId: 'c0ffee00b111ab1e5e6a10915e000006',
  username: 'api.demo',
  password: 'demo-password-6',
  clientSecret: 'demo-client-secret-6',
};

/**
 * A LogiSense Billing v6 REST API on a local port: the authorization server's token login and
 * the resource server's Account, Contact, ContactPoint and reference-data routes, over
 * deterministic seed data. See README.md for what is modelled and each open-question choice.
 */
export function createLogiSenseSimulator(options: LogiSenseSimulatorOptions = {}): LogiSenseSimulator {
  const now = options.now ?? Date.now;
  const switches: LogiSenseSwitches = { ...DEFAULT_SWITCHES, ...options.switches };
  const credentials: LogiSenseCredentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const store = new LogiSenseStore();
  seedStore(store, {
    seed: options.seed ?? DEFAULT_SEED.seed,
    accounts: options.accounts ?? DEFAULT_SEED.accounts,
    contactsPerAccount: options.contactsPerAccount ?? DEFAULT_SEED.contactsPerAccount,
  });
  const auth = new TokenAuthority(credentials, switches, now, () => store.owner);
  const updates: UpdateRequestSeen[] = [];
  const router = createRouter({ store, switches, auth, now, onUpdate: (entry) => updates.push(entry) });
  const server: SimulatorServer = new SimulatorServer('logisense', async (req) => {
    const answer = await router(req);
    if (AUTH_SERVER.test(req.path)) scrubLoginBodies(server.log);
    return answer;
  });
  return {
    server,
    credentials,
    switches,
    store: viewOf(store),
    get url() {
      return server.url;
    },
    get authBase() {
      return `${server.url}/AuthorizationServer/api/v6`;
    },
    get resourceBase() {
      return `${server.url}/ResourceServer/api/v6`;
    },
    listen: (port = 0) => server.listen(port),
    close: () => server.close(),
    expireAllTokens: () => auth.expireAll(),
    liveTokens: () => auth.liveTokens(),
    updateRequests: () => updates.map((u) => ({ ...u })),
  };
}

/** Anything sent to the authorization server, served or not, may hold a password. */
const AUTH_SERVER = /^\/AuthorizationServer\//i;

/**
 * The kit logs request bodies, and a login body holds the password or client secret; those are
 * replaced in the log so that secrets are never kept (DESIGN §9 safety). A login answered by a
 * scripted fault never reaches this handler, so its body is scrubbed at the next auth request.
 */
function scrubLoginBodies(log: LoggedRequest[]): void {
  for (const entry of log) {
    if (!AUTH_SERVER.test(entry.path)) continue;
    if (typeof entry.body === 'string') entry.body = redactLoginForm(entry.body);
    else if (typeof entry.body === 'object' && entry.body !== null) {
      const copy: Record<string, unknown> = { ...(entry.body as Record<string, unknown>) };
      for (const key of ['password', 'client_secret', 'refresh_token']) if (key in copy) copy[key] = '[redacted]';
      entry.body = copy;
    }
  }
}
