import type { CreateAccountCommand, CreateContactCommand, CreateOpportunityCommand } from '../../core/connector';
import type { CurrencyRecord, StageRecord } from '../../core/records';
import type { FieldMap } from '../kit/fieldMap';
import { SLOTS } from './wire';
import { withoutEmpty } from '../kit/body';

/*
 * What a create sends (vendor notes §3, seeds "Create Contact" and "Create Opportunity"):
 * pure builders of the `create…Input` bodies from a checked command and the references the
 * checks resolved, and the maps back from the vendor's field names to the input's.
 */

export function accountBody(cmd: CreateAccountCommand, ownerId: string): Record<string, unknown> {
  const a = cmd.address;
  return withoutEmpty({
    name: cmd.name.trim(),
    owner_id: ownerId,
    ...slotFields('email', cmd.emails),
    ...slotFields('phone', cmd.phones),
    home_page: cmd.website,
    address: a?.street,
    city: a?.city,
    state_province: a?.state,
    zip_code: a?.postalCode,
    country: a?.country,
  });
}

/**
 * A contact linked to its account through one primary `account_relations` item, the job
 * title as `account_position`; unlinked, the job title goes to `position` (seed "Create
 * Contact": Quick Account Position). The unit follows from the owner on Pipeliner's side.
 */
export function contactBody(cmd: CreateContactCommand, ownerId: string): Record<string, unknown> {
  return withoutEmpty({
    owner_id: ownerId,
    first_name: cmd.firstName?.trim(),
    middle_name: cmd.middleName?.trim(),
    last_name: cmd.lastName?.trim(),
    title: cmd.title,
    ...slotFields('email', cmd.emails),
    ...slotFields('phone', cmd.phones),
    ...(cmd.accountId
      ? { account_relations: [{ account_id: cmd.accountId, is_primary: true }], account_position: cmd.jobTitle }
      : { position: cmd.jobTitle }),
  });
}

/**
 * An opportunity in `stage`, with one primary account and exactly one primary contact among
 * its contacts (seed "Create Opportunity"). `value` carries all three fields the spec
 * requires, the base value computed with the exchange rate in force (rates multiply from base).
 */
export function opportunityBody(
  cmd: CreateOpportunityCommand,
  refs: { ownerId: string; stage: StageRecord; currency: CurrencyRecord; primaryContact: string | undefined },
): Record<string, unknown> {
  const amount = Number(cmd.value.amount);
  const rate = refs.currency.isBase ? 1 : (refs.currency.exchangeRate as number);
  return withoutEmpty({
    name: cmd.name.trim(),
    owner_id: refs.ownerId,
    step_id: refs.stage.remoteId,
    closing_date: cmd.closingDate,
    value: { base_value: round2(amount / rate), currency_id: refs.currency.remoteId, value_foreign: amount },
    description: cmd.description,
    account_relations: cmd.accountId ? [{ account_id: cmd.accountId, is_primary: true }] : undefined,
    contact_relations:
      cmd.contactIds.length > 0
        ? cmd.contactIds.map((id) => ({ contact_id: id, is_primary: id === refs.primaryContact }))
        : undefined,
  });
}

function slotFields(prefix: 'email' | 'phone', values: string[]): Record<string, string> {
  return Object.fromEntries(values.slice(0, SLOTS).map((v, i) => [`${prefix}${i + 1}`, v]));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function slotMap(prefix: 'email' | 'phone', field: string): FieldMap {
  return Object.fromEntries(Array.from({ length: SLOTS }, (_, i) => [`${prefix}${i + 1}`, [field, String(i)]]));
}

/** Pipeliner api_name → unified input field, for mapping a 422's `field_errors`. */
export const ACCOUNT_FIELDS: FieldMap = {
  name: ['name'],
  owner_id: ['ownerId'],
  home_page: ['website'],
  address: ['address', 'street'],
  city: ['address', 'city'],
  state_province: ['address', 'state'],
  zip_code: ['address', 'postalCode'],
  country: ['address', 'country'],
  ...slotMap('email', 'emails'),
  ...slotMap('phone', 'phones'),
};

export const CONTACT_FIELDS: FieldMap = {
  owner_id: ['ownerId'],
  first_name: ['firstName'],
  middle_name: ['middleName'],
  last_name: ['lastName'],
  title: ['title'],
  position: ['jobTitle'],
  account_position: ['jobTitle'],
  account_relations: ['accountId'],
  ...slotMap('email', 'emails'),
  ...slotMap('phone', 'phones'),
};

export const OPPORTUNITY_FIELDS: FieldMap = {
  name: ['name'],
  owner_id: ['ownerId'],
  step_id: ['stageId'],
  closing_date: ['closingDate'],
  value: ['value', 'amount'],
  description: ['description'],
  account_relations: ['accountId'],
  contact_relations: ['primaryContactId'],
};
