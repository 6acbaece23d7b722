/**
 * Behaviour switches. Each one answers a question the public record leaves open (vendor notes §9,
 * "Uncertainties"; the number is given per switch) or is a fault the checklist asks for (§8). The
 * default is the most plausible reading; the alternative lets connector tests prove they survive
 * the other one. The object is live: the router reads it on every request.
 */
export interface Cin7Switches {
  /** Q1: a POST/PUT whose `email` is already used by another contact fails per item, or is saved. */
  duplicateEmail: 'reject' | 'allow';
  /** Q2: non-429 error bodies are a bare JSON string (the spec examples) or `{"Message": …}` (ASP.NET default). */
  errorBody: 'string' | 'message';
  /** Q4: `rows` above the maximum answers 400 (spec via numa) or is silently reduced to it. */
  rowsAboveMax: 'reject' | 'clamp';
  /** Q5: direction of an `order` term written without ASC/DESC; numa reports DESC. */
  defaultOrderDirection: 'ASC' | 'DESC';
  /** Q6: keys not asked for in `fields` are left out of the answer, or present as null. */
  unrequestedFields: 'omit' | 'null';
  /** `fields` naming something the model lacks: 400, or the name is ignored. */
  unknownFields: 'reject' | 'ignore';
  /**
   * A POST/PUT property the model lacks (`postalCode` for `postCode`): refused as Newtonsoft
   * does with MissingMemberHandling.Error (that record fails, or the whole body with
   * `typeMismatch: 'rejectRequest'`), or silently dropped (Newtonsoft's default). Undocumented;
   * the simulator refuses by default so a misspelt field cannot vanish unnoticed.
   */
  unknownBodyFields: 'reject' | 'ignore';
  /** Q7: parentheses in `where` group terms (SQL) or are a malformed clause. */
  whereParentheses: boolean;
  /**
   * The SQL type behind date columns, which bounds a date literal in `where`: `datetime`
   * (1753-01-01 to 9999-12-31, the older and common type) or `datetime2` (from 0001-01-01).
   * A literal outside it is refused like a malformed clause (SQL Server cannot convert it).
   */
  whereDateRange: 'datetime' | 'datetime2';
  /**
   * Longest query string the web server takes: 2048 is the default of IIS request filtering
   * (`maxQueryString`) and of ASP.NET (`maxQueryStringLength`); longer → IIS's HTML 404.15.
   * The vendor's own setting is undocumented; null = no limit.
   */
  maxQueryStringLength: number | null;
  /** Q7: status of a malformed `where`/`order`: 400 (checklist) or 500 (an unhandled SQL error). */
  malformedQueryStatus: 400 | 500;
  /** Q8: `GET /{id}` of an unknown id: 404 "Resource not found" (spec), or 200 with a null body. */
  getUnknownId: 'notFound' | 'null';
  /** Q8: `DELETE /Contacts/{id}` of an unknown id: 404, or 200 with `success:false`. */
  deleteUnknownId: 'notFound' | 'failure';
  /** Q9: a PUT item must carry `type` (the Help page marks it Required on the shared model). */
  requireTypeOnPut: boolean;
  /** Q10: records per POST/PUT; more answers 400 "Batch limit is 250." with nothing applied. */
  batchLimit: number;
  /** Q12: `Internal` (the spec enum's third value) is accepted on write; the Help page lists two. */
  allowInternalType: boolean;
  /**
   * PUT with `secondaryContacts` / `lineItems`: the array is the full new list (kept by id,
   * created without id, dropped when absent — as the documented Cartons PUT), or a merge that
   * keeps children left out. Omitted or null leaves the list untouched either way.
   */
  childListOnPut: 'replace' | 'merge';
  /** A value of the wrong JSON type (`"abc"` for an integer): that item fails, or the whole body is malformed (400). */
  typeMismatch: 'failItem' | 'rejectRequest';
  /** The UI rule "Company or First Name must be filled" is enforced by the API too. */
  requireCompanyOrFirstName: boolean;
  /** `salesPersonId`, `billingId` and a quote's `memberId`/`memberEmail` must name existing records. */
  validateReferences: boolean;
  /** Enum casing drift seen on sales orders (vendor notes §6): quote `status` "Draft" or "DRAFT". */
  statusCasing: 'documented' | 'upper';
  /** Users added with `addUser()` stay invisible this long ("up to 2 h", vendor notes §4). */
  newUserDelayMs: number;
  rateLimits: Cin7RateLimits;
}

/**
 * The per-key budget (vendor notes §5: 3/s, 60/min, 5,000/day per API connection). Windows are
 * undocumented (Q3): `sliding` counts the requests of the last second/minute/24 h, which is the
 * strictest reading (a client that passes it passes fixed windows too); `fixed` resets at each
 * UTC second, minute and midnight.
 */
export interface Cin7RateLimits {
  enabled: boolean;
  perSecond: number;
  perMinute: number;
  perDay: number;
  windows: 'sliding' | 'fixed';
  /** Q3: send `Retry-After` (whole seconds until the tripped window frees a slot) with a 429. */
  retryAfter: boolean;
  /** Whether a request answered 429 still uses up budget. Undocumented; default: it does not. */
  countRejected: boolean;
}

export const DEFAULT_RATE_LIMITS: Readonly<Cin7RateLimits> = Object.freeze({
  enabled: true,
  perSecond: 3,
  perMinute: 60,
  perDay: 5000,
  windows: 'sliding',
  retryAfter: false,
  countRejected: false,
});

export const DEFAULT_SWITCHES: Readonly<Omit<Cin7Switches, 'rateLimits'>> = Object.freeze({
  duplicateEmail: 'reject',
  errorBody: 'string',
  rowsAboveMax: 'reject',
  defaultOrderDirection: 'DESC',
  unrequestedFields: 'omit',
  unknownFields: 'reject',
  unknownBodyFields: 'reject',
  whereDateRange: 'datetime',
  maxQueryStringLength: 2048,
  whereParentheses: true,
  malformedQueryStatus: 400,
  getUnknownId: 'notFound',
  deleteUnknownId: 'notFound',
  requireTypeOnPut: true,
  batchLimit: 250,
  allowInternalType: false,
  childListOnPut: 'replace',
  typeMismatch: 'failItem',
  requireCompanyOrFirstName: true,
  validateReferences: true,
  statusCasing: 'documented',
  newUserDelayMs: 2 * 60 * 60 * 1000,
});

/** Switches with defaults applied; `rateLimits: false` turns the limiter off, `true` keeps the real values. */
export function resolveSwitches(
  switches: Partial<Omit<Cin7Switches, 'rateLimits'>> = {},
  rateLimits: boolean | Partial<Cin7RateLimits> = true,
): Cin7Switches {
  const limits: Cin7RateLimits =
    typeof rateLimits === 'boolean'
      ? { ...DEFAULT_RATE_LIMITS, enabled: rateLimits }
      : { ...DEFAULT_RATE_LIMITS, ...rateLimits };
  return { ...DEFAULT_SWITCHES, ...switches, rateLimits: limits };
}
