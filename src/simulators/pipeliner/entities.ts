/**
 * The entity catalogue: every modelled entity with its fields in the order of the official
 * v100 spec's response schema (vendor notes §2–§3). Field kinds say how a field is stored,
 * written and rendered; nothing here knows about HTTP.
 */

export type FieldKind =
  /** string; unset = "" (vendor notes §3: unset text comes back as "") */
  | 'text'
  | 'int'
  | 'number'
  | 'bool'
  /** `YYYY-MM-DD` or null */
  | 'date'
  /** stored as epoch microseconds, rendered `YYYY-MM-DD HH:MM:SS.ffffff+00:00`, or null */
  | 'datetime'
  /** uuid of a to-one relation (`x_id`), null when unset */
  | 'fk'
  /** read-only URL of a to-one relation (`x`), built from `via` or derived */
  | 'link'
  /** read-only array of relation URLs (to-many) */
  | 'many'
  | 'object'
  /** JSON array of plain values */
  | 'list';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  /** Read-only per the spec or by nature (links, derived values): ignored on write. */
  ro?: boolean;
  /** Computed at render time from other rows (records.ts), never stored. */
  derived?: boolean;
  /** For fk/link/many: the plural of the related entity (modelled or not). */
  target?: string;
  /** For link: the fk field holding the id. */
  via?: string;
  /** For many: the fk field in `target` that points back at this row. */
  by?: string;
  /** Stored default for a new row when the field is not given. */
  def?: unknown;
}

export interface EntityDef {
  plural: string;
  /** Singular name, as used in the vendor's messages (`'Note'[id].owner`). */
  name: string;
  fields: FieldDef[];
  byName: Map<string, FieldDef>;
  /** Fields a create must carry (spec `createXInput.required`, plus vendor notes §3). */
  required: string[];
  /** Whether the spec offers batch-modify / batch-delete for this entity. */
  batch: boolean;
  /** Input-only fields accepted on write although not part of the response schema. */
  inputOnly: string[];
}

/** Opportunity label flags the spec lists: 1 Priority, 2 Hot, 4 Stalled (vendor notes §3.3). */
export const LABEL_FLAG = 'label_flag';
export const LABEL_FLAGS = [1, 2, 4] as const;
/**
 * How an opportunity without a flag renders `label_flag`: the spec documents no value for
 * "none", so `null` (unset, like any other unset non-text value) by default; `zero` for the
 * bit-flag reading in which no bit set is 0.
 */
export type UnflaggedLabel = 'null' | 'zero';

const SYSTEM_HEAD: FieldDef[] = [
  { name: 'is_delete_protected', kind: 'bool', ro: true },
  { name: 'id', kind: 'fk', ro: true },
  { name: 'is_deleted', kind: 'bool', ro: true },
  { name: 'modified', kind: 'datetime', ro: true },
];

const text = (name: string): FieldDef => ({ name, kind: 'text', def: '' });
const texts = (...names: string[]): FieldDef[] => names.map(text);
const int = (name: string, def: number | null = 0): FieldDef => ({ name, kind: 'int', def });
const bool = (name: string, def = false): FieldDef => ({ name, kind: 'bool', def });
const fk = (name: string, target: string): FieldDef => ({ name, kind: 'fk', target, def: null });
const link = (name: string, target: string, via?: string): FieldDef => ({
  name,
  kind: 'link',
  target,
  ro: true,
  ...(via ? { via } : { derived: true }),
});
const many = (name: string, target: string, by?: string): FieldDef => ({
  name,
  kind: 'many',
  target,
  ro: true,
  derived: true,
  ...(by ? { by } : {}),
});
const dt = (name: string, ro = false): FieldDef => ({ name, kind: 'datetime', def: null, ro });
const created = (ro: boolean): FieldDef => ({ name: 'created', kind: 'datetime', ro });
const revision: FieldDef = { name: 'revision', kind: 'int', ro: true };
const derivedText = (name: string): FieldDef => ({ name, kind: 'text', ro: true, derived: true });
const emails = ['email1', 'email2', 'email3', 'email4', 'email5'];
const phones = ['phone1', 'phone2', 'phone3', 'phone4', 'phone5'];

function entity(
  plural: string,
  name: string,
  fields: FieldDef[],
  required: string[],
  extra: { batch?: boolean; inputOnly?: string[] } = {},
): EntityDef {
  return {
    plural,
    name,
    fields,
    byName: new Map(fields.map((f) => [f.name, f])),
    required,
    batch: extra.batch ?? true,
    inputOnly: extra.inputOnly ?? [],
  };
}

const contact = entity(
  'Contacts',
  'Contact',
  [
    ...SYSTEM_HEAD,
    created(false),
    link('contact_type', 'ContactTypes', 'contact_type_id'),
    link('owner', 'Clients', 'owner_id'),
    link('picture', 'CloudObjects', 'picture_id'),
    link('unit', 'SalesUnits', 'unit_id'),
    ...texts('address', 'city', 'comments'),
    fk('contact_type_id', 'ContactTypes'),
    text('country'),
    ...texts(...emails),
    text('first_name'),
    int('gender'),
    bool('is_archived'),
    ...texts('last_name', 'middle_name'),
    fk('owner_id', 'Clients'),
    ...texts(...phones),
    fk('picture_id', 'CloudObjects'),
    ...texts('position', 'quick_account_name'),
    int('share_mode'),
    ...texts('state_province', 'title'),
    fk('unit_id', 'SalesUnits'),
    text('zip_code'),
    revision,
    derivedText('formatted_name'),
    link('social_media', 'ContactSocialRelations'),
    link('primary_account', 'Accounts'),
    many('account_relations', 'ContactAccountRelations', 'contact_id'),
    many('sharing_units', 'ContactSharingSalesUnitRelations'),
    many('sharing_clients', 'ContactSharingClientRelations'),
    many('documents', 'CloudObjectRelations'),
    ...texts('exchange_entity_id', 'gapi_entity_id', 'o365_entity_id'),
    bool('is_favorite'),
    many('primary_account_account_roles', 'ContactAccountAccountRoleRelations'),
    derivedText('primary_account_position'),
    // Writable: lands on the primary relation's `position` (vendor notes §3.1).
    { name: 'account_position', kind: 'text', derived: true },
    bool('is_unsubscribed'),
    many('tags', 'TagRelations'),
    text('primary_account_relationship'),
    dt('modified_by_user', true),
  ],
  ['owner_id'],
);

const account = entity(
  'Accounts',
  'Account',
  [
    ...SYSTEM_HEAD,
    created(false),
    link('account_type', 'AccountTypes', 'account_type_id'),
    link('customer_type', 'Data', 'customer_type_id'),
    link('industry', 'Data', 'industry_id'),
    link('owner', 'Clients', 'owner_id'),
    link('parent_account', 'Accounts', 'parent_account_id'),
    link('parent_account_relation_type', 'ParentAccountRelationTypes', 'parent_account_relation_type_id'),
    link('picture', 'CloudObjects', 'picture_id'),
    link('unit', 'SalesUnits', 'unit_id'),
    int('account_class', 1),
    fk('account_type_id', 'AccountTypes'),
    ...texts('address', 'city', 'comments', 'country'),
    fk('customer_type_id', 'Data'),
    ...texts(...emails),
    { ...fk('health_category', 'HealthCategories'), ro: true },
    { ...int('health_status'), ro: true },
    text('home_page'),
    fk('industry_id', 'Data'),
    bool('is_archived'),
    text('name'),
    fk('owner_id', 'Clients'),
    fk('parent_account_id', 'Accounts'),
    fk('parent_account_relation_type_id', 'ParentAccountRelationTypes'),
    ...texts(...phones),
    fk('picture_id', 'CloudObjects'),
    text('quick_parent_account_name'),
    int('share_mode'),
    text('state_province'),
    fk('unit_id', 'SalesUnits'),
    text('zip_code'),
    revision,
    derivedText('formatted_name'),
    link('social_media', 'AccountSocialRelations'),
    many('sharing_units', 'AccountSharingSalesUnitRelations'),
    many('sharing_clients', 'AccountSharingClientRelations'),
    many('documents', 'CloudObjectRelations'),
    bool('is_favorite'),
    bool('is_unsubscribed'),
    many('tags', 'TagRelations'),
    { name: 'health', kind: 'object', ro: true, def: {} },
    dt('modified_by_user', true),
  ],
  ['name', 'owner_id'],
);

const opportunity = entity(
  'Opportunities',
  'Opportunity',
  [
    ...SYSTEM_HEAD,
    created(false),
    link('active_quote', 'Quotes', 'active_quote_id'),
    link('lead_source', 'Data', 'lead_source_id'),
    link('oppty_type', 'OpportunityTypes', 'oppty_type_id'),
    link('owner', 'Clients', 'owner_id'),
    link('product_currency', 'Currencies', 'product_currency_id'),
    link('product_price_list', 'ProductPriceLists', 'product_price_list_id'),
    link('reason_of_close', 'Data', 'reason_of_close_id'),
    link('step', 'Steps', 'step_id'),
    link('unit', 'SalesUnits', 'unit_id'),
    fk('active_quote_id', 'Quotes'),
    { name: 'closing_date', kind: 'date', def: null },
    text('description'),
    bool('is_archived'),
    bool('is_value_auto_calculate'),
    // Spec types it as string with integer enum [1,2,4]; the vendor's own connector sends an
    // int bit flag (vendor notes §3.3), so it is stored and rendered as an int. No flag is
    // documented for "none": unset is null (see `unflaggedLabel`).
    int('label_flag', null),
    fk('lead_source_id', 'Data'),
    text('name'),
    fk('oppty_type_id', 'OpportunityTypes'),
    fk('owner_id', 'Clients'),
    fk('product_currency_id', 'Currencies'),
    fk('product_price_list_id', 'ProductPriceLists'),
    { name: 'product_sections', kind: 'object', def: {} },
    ...texts(
      'quick_account_email',
      'quick_account_name',
      'quick_account_phone',
      'quick_contact_name',
      'quick_email',
      'quick_phone',
    ),
    int('ranking'),
    text('reason_of_close_description'),
    fk('reason_of_close_id', 'Data'),
    int('share_mode'),
    fk('step_id', 'Steps'),
    { name: 'table_name', kind: 'text', ro: true, derived: true },
    fk('unit_id', 'SalesUnits'),
    bool('was_qualified'),
    revision,
    { name: 'value', kind: 'object' },
    link('oppty_recurrence', 'OpptyRecurrences'),
    link('revenue_schedule', 'OpptyRevenueSchedules'),
    many('product_relations', 'OpptyProductRelations'),
    link('primary_contact', 'Contacts'),
    link('primary_account', 'Accounts'),
    many('contact_relations', 'LeadOpptyContactRelations', 'lead_oppty_id'),
    many('account_relations', 'LeadOpptyAccountRelations', 'lead_oppty_id'),
    many('documents', 'CloudObjectRelations'),
    many('quote_relations', 'Quotes'),
    // Read-only: 1 Open, 2 Lost, 3 Won (vendor notes §3.3).
    { name: 'status', kind: 'int', ro: true, def: 1 },
    dt('qualify_date'),
    dt('won_date'),
    dt('lost_date'),
    { name: 'days_in_step', kind: 'int', ro: true, derived: true },
    bool('is_favorite'),
    many('sharing_units', 'LeadOpptySharingSalesUnitRelations'),
    many('sharing_clients', 'LeadOpptySharingClientRelations'),
    many('tags', 'TagRelations'),
    derivedText('formatted_name'),
    dt('modified_by_user', true),
  ],
  ['name', 'owner_id', 'step_id', 'closing_date', 'value'],
);

const pipeline = entity(
  'Pipelines',
  'Pipeline',
  [
    ...SYSTEM_HEAD,
    created(true),
    int('color', null),
    text('name'),
    revision,
    // Spec: an array of batchStepInput objects (embedded), not URLs (vendor notes §3.6).
    { name: 'steps', kind: 'many', target: 'Steps', by: 'pipeline_id', ro: false, derived: true },
    many('opportunity_types', 'OpportunityTypes', 'pipeline_id'),
  ],
  ['name', 'color', 'steps'],
);

const step = entity(
  'Steps',
  'Step',
  [
    ...SYSTEM_HEAD,
    created(true),
    link('lead_process', 'LeadProcesses', 'lead_process_id'),
    link('pipeline', 'Pipelines', 'pipeline_id'),
    link('quote_process', 'QuoteProcesses', 'quote_process_id'),
    text('description'),
    bool('has_readonly_form'),
    bool('has_version_increment'),
    fk('lead_process_id', 'LeadProcesses'),
    text('name'),
    int('percent'),
    { ...fk('pipeline_id', 'Pipelines'), ro: true },
    fk('quote_process_id', 'QuoteProcesses'),
    { name: 'sort_order', kind: 'int', ro: true, def: 0 },
    int('timeframe'),
    revision,
    many('documents', 'CloudObjectStepRelations'),
    many('step_checklists', 'StepChecklists'),
  ],
  ['name'],
);

const currency = entity(
  'Currencies',
  'Currency',
  [
    ...SYSTEM_HEAD,
    created(true),
    text('code'),
    { name: 'is_base', kind: 'bool', ro: true, def: false },
    text('symbol'),
    revision,
    { ...many('currency_exchange_rates', 'CurrencyExchangeRates', 'currency_id'), ro: false },
  ],
  ['code', 'currency_exchange_rates'],
);

const exchangeRate = entity(
  'CurrencyExchangeRates',
  'CurrencyExchangeRate',
  [
    ...SYSTEM_HEAD,
    created(true),
    link('currency_exchange_rate_list', 'CurrencyExchangeRatesLists', 'currency_exchange_rate_list_id'),
    link('currency', 'Currencies', 'currency_id'),
    fk('currency_exchange_rate_list_id', 'CurrencyExchangeRatesLists'),
    fk('currency_id', 'Currencies'),
    { name: 'exchange_rate', kind: 'number', def: null },
    revision,
  ],
  ['currency_exchange_rate_list_id', 'currency_id', 'exchange_rate'],
);

const exchangeRatesList = entity(
  'CurrencyExchangeRatesLists',
  'CurrencyExchangeRatesList',
  [
    ...SYSTEM_HEAD,
    created(true),
    dt('valid_from'),
    revision,
    {
      ...many('currency_exchange_rates', 'CurrencyExchangeRates', 'currency_exchange_rate_list_id'),
      ro: false,
    },
  ],
  ['valid_from', 'currency_exchange_rates'],
);

const client = entity(
  'Clients',
  'Client',
  [
    ...SYSTEM_HEAD,
    created(true),
    link('default_unit', 'SalesUnits', 'default_unit_id'),
    link('master_right', 'MasterRights', 'master_right_id'),
    fk('default_unit_id', 'SalesUnits'),
    text('email'),
    { ...text('first_name'), ro: true },
    dt('last_active', true),
    { ...text('last_name'), ro: true },
    fk('master_right_id', 'MasterRights'),
    { ...text('middle_name'), ro: true },
    { ...text('phone'), ro: true },
    { ...text('picture_url'), ro: true },
    text('position'),
    { ...text('region'), ro: true },
    { ...text('timezone'), ro: true },
    int('type'),
    revision,
    int('default_idp'),
    int('user_profile_id'),
    { ...many('unit_membership', 'SalesUnitClientRelations'), ro: false },
    many('appointment_favorite', 'ClientFavorites'),
    many('task_favorite', 'ClientFavorites'),
    many('account_favorite', 'ClientFavorites'),
    many('contact_favorite', 'ClientFavorites'),
    many('profile_favorite', 'ClientFavorites'),
    many('report_favorite', 'ClientFavorites'),
    many('lead_favorite', 'ClientFavorites'),
    many('opportunity_favorite', 'ClientFavorites'),
    text('timezone_name'),
    text('name'),
    derivedText('formatted_name'),
    { name: 'unit_manager_ids', kind: 'list', def: [] },
    { name: 'unit_member_ids', kind: 'list', def: [] },
    { name: 'user_recalculation_state', kind: 'text', def: 'NoRecalculation' },
  ],
  ['default_unit_id', 'email', 'master_right_id', 'unit_membership'],
);

const salesUnit = entity(
  'SalesUnits',
  'SalesUnit',
  [
    ...SYSTEM_HEAD,
    created(true),
    link('parent', 'SalesUnits', 'parent_id'),
    link('picture', 'CloudObjects', 'picture_id'),
    text('name'),
    fk('parent_id', 'SalesUnits'),
    fk('picture_id', 'CloudObjects'),
    revision,
  ],
  ['name'],
);

const contactAccountRelation = entity(
  'ContactAccountRelations',
  'ContactAccountRelation',
  [
    ...SYSTEM_HEAD,
    created(true),
    link('account', 'Accounts', 'account_id'),
    link('contact', 'Contacts', 'contact_id'),
    fk('account_id', 'Accounts'),
    text('comment'),
    fk('contact_id', 'Contacts'),
    bool('is_assistant'),
    bool('is_primary'),
    bool('is_sibling'),
    text('position'),
    int('relationship'),
    revision,
    many('account_roles', 'ContactAccountAccountRoleRelations'),
  ],
  ['account_id', 'contact_id', 'is_primary'],
);

const leadOpptyAccountRelation = entity(
  'LeadOpptyAccountRelations',
  'LeadOpptyAccountRelation',
  [
    ...SYSTEM_HEAD,
    created(true),
    link('account', 'Accounts', 'account_id'),
    link('lead', 'Leads'),
    link('oppty', 'Opportunities'),
    fk('account_id', 'Accounts'),
    bool('is_primary'),
    fk('lead_oppty_id', 'Opportunities'),
    revision,
  ],
  ['account_id', 'is_primary', 'lead_oppty_id'],
);

const leadOpptyContactRelation = entity(
  'LeadOpptyContactRelations',
  'LeadOpptyContactRelation',
  [
    ...SYSTEM_HEAD,
    created(true),
    link('contact', 'Contacts', 'contact_id'),
    link('lead_oppty_contact_group_relation', 'LeadOpptyContactGroupRelations', 'lead_oppty_contact_group_relation_id'),
    link('lead', 'Leads'),
    link('oppty', 'Opportunities'),
    text('comment'),
    fk('contact_id', 'Contacts'),
    bool('is_primary'),
    fk('lead_oppty_contact_group_relation_id', 'LeadOpptyContactGroupRelations'),
    fk('lead_oppty_id', 'Opportunities'),
    { name: 'position_in_group', kind: 'object', def: {} },
    int('relationship'),
    revision,
    many('sales_roles', 'LeadOpptyContactSalesRoleRelations'),
  ],
  ['contact_id', 'is_primary', 'lead_oppty_id'],
);

const opportunityType = entity(
  'OpportunityTypes',
  'OpportunityType',
  [
    { name: 'id', kind: 'fk', ro: true },
    { name: 'is_deleted', kind: 'bool', ro: true },
    { name: 'modified', kind: 'datetime', ro: true },
    created(true),
    link('pipeline', 'Pipelines', 'pipeline_id'),
    { name: 'form_edit', kind: 'object', def: {} },
    { name: 'form_lost', kind: 'object', def: {} },
    { name: 'form_qualify', kind: 'object', def: {} },
    { name: 'form_won', kind: 'object', def: {} },
    bool('is_readonly'),
    text('name'),
    fk('pipeline_id', 'Pipelines'),
    { name: 'is_published', kind: 'bool', ro: true, def: true },
    revision,
    bool('has_draft'),
    { name: 'is_delete_protected', kind: 'bool', ro: true },
    { name: 'form_edit_api', kind: 'object', ro: true, def: {} },
    bool('can_change_readonly', true),
    { name: 'form_lost_api', kind: 'object', ro: true, def: {} },
    // The spec declares these two with the non-JSON type "list".
    { name: 'form_qualify_api', kind: 'list', ro: true, def: [] },
    { name: 'form_won_api', kind: 'list', ro: true, def: [] },
  ],
  ['is_readonly', 'name', 'pipeline_id'],
);

/** All modelled entities, keyed by the plural used in URLs. */
export const ENTITIES: ReadonlyMap<string, EntityDef> = new Map(
  [
    contact,
    account,
    opportunity,
    pipeline,
    step,
    currency,
    exchangeRate,
    exchangeRatesList,
    client,
    salesUnit,
    contactAccountRelation,
    leadOpptyAccountRelation,
    leadOpptyContactRelation,
    opportunityType,
  ].map((e) => [e.plural, e]),
);

export type EntityPlural =
  | 'Contacts'
  | 'Accounts'
  | 'Opportunities'
  | 'Pipelines'
  | 'Steps'
  | 'Currencies'
  | 'CurrencyExchangeRates'
  | 'CurrencyExchangeRatesLists'
  | 'Clients'
  | 'SalesUnits'
  | 'ContactAccountRelations'
  | 'LeadOpptyAccountRelations'
  | 'LeadOpptyContactRelations'
  | 'OpportunityTypes';

export const ENTITY_PLURALS: readonly EntityPlural[] = [...ENTITIES.keys()] as EntityPlural[];

export function entityDef(plural: string): EntityDef {
  const def = ENTITIES.get(plural);
  if (!def) throw new Error(`unknown entity ${plural}`);
  return def;
}

/** Whether a plural is one the simulator stores (relations to others are URL-only). */
export function isModelled(plural: string | undefined): plural is EntityPlural {
  return plural !== undefined && ENTITIES.has(plural);
}
