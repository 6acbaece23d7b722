/**
 * The wire models the simulator serves, built from the vendor's Help pages and spec as compiled in
 * the vendor notes (§2 Contact fields, §4 Quote and User; field table `contact-crm-model`) — never
 * from the connector's types (STYLE P11). Order = the order of the vendor's JSON samples.
 *
 * `name` is the PascalCase model name the vendor's validation messages use; `wire` is the
 * camelCase JSON name the server emits (Newtonsoft camel-case resolver, vendor notes §1).
 */
export type FieldKind = 'string' | 'integer' | 'decimal' | 'boolean' | 'datetime' | 'enum' | 'object' | 'array';

export interface FieldSpec {
  name: string;
  wire: string;
  kind: FieldKind;
  maxLength?: number;
  range?: readonly [number, number];
  values?: readonly string[];
  required?: boolean;
  /** Ignored on write (vendor notes §2 "Read-only"). */
  readOnly?: boolean;
  /** Child model of an `array` field. */
  items?: ModelSpec;
  /** .NET type named in conversion errors, for enums (`ContactType`). */
  typeName?: string;
}

export interface ModelSpec {
  name: string;
  fields: readonly FieldSpec[];
  /** Lower-cased wire name → spec: request bodies and query names are matched case-insensitively. */
  byLowerName: ReadonlyMap<string, FieldSpec>;
}

function model(name: string, fields: FieldSpec[]): ModelSpec {
  return { name, fields, byLowerName: new Map(fields.map((f) => [f.wire.toLowerCase(), f])) };
}

const s = (name: string, maxLength?: number): FieldSpec => ({
  name,
  wire: camel(name),
  kind: 'string',
  ...(maxLength === undefined ? {} : { maxLength }),
});
const f = (name: string, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, wire: camel(name), kind, ...extra });

/** Newtonsoft's rule: a leading run of capitals is lowered (`SSCCNumber` → `ssccNumber`). */
export function camel(name: string): string {
  const run = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (run.length <= 1 || run.length === name.length) return name.charAt(0).toLowerCase() + name.slice(1);
  return run.slice(0, -1).toLowerCase() + name.slice(run.length - 1);
}

/** Contact types: the Help page lists Customer and Supplier; the spec enum adds Internal (vendor notes §2). */
export const CONTACT_TYPES = ['Customer', 'Supplier', 'Internal'] as const;

/** SubContact (the Help page's name): company 150, the rest 50 (vendor notes §2 `secondaryContacts[]`). */
export const SECONDARY_CONTACT = model('SubContact', [
  f('Id', 'integer'),
  s('Company', 150),
  s('FirstName', 50),
  s('LastName', 50),
  s('JobTitle', 50),
  s('Email', 50),
  s('Mobile', 50),
  s('Phone', 50),
]);

export const CONTACT = model('Contact', [
  f('Id', 'integer', { readOnly: true }),
  f('CreatedDate', 'datetime', { readOnly: true }),
  f('ModifiedDate', 'datetime', { readOnly: true }),
  f('IsActive', 'boolean'),
  s('Company', 250),
  s('FirstName', 250),
  s('LastName', 250),
  s('JobTitle', 250),
  s('Email'),
  s('Website', 50),
  s('Phone', 50),
  s('Fax', 50),
  s('Mobile', 50),
  s('Address1', 50),
  s('Address2', 50),
  s('City', 50),
  s('State', 50),
  s('PostCode', 50),
  s('Country', 50),
  s('PostalAddress1', 50),
  s('PostalAddress2', 50),
  s('PostalCity', 50),
  s('PostalPostCode', 50),
  s('PostalState', 50),
  s('PostalCountry', 50),
  s('Notes', 250),
  s('IntegrationRef'),
  f('CustomFields', 'object'),
  f('SecondaryContacts', 'array', { items: SECONDARY_CONTACT }),
  f('Type', 'enum', { values: CONTACT_TYPES, required: true, typeName: 'ContactType' }),
  f('SalesPersonId', 'integer'),
  s('AccountNumber', 10),
  f('BillingId', 'integer'),
  s('BillingCompany', 50),
  s('AccountsFirstName', 50),
  s('AccountsLastName', 50),
  s('BillingEmail', 50),
  s('AccountsPhone', 50),
  s('BillingCostCenter'),
  s('CostCenter'),
  s('PriceColumn'),
  f('PercentageOff', 'decimal', { range: [0, 100] }),
  s('PaymentTerms'),
  s('TaxStatus'),
  s('TaxNumber'),
  f('CreditLimit', 'decimal'),
  f('BalanceOwing', 'decimal', { readOnly: true }),
  f('OnHold', 'boolean'),
  s('Group'),
  s('SubGroup'),
  s('Stages'),
  f('AccountingIntegrationId', 'object', { readOnly: true }),
]);

/** `GET /v1/Users` is read-only (vendor notes §4). */
export const USER = model('User', [
  f('Id', 'integer'),
  f('IsActive', 'boolean'),
  s('FirstName'),
  s('LastName'),
  s('JobTitle'),
  s('Email'),
]);

/** Quote line item (spec QuoteLineItem as relayed by the vendor notes' sources). */
export const QUOTE_LINE = model('QuoteLineItem', [
  f('Id', 'integer'),
  f('CreatedDate', 'datetime', { readOnly: true }),
  f('TransactionId', 'integer', { readOnly: true }),
  f('ParentId', 'integer', { readOnly: true }),
  f('ProductId', 'integer', { readOnly: true }),
  f('ProductOptionId', 'integer'),
  s('IntegrationRef'),
  f('Sort', 'integer'),
  s('Code'),
  s('Name'),
  s('Option1'),
  s('Option2'),
  s('Option3'),
  f('Qty', 'decimal'),
  s('StyleCode'),
  s('Barcode'),
  f('SizeCodes', 'string', { readOnly: true }),
  s('LineComments'),
  f('UnitCost', 'decimal'),
  f('UnitPrice', 'decimal'),
  f('Discount', 'decimal'),
  f('QtyShipped', 'decimal', { readOnly: true }),
  f('HoldingQty', 'decimal', { readOnly: true }),
]);

/**
 * Quote: the transaction header (vendor notes §4; Quote model). `status` is derived from
 * `isApproved` and the write-only `isVoid`; `currencySymbol` from `currencyCode`; totals from the
 * lines; `salesPersonEmail` is obsolete and always null.
 */
export const QUOTE = model('Quote', [
  f('Id', 'integer', { readOnly: true }),
  f('CreatedDate', 'datetime', { readOnly: true }),
  f('ModifiedDate', 'datetime', { readOnly: true }),
  f('CreatedBy', 'integer'),
  f('ProcessedBy', 'integer'),
  f('IsApproved', 'boolean'),
  s('Reference', 30),
  f('MemberId', 'integer'),
  s('FirstName', 250),
  s('LastName', 250),
  s('Company', 250),
  s('Email', 250),
  s('Phone', 50),
  s('Mobile', 50),
  s('Fax', 50),
  s('DeliveryFirstName', 250),
  s('DeliveryLastName', 250),
  s('DeliveryCompany', 250),
  s('DeliveryAddress1', 250),
  s('DeliveryAddress2', 250),
  s('DeliveryCity', 250),
  s('DeliveryState', 250),
  s('DeliveryPostalCode', 250),
  s('DeliveryCountry', 250),
  s('BillingFirstName', 250),
  s('BillingLastName', 250),
  s('BillingCompany', 250),
  s('BillingAddress1', 250),
  s('BillingAddress2', 250),
  s('BillingCity', 250),
  s('BillingPostalCode', 250),
  s('BillingState', 250),
  s('BillingCountry', 250),
  f('BranchId', 'integer'),
  s('BranchEmail', 250),
  s('ProjectName'),
  s('TrackingCode', 50),
  s('InternalComments'),
  f('ProductTotal', 'decimal', { readOnly: true }),
  f('FreightTotal', 'decimal'),
  s('FreightDescription'),
  f('Surcharge', 'decimal'),
  s('SurchargeDescription'),
  f('DiscountTotal', 'decimal'),
  s('DiscountDescription'),
  f('Total', 'decimal', { readOnly: true }),
  s('CurrencyCode'),
  f('CurrencyRate', 'decimal'),
  f('CurrencySymbol', 'string', { readOnly: true }),
  s('TaxStatus'),
  f('TaxRate', 'decimal'),
  f('Source', 'string', { readOnly: true }),
  f('CustomFields', 'object'),
  f('Probability', 'decimal'),
  f('ExpectedOrderDate', 'datetime'),
  f('AcceptanceDate', 'datetime'),
  f('LineItems', 'array', { items: QUOTE_LINE }),
  f('Status', 'string', { readOnly: true }),
  s('Stage'),
  s('MemberEmail', 250),
  s('MemberCostCenter'),
  s('MemberAlternativeTaxRate'),
  s('CostCenter'),
  s('AlternativeTaxRate'),
  f('EstimatedDeliveryDate', 'datetime'),
  f('SalesPersonId', 'integer'),
  f('SalesPersonEmail', 'string', { readOnly: true }),
  s('PaymentTerms'),
  s('CustomerOrderNo'),
  s('VoucherCode', 30),
  s('DeliveryInstructions', 2000),
  f('CancellationDate', 'datetime', { readOnly: true }),
  f('ModifiedCOGSDate', 'datetime', { readOnly: true }),
]);

/** Write-only inputs that are not part of the emitted model: `isVoid` voids a quote (vendor notes §4 status). */
export const QUOTE_WRITE_ONLY = model('QuoteInput', [f('IsVoid', 'boolean')]);
