import { z } from 'zod';
import { optionalFlag, optionalNumber, text, texts } from '../kit/wireFields';

/*
 * Cin7 Omni API v1 wire shapes, as far as crmgraph reads them (vendor notes §1, §2, §4; field
 * table `contact-crm-model`). Loose objects: the vendor sends many more fields, kept in
 * `remoteData`. Every field may be null (vendor notes §1 "Nulls": keys present, unset = null).
 *
 * Casing: the server emits camelCase, but one client library claims PascalCase (vendor notes
 * §1 "Conflict"); keys are camel-cased before parsing — "a tolerant parser costs nothing".
 */

/** Newtonsoft's camel-case rule: a leading run of capitals is lowered (`SSCCNumber` → `ssccNumber`). */
export function newtonsoftCamel(name: string): string {
  const run = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (run.length <= 1 || run.length === name.length) return name.charAt(0).toLowerCase() + name.slice(1);
  return run.slice(0, -1).toLowerCase() + name.slice(run.length - 1);
}

/**
 * Camel-cases an object's own keys (not nested ones: `customFields` keys are the account's
 * names). The server's own camelCase — every key starting lower-case, which the rule leaves as
 * it is — is answered as is, without a copy.
 */
function camelKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  let capitalised = false;
  for (const k in value) {
    const first = k.charCodeAt(0);
    if (first >= 65 && first <= 90) {
      capitalised = true;
      break;
    }
  }
  if (!capitalised) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [newtonsoftCamel(k), v]));
}

const tolerant = <T extends z.ZodType>(schema: T) => z.preprocess(camelKeys, schema);

/** A Cin7 Omni record: keys camel-cased first, unknown fields kept, an integer `id` always there. */
const record = <S extends z.ZodRawShape>(shape: S) => tolerant(z.looseObject({ id: z.number().int(), ...shape }));

const int = z.number().int().nullish();

/** Every record's `createdDate` and `modifiedDate`. */
const stamps = texts('createdDate', 'modifiedDate');

/** The person fields a record, a secondary contact and a user all carry. */
const person = texts('firstName', 'lastName', 'jobTitle', 'email');

/** An item of `secondaryContacts` (SubContact: company 150, the rest 50). */
export const cin7OmniSecondaryContact = record({
  company: text,
  ...person,
  ...texts('mobile', 'phone'),
});
export type Cin7OmniSecondaryContact = z.infer<typeof cin7OmniSecondaryContact>;

/** A Contact record: a company and its main person in one row (vendor notes §2, §4). */
export const cin7OmniContact = record({
  ...stamps,
  isActive: optionalFlag,
  ...texts('type', 'company'),
  ...person,
  ...texts('website', 'phone', 'fax', 'mobile'),
  ...texts('address1', 'address2', 'city', 'state', 'postCode', 'country'),
  salesPersonId: int,
  billingId: int,
  secondaryContacts: z.array(cin7OmniSecondaryContact).nullish(),
});
export type Cin7OmniContact = z.infer<typeof cin7OmniContact>;

/** `GET /v1/Users`: sales persons, read-only (vendor notes §4). */
export const cin7OmniUser = record({
  isActive: optionalFlag,
  ...person,
});
export type Cin7OmniUser = z.infer<typeof cin7OmniUser>;

/** The CRM subset of a Quote (vendor notes §4; field table `Quote_crm_subset`). */
export const cin7OmniQuote = record({
  ...stamps,
  reference: text,
  memberId: int,
  ...texts('memberEmail', 'company', 'firstName', 'lastName'),
  probability: optionalNumber,
  ...texts('expectedOrderDate', 'status', 'stage'),
  isApproved: optionalFlag,
  salesPersonId: int,
  total: optionalNumber,
  currencyCode: text,
  currencyRate: optionalNumber,
});
export type Cin7OmniQuote = z.infer<typeof cin7OmniQuote>;

/** One answer item of a POST/PUT (BatchResultItem, vendor notes §2): match by `index`. */
export const cin7OmniBatchResultItem = tolerant(
  z.looseObject({
    index: z.number().int(),
    success: z.boolean(),
    id: int,
    code: text,
    errors: z.array(z.string()).nullish(),
  }),
);
export type Cin7OmniBatchResultItem = z.infer<typeof cin7OmniBatchResultItem>;

/**
 * An error body: a bare JSON string (the spec's examples) or ASP.NET's `{"Message": …}`
 * (vendor notes §5 "Body-shape conflict"). Read status first, then whichever shape came.
 */
export function cin7OmniErrorMessage(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() || null;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const o = body as Record<string, unknown>;
    const m = o['Message'] ?? o['message'];
    if (typeof m === 'string') return m;
  }
  return null;
}
