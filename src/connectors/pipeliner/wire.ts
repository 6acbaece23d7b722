import { z } from 'zod';
import { wireRecord } from '../kit/wireRecord';
import { numberedTexts, optionalFlag, optionalNumber, text, texts } from '../kit/wireFields';

/*
 * Pipeliner REST v100 wire shapes, as far as crmgraph reads them (vendor notes §3–§5; official
 * OpenAPI `components.schemas`). Wire records (checked, not copied): the vendor sends many more fields, kept in
 * `remoteData`. Relations arrive as URL strings, or as objects when expanded.
 */

const id = z.string();

/**
 * Every record's `created` and `modified` instants, and its `revision` (int): the space's
 * revision counter at the record's last write (vendor notes §3), what `version` carries.
 */
const stamps = { ...texts('created', 'modified'), revision: optionalNumber };

/** Pipeliner keeps five e-mail and five phone slots per record (`email1`…`email5`). */
export const SLOTS = 5;
const slots = { ...numberedTexts('email', SLOTS), ...numberedTexts('phone', SLOTS) };

/** A to-one relation: a URL string by default, the record when expanded, null when unset. */
export const relation = <T extends z.ZodType>(expanded: T) => z.union([z.string(), expanded]).nullish();

export const pipelinerClient = wireRecord({
  id,
  ...texts('name', 'formatted_name', 'first_name', 'last_name', 'email', 'default_unit_id'),
  type: optionalNumber,
  is_deleted: optionalFlag,
  ...stamps,
});
export type PipelinerClient = z.infer<typeof pipelinerClient>;

export const pipelinerAccount = wireRecord({
  id,
  name: z.string(),
  owner_id: text,
  owner: relation(pipelinerClient),
  ...slots,
  ...texts('home_page', 'address', 'city', 'state_province', 'zip_code', 'country'),
  ...stamps,
});
export type PipelinerAccount = z.infer<typeof pipelinerAccount>;

export const pipelinerContactAccountRelation = wireRecord({
  id,
  account_id: z.string(),
  contact_id: text,
  is_primary: z.boolean(),
  position: text,
  account: relation(pipelinerAccount),
});

export const pipelinerContact = wireRecord({
  id,
  owner_id: text,
  owner: relation(pipelinerClient),
  ...texts('title', 'first_name', 'middle_name', 'last_name', 'formatted_name'),
  ...texts('position', 'account_position', 'primary_account_position'),
  ...slots,
  primary_account: relation(pipelinerAccount),
  account_relations: z.array(z.union([z.string(), pipelinerContactAccountRelation])).nullish(),
  ...stamps,
});
export type PipelinerContact = z.infer<typeof pipelinerContact>;

export const pipelinerStep = wireRecord({
  id,
  name: z.string(),
  percent: optionalNumber,
  sort_order: z.number(),
  pipeline_id: text,
});
export type PipelinerStep = z.infer<typeof pipelinerStep>;

export const pipelinerPipeline = wireRecord({
  id,
  name: z.string(),
  steps: z.array(z.union([z.string(), pipelinerStep])).nullish(),
  ...stamps,
});
export type PipelinerPipeline = z.infer<typeof pipelinerPipeline>;

export const pipelinerValue = wireRecord({
  base_value: optionalNumber,
  currency_id: text,
  value_foreign: optionalNumber,
});

export const pipelinerLeadOpptyContactRelation = wireRecord({
  id,
  contact_id: z.string(),
  is_primary: z.boolean(),
  contact: relation(pipelinerContact),
});

export const pipelinerLeadOpptyAccountRelation = wireRecord({
  id,
  account_id: z.string(),
  is_primary: z.boolean(),
});

export const pipelinerOpportunity = wireRecord({
  id,
  name: z.string(),
  owner_id: text,
  owner: relation(pipelinerClient),
  step_id: text,
  step: relation(pipelinerStep),
  closing_date: text,
  status: optionalNumber,
  value: pipelinerValue.nullish(),
  primary_account: relation(pipelinerAccount),
  primary_contact: relation(pipelinerContact),
  account_relations: z.array(z.union([z.string(), pipelinerLeadOpptyAccountRelation])).nullish(),
  contact_relations: z.array(z.union([z.string(), pipelinerLeadOpptyContactRelation])).nullish(),
  description: text,
  ...stamps,
});
export type PipelinerOpportunity = z.infer<typeof pipelinerOpportunity>;

export const pipelinerCurrency = wireRecord({
  id,
  code: z.string(),
  symbol: text,
  is_base: optionalFlag,
  ...stamps,
});
export type PipelinerCurrency = z.infer<typeof pipelinerCurrency>;

export const pipelinerExchangeRate = wireRecord({
  id,
  currency_id: z.string(),
  exchange_rate: z.number(),
});

export const pipelinerExchangeRateList = wireRecord({
  id,
  valid_from: z.string(),
  currency_exchange_rates: z.array(z.union([z.string(), pipelinerExchangeRate])).nullish(),
});

/** Rows of the relation lists used to list by account. */
export const pipelinerAccountContactRow = wireRecord({ id, contact: relation(pipelinerContact) });
export const pipelinerAccountOpptyRow = wireRecord({ id, oppty: relation(pipelinerOpportunity) });

export const pipelinerPageInfo = wireRecord({
  start_cursor: text,
  end_cursor: text,
  has_previous_page: optionalFlag,
  has_next_page: optionalFlag,
});

export const pipelinerListEnvelope = wireRecord({
  success: z.literal(true),
  data: z.array(z.unknown()),
  total: optionalNumber,
  page_info: pipelinerPageInfo.nullish(),
});

export const pipelinerItemEnvelope = wireRecord({ success: z.literal(true), data: z.unknown() });

/** The vendor's error body (`components.schemas.Error`), with validation detail on 422. */
export const pipelinerError = wireRecord({
  success: z.literal(false).optional(),
  code: optionalNumber,
  name: text,
  message: text,
  http_status: optionalNumber,
  field_errors: z
    .array(
      wireRecord({
        field_name: text,
        name: text,
        code: optionalNumber,
        message: text,
        errors: z
          .array(wireRecord({ code: optionalNumber, name: text, message: text }))
          .nullish(),
      }),
    )
    .nullish(),
});
export type PipelinerError = z.infer<typeof pipelinerError>;
