import { SimulatorServer } from '../kit';
import { Credentials } from './auth';
import { resolveOptions, type ResolvedOptions, type SuperOfficeSimulatorOptions, type TenantState } from './options';
import { createRouter, type WriteHeaders } from './routes';
import { seedStore } from './seed';
import type {
  AssociateRec,
  ContactRec,
  CurrencyRec,
  ListsRec,
  PersonRec,
  PreferencesRec,
  SaleRec,
  SaleTypeRec,
  StageRec,
  Store,
} from './store';

export type { SuperOfficeSimulatorOptions, ResolvedOptions, TenantState, Deployment } from './options';
export type { WriteHeaders } from './routes';
export type { AssociateRec, ContactRec, CurrencyRec, PersonRec, SaleRec, SaleTypeRec, StageRec } from './store';

/** Copies of the tenant's data for assertions; changing them changes nothing. */
export interface SuperOfficeStoreView {
  contacts(): ContactRec[];
  persons(): PersonRec[];
  sales(): SaleRec[];
  contact(id: number): ContactRec | undefined;
  person(id: number): PersonRec | undefined;
  sale(id: number): SaleRec | undefined;
  lists(): ListsRec;
  preferences(): PreferencesRec;
  associates(): AssociateRec[];
  currencies(): CurrencyRec[];
  saleTypes(): SaleTypeRec[];
  stages(): StageRec[];
}

export interface SuperOfficeCredentials {
  /** For `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** For `Authorization: SOTicket <ticket>`. */
  ticket: string;
  /** For the `SO-AppToken` header that Online requires with a ticket. */
  appToken: string;
  /** Onsite only: `Authorization: Basic base64(user:password)`. */
  basic: { user: string; password: string };
}

export interface SuperOfficeSimulator {
  server: SimulatorServer;
  tenant: string;
  options: ResolvedOptions;
  /** Starts listening (port 0 = any free port); resolves to the base URL `http://127.0.0.1:port`. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
  /** `${url}/${tenant}/api/v1`; only after listen(). */
  readonly apiBase: string;
  /** The credentials currently accepted. */
  readonly credentials: SuperOfficeCredentials;
  /** Ready-made headers: `bearer` or `ticket` (+ SO-AppToken), with `Accept: application/json`. */
  authHeaders(kind?: 'bearer' | 'ticket'): Record<string, string>;
  /** Makes the current token and ticket stale (open question 6 picks 401 or 403). */
  expireCredentials(): void;
  /** Issues a new token and ticket, as re-authentication would. */
  renewCredentials(next?: { accessToken?: string; ticket?: string }): SuperOfficeCredentials;
  /** 421 "Wrong subdomain used to access tenant" on every call while true. */
  setWrongSubdomain(on: boolean): void;
  /** The tenant state; other than Running/OnlineMaintenance the API answers 503. */
  setTenantState(state: TenantState): void;
  store: SuperOfficeStoreView;
  /**
   * The precondition (`If-Unmodified-Since`) and content type of every entity PUT, PATCH and
   * DELETE received, oldest first (the kit's request log keeps no headers); copies.
   */
  writeHeaders(): WriteHeaders[];
  clearWriteHeaders(): void;
}

/**
 * A faithful fake of SuperOffice CRM's WebAPI REST v1 for demo mode, tests and benchmarks.
 * See this folder's README for what is modelled and the choices on open questions.
 */
export function createSuperOfficeSimulator(opts: SuperOfficeSimulatorOptions = {}): SuperOfficeSimulator {
  const options = resolveOptions(opts);
  const store = seedStore(options.seed, options.size, options.seedOwnerCompany);
  const credentials = new Credentials(
    options.accessToken,
    options.ticket,
    options.appToken,
    options.deployment,
    options.basicAuth,
    options.expiredCredentialStatus,
  );
  const switches = { wrongSubdomain: options.wrongSubdomain, tenantState: options.tenantState };
  const writeHeaders: WriteHeaders[] = [];
  const server = new SimulatorServer('superoffice', createRouter({ store, options, credentials, switches, writeHeaders }));
  const current = (): SuperOfficeCredentials => ({
    accessToken: credentials.accessToken,
    ticket: credentials.ticket,
    appToken: credentials.appToken,
    basic: { ...options.basicAuth },
  });

  return {
    server,
    tenant: options.tenant,
    options,
    listen: (port = 0) => server.listen(port),
    close: () => server.close(),
    get apiBase() {
      return `${server.url}/${options.tenant}/api/v1`;
    },
    get credentials() {
      return current();
    },
    authHeaders(kind = 'bearer') {
      const base = { Accept: 'application/json' };
      return kind === 'bearer'
        ? { ...base, Authorization: `Bearer ${credentials.accessToken}` }
        : { ...base, Authorization: `SOTicket ${credentials.ticket}`, 'SO-AppToken': credentials.appToken };
    },
    expireCredentials: () => credentials.expire(),
    renewCredentials(next) {
      credentials.renew(next);
      return current();
    },
    setWrongSubdomain(on) {
      switches.wrongSubdomain = on;
    },
    setTenantState(state) {
      switches.tenantState = state;
    },
    store: storeView(store),
    writeHeaders: () => writeHeaders.map((w) => ({ ...w })),
    clearWriteHeaders: () => void writeHeaders.splice(0),
  };
}

function storeView(store: Store): SuperOfficeStoreView {
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    contacts: () => copy([...store.contacts.values()]),
    persons: () => copy([...store.persons.values()]),
    sales: () => copy([...store.sales.values()]),
    contact: (id) => copy(store.contacts.get(id)),
    person: (id) => copy(store.persons.get(id)),
    sale: (id) => copy(store.sales.get(id)),
    lists: () => copy(store.lists),
    preferences: () => copy(store.prefs),
    associates: () => copy(store.lists.associates),
    currencies: () => copy(store.lists.currencies),
    saleTypes: () => copy(store.lists.saleTypes),
    stages: () => copy(store.lists.stages),
  };
}
