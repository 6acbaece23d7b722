import { GatewayError, type UserError } from '../../core/errors';
import { cin7OmniErrorMessage } from './wire';
import type { FieldMap } from '../kit/fieldMap';


/** Fields of a record written for an account (the record's company side). */
export const ACCOUNT_FIELDS: FieldMap = {
  company: ['name'],
  email: ['emails', '0'],
  phone: ['phones', '0'],
  website: ['website'],
  address1: ['address', 'street'],
  address2: ['address', 'street'],
  city: ['address', 'city'],
  state: ['address', 'state'],
  postcode: ['address', 'postalCode'],
  country: ['address', 'country'],
  salespersonid: ['ownerId'],
};

/** Fields of a secondary contact item. */
export const SECONDARY_FIELDS: FieldMap = {
  firstname: ['firstName'],
  lastname: ['lastName'],
  jobtitle: ['jobTitle'],
  email: ['emails', '0'],
  phone: ['phones', '0'],
  mobile: ['phones', '1'],
};

/** Fields of a record written for a contact without account (the record's person side). */
export const PERSON_FIELDS: FieldMap = { ...SECONDARY_FIELDS, salespersonid: ['ownerId'] };

/**
 * A whole-request failure the HTTP client left to us (400, 404, 405, 415 …; 401/403/429/5xx
 * are typed there): SOURCE_REJECTED naming the operation. The vendor's text (vendor notes §5:
 * a bare string or `{Message}`) is kept as the debug-only `vendorMessage`.
 */
export function cin7Failure(source: string, operation: string, status: number, body: unknown): GatewayError {
  const message = cin7OmniErrorMessage(body);
  return new GatewayError('SOURCE_REJECTED', `Cin7 Omni rejected ${operation} (HTTP ${status})`, {
    source,
    vendor: 'CIN7_OMNI',
    httpStatus: status,
    ...(message ? { vendorMessage: message.slice(0, 300) } : {}),
  });
}

/**
 * A 404 on a collection route (`/v1/Contacts`, `/v1/Quotes`, `/v1/Users`). These routes exist on
 * every account, and an unknown record never answers 404 here (reads go by `where=id IN (…)`;
 * a PUT of an unknown id fails that item): the source's base URL is wrong — missing `/api`, a
 * wrong version or host (vendor notes §1). Told apart from a refusal so the operator looks at
 * the configuration, never reported as "no such record".
 */
export function routeMissing(source: string, operation: string, status: number, body: unknown): GatewayError {
  // A web server's HTML page says nothing an operator needs; ASP.NET's Message names the URI asked.
  const text = cin7OmniErrorMessage(body);
  const message = text && !text.startsWith('<') ? text : null;
  return new GatewayError(
    'SOURCE_REJECTED',
    `Source "${source}" has no Cin7 Omni API at its configured baseUrl: ${operation} answered HTTP ${status} (route not found). Check the source's baseUrl in the configuration; it is the API base, ending in /api`,
    {
      source,
      vendor: 'CIN7_OMNI',
      httpStatus: status,
      vendorCode: 'ROUTE_NOT_FOUND',
      ...(message ? { vendorMessage: message.slice(0, 300) } : {}),
    },
  );
}

/** An answer whose shape we do not recognise: the vendor changed or a proxy interfered. */
export function unexpectedAnswer(source: string, what: string, cause?: unknown): GatewayError {
  return new GatewayError('SOURCE_UNAVAILABLE', `Source "${source}" sent an unexpected answer to ${what}`, { source, vendor: 'CIN7_OMNI' }, { cause });
}

/** A write whose record may or may not exist: the vendor's answer did not say. */
export function writeOutcomeUnknown(source: string, what: string): GatewayError {
  return new GatewayError('SOURCE_OUTCOME_UNKNOWN', `Cin7 Omni ${what}`, { source, vendor: 'CIN7_OMNI' });
}

/** One item's `errors` of a BatchResultItem, split by whom they concern. */
export interface ItemErrors {
  /** About the record itself. */
  record: UserError[];
  /** About `secondaryContacts[i]` of the record, by `i`. */
  secondary: Map<number, UserError[]>;
}

/**
 * Turns a failed item's `errors` (vendor notes §2: strings, wording unpublished) into input
 * errors. The field is read from the shapes .NET and the API use — DataAnnotations
 * ("The Type field is required.", "The field Company must be … maximum length of '250'."),
 * Newtonsoft ("… Path '[0].salesPersonId'."), and a `SecondaryContacts[i]: ` prefix — and mapped
 * through `fields`; a message we cannot place gets `field: null`. The vendor's words are kept
 * in the message: they name no credential or host.
 */
export function itemErrors(messages: readonly string[], fields: FieldMap, what: string): ItemErrors {
  const out: ItemErrors = { record: [], secondary: new Map() };
  for (const raw of messages.length > 0 ? messages : ['no reason given']) {
    const nested = /^SecondaryContacts\[(\d+)\]:\s*(.*)$/is.exec(raw);
    if (nested) {
      const i = Number(nested[1]);
      const list = out.secondary.get(i) ?? [];
      list.push(placed(nested[2] ?? raw, SECONDARY_FIELDS, what));
      out.secondary.set(i, list);
    } else {
      out.record.push(placed(raw, fields, what));
    }
  }
  return out;
}

function placed(message: string, fields: FieldMap, what: string): UserError {
  const say = `Cin7 Omni refused the ${what}: ${message}`;
  const at = (name: string | undefined): string[] | null => (name ? (fields[name.toLowerCase()] ?? null) : null);
  let m = /^The (\w+) field is required\./.exec(message);
  if (m) return { field: at(m[1]), message: say, code: 'REQUIRED' };
  m = /^The field (\w+) must be a string or array type with a maximum length/.exec(message);
  if (m) return { field: at(m[1]), message: say, code: 'TOO_LONG' };
  m = /^The field (\w+) must be between/.exec(message);
  if (m) return { field: at(m[1]), message: say, code: 'INVALID' };
  m = /Path '(?:\[\d+\]\.)?(?:secondaryContacts\[\d+\]\.)?(\w+)'/i.exec(message);
  if (m) return { field: at(m[1]), message: say, code: 'INVALID' };
  if (/^The email address .* is already in use/i.test(message)) return { field: at('email'), message: say, code: 'CONFLICT' };
  m = /^Invalid (SalesPersonId|BillingId)\b/i.exec(message);
  if (m) return { field: at(m[1]), message: say, code: 'NOT_FOUND' };
  if (/^Company or FirstName is required/i.test(message)) {
    return { field: at('company') ?? at('firstName'), message: say, code: 'REQUIRED' };
  }
  return { field: null, message: say, code: 'REJECTED' };
}
