import type {
  CreateAccountCommand,
  CreateContactCommand,
  CreateOpportunityCommand,
} from '../../core/connector';
import type { UserError } from '../../core/errors';
import { decodeId, type IdKind } from '../../core/globalId';
import type {
  CreateAccountInput,
  CreateContactInput,
  CreateOpportunityInput,
} from '../__generated__/resolvers-types';

/**
 * GraphQL create inputs → connector commands. Checks only what holds for every vendor (id
 * form and source, e-mail form, non-negative amounts, percent range); each connector checks
 * its vendor's own rules. Problems are collected, not thrown, so one answer lists them all.
 */
export class InputReader {
  readonly errors: UserError[] = [];
  constructor(private readonly source: string) {}

  /** The remote id of a related record, which must be a `kind` of this input's source. */
  ref(id: string | null | undefined, kind: IdKind, field: string[]): string | undefined {
    if (id == null) return undefined;
    let decoded;
    try {
      decoded = decodeId(id);
    } catch {
      this.fail(field, `${field.at(-1)} is not a valid id`, 'INVALID');
      return undefined;
    }
    if (decoded.kind !== kind) {
      this.fail(field, `${field.at(-1)} must be the id of a ${kind}, not of a ${decoded.kind}`, 'INVALID');
      return undefined;
    }
    if (decoded.source !== this.source) {
      this.fail(
        field,
        `${field.at(-1)} belongs to source "${decoded.source}"; records can only link within source "${this.source}"`,
        'WRONG_SOURCE',
      );
      return undefined;
    }
    return decoded.remoteId;
  }

  emails(list: readonly string[] | null | undefined, field: string[]): string[] {
    const out: string[] = [];
    (list ?? []).forEach((e, i) => {
      const trimmed = e.trim();
      if (!EMAIL.test(trimmed)) this.fail([...field, String(i)], `"${e}" is not an e-mail address`, 'INVALID');
      else out.push(trimmed);
    });
    return out;
  }

  phones(list: readonly string[] | null | undefined, field: string[]): string[] {
    const out: string[] = [];
    (list ?? []).forEach((p, i) => {
      const trimmed = p.trim();
      if (!trimmed) this.fail([...field, String(i)], 'a phone number cannot be empty', 'INVALID');
      else out.push(trimmed);
    });
    return out;
  }

  /** Every vendor needs a name on accounts and opportunities: blank is as good as missing. */
  notBlank(value: string, field: string[]): void {
    if (!value.trim()) this.fail(field, `${field.at(-1)} cannot be empty`, 'REQUIRED');
  }

  fail(field: string[] | null, message: string, code: UserError['code']): void {
    this.errors.push({ field, message, code });
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(v: string | null | undefined): string | undefined {
  return v == null ? undefined : v;
}

/** Drops undefined keys so optional fields stay absent (exactOptionalPropertyTypes-friendly). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function readContact(input: CreateContactInput, r: InputReader): CreateContactCommand {
  return defined({
    firstName: text(input.firstName),
    middleName: text(input.middleName),
    lastName: text(input.lastName),
    title: text(input.title),
    jobTitle: text(input.jobTitle),
    emails: r.emails(input.emails, ['emails']),
    phones: r.phones(input.phones, ['phones']),
    accountId: r.ref(input.accountId, 'Account', ['accountId']),
    ownerId: r.ref(input.ownerId, 'User', ['ownerId']),
  });
}

export function readAccount(input: CreateAccountInput, r: InputReader): CreateAccountCommand {
  r.notBlank(input.name, ['name']);
  const a = input.address;
  return defined({
    name: input.name,
    emails: r.emails(input.emails, ['emails']),
    phones: r.phones(input.phones, ['phones']),
    website: text(input.website),
    address: a
      ? defined({
          street: text(a.street),
          city: text(a.city),
          state: text(a.state),
          postalCode: text(a.postalCode),
          country: text(a.country),
        })
      : undefined,
    ownerId: r.ref(input.ownerId, 'User', ['ownerId']),
  });
}

export function readOpportunity(input: CreateOpportunityInput, r: InputReader): CreateOpportunityCommand {
  r.notBlank(input.name, ['name']);
  const contactIds = (input.contactIds ?? [])
    .map((id, i) => r.ref(id, 'Contact', ['contactIds', String(i)]))
    .filter((id): id is string => id !== undefined);
  const primaryContactId = r.ref(input.primaryContactId, 'Contact', ['primaryContactId']);
  if (primaryContactId && !contactIds.includes(primaryContactId)) contactIds.unshift(primaryContactId);
  if (input.value.amount.startsWith('-')) {
    r.fail(['value', 'amount'], `amount cannot be negative, got ${input.value.amount}`, 'INVALID');
  }
  if (input.probability != null && (input.probability < 0 || input.probability > 100)) {
    r.fail(['probability'], `probability must be between 0 and 100, got ${input.probability}`, 'INVALID');
  }
  const code = input.value.currencyCode?.trim().toUpperCase();
  if (code !== undefined && !/^[A-Z]{3}$/.test(code)) {
    r.fail(['value', 'currencyCode'], `"${input.value.currencyCode}" is not an ISO 4217 currency code`, 'INVALID');
  }
  return defined({
    name: input.name,
    accountId: r.ref(input.accountId, 'Account', ['accountId']),
    contactIds: [...new Set(contactIds)],
    primaryContactId: primaryContactId ?? contactIds[0],
    pipelineId: r.ref(input.pipelineId, 'Pipeline', ['pipelineId']),
    stageId: r.ref(input.stageId, 'Stage', ['stageId']),
    closingDate: input.closingDate,
    value: defined({ amount: input.value.amount, currencyCode: code }),
    probability: input.probability ?? undefined,
    ownerId: r.ref(input.ownerId, 'User', ['ownerId']),
    description: text(input.description),
  });
}
