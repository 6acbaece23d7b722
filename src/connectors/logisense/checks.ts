import type { CreateAccountCommand, CreateContactCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';
import type { NewPoint } from './bodies';
import type { LogiSenseSourceConfig } from './config';
import { unsupported } from './errors';
import type { LogiSenseContactPointType, LogiSenseContactType } from './wire';

/*
 * LogiSense's own rules for creates (vendor notes §2), checked before anything is sent. Fields
 * v6 has no place for are refused as UNSUPPORTED, never dropped. Pure: the reads they need are
 * made by the drafts, once for all commands.
 */

export const lower = (s: string | null | undefined): string => (s ?? '').trim().toLowerCase();

/** Account fields a v6 Account has no place for (notes §2.1). */
export function checkAccount(cmd: CreateAccountCommand, problems: Problems): void {
  const noPlace = (field: string, why: string) => problems.add([field], why, 'UNSUPPORTED');
  if (cmd.emails.length > 0)
    noPlace('emails', 'LogiSense v6 accounts have no e-mail of their own; give it to a contact of the account');
  if (cmd.phones.length > 0)
    noPlace('phones', 'LogiSense v6 accounts have no phone of their own; give it to a contact of the account');
  if (cmd.website !== undefined) noPlace('website', 'LogiSense v6 accounts have no website field');
  if (cmd.address && Object.values(cmd.address).some((v) => v !== undefined)) {
    noPlace('address', 'LogiSense keeps addresses on contacts, not on accounts');
  }
  if (cmd.ownerId !== undefined) noPlace('ownerId', 'LogiSense has no users that own records');
}

/** Contact fields a v6 Contact has no place for (seed 004), and the account it must belong to. */
export function checkContactFields(cmd: CreateContactCommand, problems: Problems): void {
  if (!cmd.accountId) {
    problems.add(['accountId'], 'a LogiSense contact belongs to an account (seed 004); pass accountId', 'REQUIRED');
  }
  const noPlace = (field: string, why: string) => problems.add([field], why, 'UNSUPPORTED');
  if (cmd.middleName !== undefined) noPlace('middleName', 'LogiSense v6 contacts have no middle name');
  if (cmd.jobTitle !== undefined)
    noPlace('jobTitle', 'LogiSense v6 contacts have no job title (title is the salutation)');
  if (cmd.ownerId !== undefined) noPlace('ownerId', 'LogiSense has no users that own records');
}

/**
 * The contact type of contacts created here: the configured one, else the first reusable one
 * (back-end "Other", notes §2.2). None is a configuration fault of the source, not an input's.
 */
export function contactTypeOf(
  config: LogiSenseSourceConfig,
  types: readonly LogiSenseContactType[],
): LogiSenseContactType {
  const wanted = config.options.contactType;
  const sorted = [...types].sort((a, b) => a.identity - b.identity);
  const type =
    wanted === undefined
      ? sorted.find((t) => lower(t.contactTypeTypeName) === 'other')
      : sorted.find((t) => (typeof wanted === 'number' ? t.identity === wanted : lower(t.name) === lower(wanted)));
  if (!type) {
    const which =
      wanted === undefined ? 'of back-end type "Other" (set options.contactType)' : `"${wanted}" (options.contactType)`;
    throw unsupported(config.id, `cannot create contacts: it has no contact type ${which}`);
  }
  return type;
}

/**
 * The contact points of a contact of `type`, in the point types configured for that type
 * (notes §2.2): one per e-mail, then one per phone. Checks a point type exists for each kind
 * given, single-value types get one value, and required types are given.
 */
export function contactPointsOf(
  cmd: CreateContactCommand,
  type: LogiSenseContactType,
  pointTypes: readonly LogiSenseContactPointType[],
  problems: Problems,
): NewPoint[] {
  const ofType = pointTypes.filter((t) => t.contactTypeId === type.identity);
  const points = [
    ...pointsOfKind(cmd.emails, 'emails', 'email', ofType, type, problems),
    ...pointsOfKind(cmd.phones, 'phones', 'phone', ofType, type, problems),
  ];
  for (const t of ofType.filter((p) => p.isRequired)) {
    const field = lower(t.name) === 'email' ? 'emails' : lower(t.name) === 'phone' ? 'phones' : null;
    if (field && cmd[field].length > 0) continue;
    problems.add(
      field ? [field] : null,
      `a ${type.name} contact needs a '${t.name}' contact point (notes §2.2)`,
      'REQUIRED',
    );
  }
  return points;
}

/** Billing and Service contact types are once per account (notes §2.2): the types sharing `type`'s back-end type, or none. */
export function oncePerAccount(
  type: LogiSenseContactType,
  types: readonly LogiSenseContactType[],
): ReadonlySet<number> {
  const backEnd = lower(type.contactTypeTypeName);
  if (backEnd !== 'billing' && backEnd !== 'service') return new Set();
  return new Set(types.filter((t) => lower(t.contactTypeTypeName) === backEnd).map((t) => t.identity));
}

function pointsOfKind(
  values: readonly string[],
  field: 'emails' | 'phones',
  kind: 'email' | 'phone',
  ofType: readonly LogiSenseContactPointType[],
  type: LogiSenseContactType,
  problems: Problems,
): NewPoint[] {
  if (values.length === 0) return [];
  const pointType = ofType.find((t) => lower(t.name) === kind);
  if (!pointType) {
    problems.add([field], `contact type "${type.name}" has no '${kind}' contact point type`, 'UNSUPPORTED');
    return [];
  }
  if (pointType.allowMultiple === false && values.length > 1) {
    problems.add([field, '1'], `contact type "${type.name}" takes one '${kind}' contact point`, 'INVALID');
  }
  return values.map((value, i) => ({ contactPointTypeId: pointType.identity, value, field: [field, String(i)] }));
}
