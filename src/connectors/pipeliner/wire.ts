import { z } from 'zod';

/*
 * Pipeliner REST v100 wire shapes, as far as crmgraph reads them (vendor notes §3–§5; official
 * OpenAPI `components.schemas`). Loose objects: the vendor sends many more fields, kept in
 * `remoteData`. Relations arrive as URL strings, or as objects when expanded.
 */

const text = z.string().nullish();
const id = z.string();

/** A to-one relation: a URL string by default, the record when expanded, null when unset. */
export const relation = <T extends z.ZodType>(expanded: T) => z.union([z.string(), expanded]).nullish();

export const pipelinerClient = z.looseObject({
  id,
  name: text,
  formatted_name: text,
  first_name: text,
  last_name: text,
  email: text,
  default_unit_id: text,
  type: z.number().nullish(),
  is_deleted: z.boolean().nullish(),
  created: text,
  modified: text,
});
export type PipelinerClient = z.infer<typeof pipelinerClient>;

export const pipelinerAccount = z.looseObject({
  id,
  name: z.string(),
  owner_id: text,
  owner: relation(pipelinerClient),
  email1: text,
  email2: text,
  email3: text,
  email4: text,
  email5: text,
  phone1: text,
  phone2: text,
  phone3: text,
  phone4: text,
  phone5: text,
  home_page: text,
  address: text,
  city: text,
  state_province: text,
  zip_code: text,
  country: text,
  created: text,
  modified: text,
});
export type PipelinerAccount = z.infer<typeof pipelinerAccount>;

export const pipelinerContactAccountRelation = z.looseObject({
  id,
  account_id: z.string(),
  contact_id: text,
  is_primary: z.boolean(),
  position: text,
  account: relation(pipelinerAccount),
});

export const pipelinerContact = z.looseObject({
  id,
  owner_id: text,
  owner: relation(pipelinerClient),
  title: text,
  first_name: text,
  middle_name: text,
  last_name: text,
  formatted_name: text,
  position: text,
  account_position: text,
  primary_account_position: text,
  email1: text,
  email2: text,
  email3: text,
  email4: text,
  email5: text,
  phone1: text,
  phone2: text,
  phone3: text,
  phone4: text,
  phone5: text,
  primary_account: relation(pipelinerAccount),
  account_relations: z.array(z.union([z.string(), pipelinerContactAccountRelation])).nullish(),
  created: text,
  modified: text,
});
export type PipelinerContact = z.infer<typeof pipelinerContact>;

export const pipelinerStep = z.looseObject({
  id,
  name: z.string(),
  percent: z.number().nullish(),
  sort_order: z.number(),
  pipeline_id: text,
});
export type PipelinerStep = z.infer<typeof pipelinerStep>;

export const pipelinerPipeline = z.looseObject({
  id,
  name: z.string(),
  steps: z.array(z.union([z.string(), pipelinerStep])).nullish(),
  created: text,
  modified: text,
});
export type PipelinerPipeline = z.infer<typeof pipelinerPipeline>;

export const pipelinerValue = z.looseObject({
  base_value: z.number().nullish(),
  currency_id: text,
  value_foreign: z.number().nullish(),
});

export const pipelinerLeadOpptyContactRelation = z.looseObject({
  id,
  contact_id: z.string(),
  is_primary: z.boolean(),
  contact: relation(pipelinerContact),
});

export const pipelinerOpportunity = z.looseObject({
  id,
  name: z.string(),
  owner_id: text,
  owner: relation(pipelinerClient),
  step_id: text,
  step: relation(pipelinerStep),
  closing_date: text,
  status: z.number().nullish(),
  value: pipelinerValue.nullish(),
  primary_account: relation(pipelinerAccount),
  primary_contact: relation(pipelinerContact),
  contact_relations: z.array(z.union([z.string(), pipelinerLeadOpptyContactRelation])).nullish(),
  description: text,
  created: text,
  modified: text,
});
export type PipelinerOpportunity = z.infer<typeof pipelinerOpportunity>;

export const pipelinerCurrency = z.looseObject({
  id,
  code: z.string(),
  symbol: text,
  is_base: z.boolean().nullish(),
  created: text,
  modified: text,
});
export type PipelinerCurrency = z.infer<typeof pipelinerCurrency>;

export const pipelinerExchangeRate = z.looseObject({
  id,
  currency_id: z.string(),
  exchange_rate: z.number(),
});

export const pipelinerExchangeRateList = z.looseObject({
  id,
  valid_from: z.string(),
  currency_exchange_rates: z.array(z.union([z.string(), pipelinerExchangeRate])).nullish(),
});

/** Rows of the relation lists used to list by account. */
export const pipelinerAccountContactRow = z.looseObject({ id, contact: relation(pipelinerContact) });
export const pipelinerAccountOpptyRow = z.looseObject({ id, oppty: relation(pipelinerOpportunity) });

export const pipelinerPageInfo = z.looseObject({
  start_cursor: z.string().nullish(),
  end_cursor: z.string().nullish(),
  has_previous_page: z.boolean().nullish(),
  has_next_page: z.boolean().nullish(),
});

export const pipelinerListEnvelope = z.looseObject({
  success: z.literal(true),
  data: z.array(z.unknown()),
  total: z.number().nullish(),
  page_info: pipelinerPageInfo.nullish(),
});

export const pipelinerItemEnvelope = z.looseObject({ success: z.literal(true), data: z.unknown() });

/** The vendor's error body (`components.schemas.Error`), with validation detail on 422. */
export const pipelinerError = z.looseObject({
  success: z.literal(false).optional(),
  code: z.number().nullish(),
  name: z.string().nullish(),
  message: z.string().nullish(),
  http_status: z.number().nullish(),
  field_errors: z
    .array(
      z.looseObject({
        field_name: z.string().nullish(),
        name: z.string().nullish(),
        code: z.number().nullish(),
        message: z.string().nullish(),
        errors: z
          .array(z.looseObject({ code: z.number().nullish(), name: z.string().nullish(), message: z.string().nullish() }))
          .nullish(),
      }),
    )
    .nullish(),
});
export type PipelinerError = z.infer<typeof pipelinerError>;
