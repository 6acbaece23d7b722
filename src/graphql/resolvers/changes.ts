import type { AddressChanges, UpdateAccountCommand, UpdateContactCommand, UpdateOpportunityCommand } from '../../core/connector';
import type { IdKind } from '../../core/globalId';
import type { UpdateAccountInput, UpdateContactInput, UpdateOpportunityInput } from '../__generated__/resolvers-types';
import type { InputReader } from './inputs';

/**
 * GraphQL update inputs → the `changes` of an update command, with the create path's checks
 * (id form and source, e-mail form, non-negative amounts, percent range, names that cannot be
 * blank). GraphQL keeps an omitted field apart from an explicit `null`, and so does this: an
 * absent key is unchanged, `null` clears (a list `null` empties it), a value sets it.
 */

type Maybe<T> = T | null | undefined;

/** The input fields that are not changes. */
export const NOT_CHANGES: ReadonlySet<string> = new Set(['id', 'expectedVersion', 'idempotencyKey', 'dryRun']);

/** The change fields an input names (present, `null` included), in the input's order. */
export function changedFields(input: object): string[] {
  return Object.entries(input)
    .filter(([k, v]) => v !== undefined && !NOT_CHANGES.has(k))
    .map(([k]) => k);
}

function ref(r: InputReader, id: Maybe<string>, kind: IdKind, field: string): string | null | undefined {
  return id === null ? null : r.ref(id, kind, [field]);
}

function list<T>(value: Maybe<readonly T[]>, read: (l: readonly T[]) => string[]): string[] | null | undefined {
  return value === undefined ? undefined : value === null ? null : read(value);
}

/** A name every vendor needs: it can change, never be blank or cleared. */
function name(r: InputReader, value: Maybe<string>): string | undefined {
  if (value === null) {
    r.fail(['name'], 'name cannot be cleared', 'REQUIRED');
    return undefined;
  }
  if (value !== undefined) r.notBlank(value, ['name']);
  return value;
}

/** Drops undefined keys so unchanged fields stay absent; `null` stays (it clears). */
function defined<T extends object>(o: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function readContactChanges(input: UpdateContactInput, r: InputReader): UpdateContactCommand['changes'] {
  return defined<UpdateContactCommand['changes']>({
    firstName: input.firstName,
    middleName: input.middleName,
    lastName: input.lastName,
    title: input.title,
    jobTitle: input.jobTitle,
    emails: list(input.emails, (l) => r.emails(l, ['emails'])),
    phones: list(input.phones, (l) => r.phones(l, ['phones'])),
    accountId: ref(r, input.accountId, 'Account', 'accountId'),
    ownerId: ref(r, input.ownerId, 'User', 'ownerId'),
  });
}

export function readAccountChanges(input: UpdateAccountInput, r: InputReader): UpdateAccountCommand['changes'] {
  const a = input.address;
  return defined<UpdateAccountCommand['changes']>({
    name: name(r, input.name),
    emails: list(input.emails, (l) => r.emails(l, ['emails'])),
    phones: list(input.phones, (l) => r.phones(l, ['phones'])),
    website: input.website,
    address:
      a == null
        ? a
        : defined<AddressChanges>({ street: a.street, city: a.city, state: a.state, postalCode: a.postalCode, country: a.country }),
    ownerId: ref(r, input.ownerId, 'User', 'ownerId'),
  });
}

export function readOpportunityChanges(input: UpdateOpportunityInput, r: InputReader): UpdateOpportunityCommand['changes'] {
  const contactIds = list(input.contactIds, (l) =>
    l.map((id, i) => r.ref(id, 'Contact', ['contactIds', String(i)])).filter((id): id is string => id !== undefined),
  );
  const primaryContactId = ref(r, input.primaryContactId, 'Contact', 'primaryContactId');
  // As on create: the primary contact is one of the contacts, first when it had to be added.
  if (primaryContactId && contactIds && !contactIds.includes(primaryContactId)) contactIds.unshift(primaryContactId);
  if (input.probability != null && (input.probability < 0 || input.probability > 100)) {
    r.fail(['probability'], `probability must be between 0 and 100, got ${input.probability}`, 'INVALID');
  }
  const v = input.value;
  if (v?.amount?.startsWith('-')) r.fail(['value', 'amount'], `amount cannot be negative, got ${v.amount}`, 'INVALID');
  if (v?.amount === null) r.fail(['value', 'amount'], 'amount cannot be cleared', 'REQUIRED');
  const code = v?.currencyCode == null ? v?.currencyCode : v.currencyCode.trim().toUpperCase();
  if (code === null) r.fail(['value', 'currencyCode'], 'currencyCode cannot be cleared', 'REQUIRED');
  if (typeof code === 'string' && !/^[A-Z]{3}$/.test(code)) {
    r.fail(['value', 'currencyCode'], `"${v?.currencyCode}" is not an ISO 4217 currency code`, 'INVALID');
  }
  return defined<UpdateOpportunityCommand['changes']>({
    name: name(r, input.name),
    accountId: ref(r, input.accountId, 'Account', 'accountId'),
    contactIds: contactIds === null || contactIds === undefined ? contactIds : [...new Set(contactIds)],
    primaryContactId,
    pipelineId: ref(r, input.pipelineId, 'Pipeline', 'pipelineId'),
    stageId: ref(r, input.stageId, 'Stage', 'stageId'),
    closingDate: input.closingDate,
    value: v == null ? v : defined<{ amount?: string; currencyCode?: string }>({ amount: v.amount ?? undefined, currencyCode: code ?? undefined }),
    probability: input.probability,
    ownerId: ref(r, input.ownerId, 'User', 'ownerId'),
    description: input.description,
  });
}
