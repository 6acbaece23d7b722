/**
 * Options of the SuperOffice simulator. Every switch that answers one of the open questions of
 * the vendor notes ("Uncertainties / not found") says which one; the defaults are the choices
 * documented in this folder's README.
 */

/** Online refuses Basic and needs SO-AppToken with a ticket; Onsite accepts Basic (vendor notes §1). */
export type Deployment = 'online' | 'onsite';

/** The life-cycle state reported by `GET /api/state/{ContextId}` (vendor notes §1). */
export type TenantState =
  | 'Running'
  | 'OnlineMaintenance'
  | 'OfflineMaintenance'
  | 'Suspended'
  | 'Provisioning'
  | 'Deleted';

export interface SuperOfficeSimulatorOptions {
  /** Seed of the deterministic data generator. Same seed and size → same data. Default 3. */
  seed?: number;
  /** How many customer companies (Contact), persons and sales to seed. */
  size?: { companies?: number; persons?: number; sales?: number };
  /** The first path segment: ContextId online (`Cust12345`), the web app root onsite. */
  tenant?: string;
  /** Bearer access token accepted (opaque, `8A:` prefixed like SuperID tokens). */
  accessToken?: string;
  /** SOTicket accepted (`7T:` prefixed). */
  ticket?: string;
  /** SO-AppToken (the partner app's client secret) required with a ticket online. */
  appToken?: string;
  deployment?: Deployment;
  /** Onsite only: the user/password Basic auth accepts. */
  basicAuth?: { user: string; password: string };
  /** Clock for CreatedDate/UpdatedDate of writes; seeded data never uses it. */
  clock?: () => Date;
  /**
   * Offset of the tenant's server time: datetimes without SO-TimeZone are emitted in this
   * offset, without a zone suffix (vendor notes §1 "Other headers"). Default 0 (UTC).
   */
  serverUtcOffsetMinutes?: number;
  /** Seed the tenant's own company with one Person per associate (every tenant has one). Default true. */
  seedOwnerCompany?: boolean;
  /** The `GET /api/state/{ContextId}` state; other than Running/OnlineMaintenance → API answers 503. */
  tenantState?: TenantState;
  /** Answer every API call with 421 "Wrong subdomain used to access tenant" (vendor notes §1). */
  wrongSubdomain?: boolean;

  // --- open questions (vendor notes "Uncertainties / not found") ---

  /** Q1: cap on rows per archive page (`$top` above it is reduced). Default null = no cap. */
  maxTop?: number | null;
  /** Q1: rows per page when `$top` is absent. Default null = all matching rows. */
  defaultTop?: number | null;
  /** Q1: emit `odata.nextLink` when more rows remain. Default false (every sample shows null). */
  emitNextLink?: boolean;
  /** Q2: HTTP status of a refused save (mandatory field, bad reference). Default 400. */
  saveErrorStatus?: 400 | 500;
  /** Q3: key of the message in the error object. Default 'ErrorMessage' (the docs' sample). */
  errorMessageKey?: 'ErrorMessage' | 'Message';
  /** Q4: status of a successful POST create. Default 200 (the spec lists no 201). */
  postStatus?: 200 | 201;
  /** Q5: a standing request budget; beyond it 429. Default null = no throttling (none documented). */
  rateLimit?: { requests: number; perMs: number; retryAfterSeconds?: number | null } | null;
  /** Q6: status for credentials made stale with `expireCredentials()`. Default 401. */
  expiredCredentialStatus?: 401 | 403;
  /**
   * Q7: how `amountInBaseCurrency` is computed. 'divideByRate' = amount / Rate * Units (the
   * CRMScript how-to); 'multiplyByRate' = amount * Rate / Units (the admin doc's example).
   */
  baseAmountFormula?: 'divideByRate' | 'multiplyByRate';
  /**
   * Q8: which mandatory fields a save enforces. 'documented' = Contact.Name, Sale.Heading and
   * a Person name; 'tenantFixture' also Contact Number2/Business/Category as flagged
   * UIHintMandatory in the captured tenant. Default 'documented'.
   */
  mandatoryFields?: 'documented' | 'tenantFixture';
  /** Person.Contact required (the `MandatoryContactOnPerson` preference). Default false. */
  mandatoryContactOnPerson?: boolean;
  /** Refuse a Sale without SaleType (the UI rule "every sale needs a sale type"). Default true. */
  requireSaleType?: boolean;
  /** Q10: serve `GET /User` (AllUsers archive). Default true. */
  userArchive?: boolean;
  /** `le`, `ge` and `notEnds` fail as the official request collection marks them. Default true. */
  failUndocumentedOperators?: boolean;
  /**
   * Refuse a `$filter` on a column the archive reference marks not restrictable, or with an
   * operator its restriction type does not list (400 with the REST error object; the status
   * of that refusal is not documented). Default true.
   */
  strictFilters?: boolean;
  /**
   * Read `\'` inside a quoted `$filter` literal as a quote, besides the documented `''`
   * (undocumented either way). Default true: the reading a client must survive.
   */
  backslashEscapesQuote?: boolean;
  /**
   * A sale saved with `SaleStakeholders` in a sale type whose `HasStakeholders` is false
   * (undocumented): 'refuse' answers the save error, 'drop' saves the sale without them,
   * 'keep' stores them anyway. Default 'refuse': the strictest reading a client must survive.
   */
  stakeholdersWithoutSaleType?: StakeholdersWithoutSaleType;
}

export type StakeholdersWithoutSaleType = 'refuse' | 'drop' | 'keep';

/** Options with every default applied. */
export interface ResolvedOptions {
  seed: number;
  size: { companies: number; persons: number; sales: number };
  tenant: string;
  accessToken: string;
  ticket: string;
  appToken: string;
  deployment: Deployment;
  basicAuth: { user: string; password: string };
  clock: () => Date;
  serverUtcOffsetMinutes: number;
  seedOwnerCompany: boolean;
  tenantState: TenantState;
  wrongSubdomain: boolean;
  maxTop: number | null;
  defaultTop: number | null;
  emitNextLink: boolean;
  saveErrorStatus: 400 | 500;
  errorMessageKey: 'ErrorMessage' | 'Message';
  postStatus: 200 | 201;
  rateLimit: { requests: number; perMs: number; retryAfterSeconds: number | null } | null;
  expiredCredentialStatus: 401 | 403;
  baseAmountFormula: 'divideByRate' | 'multiplyByRate';
  mandatoryFields: 'documented' | 'tenantFixture';
  mandatoryContactOnPerson: boolean;
  requireSaleType: boolean;
  userArchive: boolean;
  failUndocumentedOperators: boolean;
  strictFilters: boolean;
  backslashEscapesQuote: boolean;
  stakeholdersWithoutSaleType: StakeholdersWithoutSaleType;
}

export function resolveOptions(o: SuperOfficeSimulatorOptions = {}): ResolvedOptions {
  const tenant = o.tenant ?? 'Cust12345';
  return {
    seed: o.seed ?? 3,
    size: {
      companies: o.size?.companies ?? 25,
      persons: o.size?.persons ?? 60,
      sales: o.size?.sales ?? 80,
    },
    tenant,
    accessToken: o.accessToken ?? `8A:${tenant}.simulator-access-token`,
    ticket: o.ticket ?? '7T:c2ltdWxhdG9yLXRpY2tldA==',
    appToken: o.appToken ?? 'simulator-app-token',
    deployment: o.deployment ?? 'online',
    basicAuth: o.basicAuth ?? { user: 'sim', password: 'sim' },
    clock: o.clock ?? (() => new Date()),
    serverUtcOffsetMinutes: o.serverUtcOffsetMinutes ?? 0,
    seedOwnerCompany: o.seedOwnerCompany ?? true,
    tenantState: o.tenantState ?? 'Running',
    wrongSubdomain: o.wrongSubdomain ?? false,
    maxTop: o.maxTop ?? null,
    defaultTop: o.defaultTop ?? null,
    emitNextLink: o.emitNextLink ?? false,
    saveErrorStatus: o.saveErrorStatus ?? 400,
    errorMessageKey: o.errorMessageKey ?? 'ErrorMessage',
    postStatus: o.postStatus ?? 200,
    rateLimit: o.rateLimit
      ? { ...o.rateLimit, retryAfterSeconds: o.rateLimit.retryAfterSeconds ?? null }
      : null,
    expiredCredentialStatus: o.expiredCredentialStatus ?? 401,
    baseAmountFormula: o.baseAmountFormula ?? 'divideByRate',
    mandatoryFields: o.mandatoryFields ?? 'documented',
    mandatoryContactOnPerson: o.mandatoryContactOnPerson ?? false,
    requireSaleType: o.requireSaleType ?? true,
    userArchive: o.userArchive ?? true,
    failUndocumentedOperators: o.failUndocumentedOperators ?? true,
    strictFilters: o.strictFilters ?? true,
    backslashEscapesQuote: o.backslashEscapesQuote ?? true,
    stakeholdersWithoutSaleType: o.stakeholdersWithoutSaleType ?? 'refuse',
  };
}
