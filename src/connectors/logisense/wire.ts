import { z } from 'zod';
import { wireRecord } from '../kit/wireRecord';
import { optionalFlag, optionalNumber as num, text, texts } from '../kit/wireFields';

/*
 * LogiSense Billing v6 wire shapes, as far as crmgraph reads them (seed 004 for Contact and its
 * Detail children; vendor notes §2 for Account, Currency and the lookup tables; §3–§5 for the
 * envelopes). Wire records (checked, not copied): the vendor sends more fields, kept in `remoteData`. Every `xxxId`
 * comes with a read-only `xxxName` (notes §2 conventions).
 */

const identity = z.number().int();

export const logisenseContactPoint = wireRecord({
  identity,
  contactPointTypeId: num,
  contactPointTypeName: text,
  value: text,
  contactId: num,
});
export type LogiSenseContactPoint = z.infer<typeof logisenseContactPoint>;

/** Contact, plain or Detail (seed 004): no account key, no name, no dates in v6. */
export const logisenseContact = wireRecord({
  identity,
  contactTypeId: num,
  ...texts('contactTypeName', 'title', 'firstName', 'lastName'),
  isUsedForTax: optionalFlag,
  details: wireRecord({ contactPoints: z.array(logisenseContactPoint).nullish() }).nullish(),
});
export type LogiSenseContact = z.infer<typeof logisenseContact>;

/** Account (notes §2.1); `details` (Detail routes) holds the contacts under a configurable key. */
export const logisenseAccount = wireRecord({
  identity,
  name: z.string(),
  currencyId: num,
  ...texts('currencyName', 'created', 'lastUpdate'),
  details: z.record(z.string(), z.unknown()).nullish(),
});
export type LogiSenseAccount = z.infer<typeof logisenseAccount>;

/** An account read through a Detail route, with its contacts parsed. */
export interface LogiSenseAccountDetail {
  account: LogiSenseAccount;
  contacts: LogiSenseContact[];
}

export const logisenseCurrency = wireRecord({
  identity,
  code: z.string(),
  ...texts('name', 'symbol'),
  isDefault: optionalFlag,
});
export type LogiSenseCurrency = z.infer<typeof logisenseCurrency>;

/** ContactType (notes §2.2): `contactTypeTypeName` is the back-end type Billing, Service or Other. */
export const logisenseContactType = wireRecord({
  identity,
  name: z.string(),
  contactTypeTypeName: text,
});
export type LogiSenseContactType = z.infer<typeof logisenseContactType>;

/** ContactPointType (notes §2.2): configured per contact type; `name` is email, phone, text or address. */
export const logisenseContactPointType = wireRecord({
  identity,
  name: z.string(),
  contactTypeId: num,
  isRequired: optionalFlag,
  allowMultiple: optionalFlag,
});
export type LogiSenseContactPointType = z.infer<typeof logisenseContactPointType>;

/** Token answer (notes §1.2); `expires_in` is a number (v10 docs) or a string (older wiki). */
export const logisenseToken = wireRecord({
  access_token: z.string().min(1),
  token_type: text,
  expires_in: z.union([z.number(), z.string()]).nullish(),
});

/** OAuth-style login refusal `{error, error_description}` (undocumented; notes §9 q6). */
export const logisenseLoginError = wireRecord({ error: z.string(), error_description: text });

/** `GET X`: `{trackingId, totalCount, items}` (notes §3). */
export const logisenseList = wireRecord({ totalCount: num, items: z.array(z.unknown()) });

/** `GET X/{id}`: `{trackingId, instance}` (seed 004) or a one-item list (notes §9 q4). */
export const logisenseSingle = wireRecord({
  instance: z.unknown().optional(),
  items: z.array(z.unknown()).optional(),
}).refine((e) => e.instance !== undefined || e.items !== undefined, 'neither instance nor items');

/** `/Paged`: `{pagination, pagedResults: {totalCount, items}}` (seed 004) or a plain list (notes §9 q5). */
export const logisensePaged = wireRecord({
  pagedResults: logisenseList.optional(),
  totalCount: num,
  items: z.array(z.unknown()).optional(),
}).refine((e) => e.pagedResults !== undefined || e.items !== undefined, 'neither pagedResults nor items');

/** One `results.items` entry of a write: wrapped (notes §3) or the bare object (seed 004 POST sample). */
export const logisenseWriteItem = wireRecord({
  identity: num,
  ...texts('action', 'dtoTypeKey'),
  patchClientId: num,
  instance: z.unknown().optional(),
});
export type LogiSenseWriteItem = z.infer<typeof logisenseWriteItem>;

export const logisenseWriteAnswer = wireRecord({
  type: text,
  results: wireRecord({ items: z.array(logisenseWriteItem) }),
});

/** `{trackingId, type, errors: [{code, message}]}` with every problem (notes §5). */
export const logisenseErrorBody = wireRecord({
  type: text,
  errors: z.array(wireRecord({ code: z.union([z.number(), z.string()]).nullish(), message: text })),
});
export type LogiSenseErrorBody = z.infer<typeof logisenseErrorBody>;
