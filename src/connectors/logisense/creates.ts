import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand, CreateResult, PlanResult } from '../../core/connector';
import { InputRejected, type UserError } from '../../core/errors';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { toLogiSenseAccountCreate, toLogiSenseContactPatch, type NewPoint } from './bodies';
import type { LogiSenseClient } from './client';
import type { LogiSenseSourceConfig } from './config';
import { unexpectedAnswer, unsupported, type FieldMap } from './errors';
import { fromLogiSenseAccount, fromLogiSenseContact } from './map';
import type { LogiSenseReference } from './reference';
import {
  logisenseAccount,
  logisenseContact,
  logisenseContactPoint,
  type LogiSenseContactPointType,
  type LogiSenseContactType,
} from './wire';

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** One write a create sends; `path` as `client.write` takes it, below the resource root (`{baseUrl}/ResourceServer/api/v6/`). */
interface Write {
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  /** Request path → input field, for mapping the vendor's 400 onto the input. */
  fields: FieldMap;
}

/**
 * Creates with LogiSense's own semantics. Every documented rule is checked before anything is
 * sent (nothing is written for input the vendor would refuse); a 400 that still comes back
 * lists every problem (notes §5) and is mapped onto the input fields. Fields LogiSense v6 has
 * no place for are refused as UNSUPPORTED, never dropped.
 */
export class LogiSenseCreates {
  private readonly source: string;

  constructor(
    private readonly config: LogiSenseSourceConfig,
    private readonly client: LogiSenseClient,
    private readonly reference: LogiSenseReference,
  ) {
    this.source = config.id;
  }

  /** `POST Account` with the name (notes §2.1); 1 request. */
  async createAccount(cmd: CreateAccountCommand, call: CallContext): Promise<CreateResult<AccountRecord>> {
    const { method, path, body, fields } = this.accountWrite(cmd);
    const items = await this.client.write(method, path, body, { operation: 'account create', fields }, call);
    const item = items.find((i) => i.dtoTypeKey === 'account') ?? items[0];
    if (!item) throw unexpectedAnswer(this.source, 'the account create');
    return {
      record: fromLogiSenseAccount(this.source, this.client.instanceOf(item, logisenseAccount, 'the account create')),
      warnings: [],
    };
  }

  /** The `POST Account` an account create sends, or InputRejected naming every problem (no reads needed). */
  accountWrite(cmd: CreateAccountCommand): Write {
    const errors: UserError[] = [];
    const name = cmd.name.trim();
    if (!name) errors.push({ field: ['name'], message: 'name cannot be empty', code: 'REQUIRED' });
    const noPlace = (field: string, why: string) => errors.push({ field: [field], message: why, code: 'UNSUPPORTED' });
    if (cmd.emails.length > 0)
      noPlace('emails', 'LogiSense v6 accounts have no e-mail of their own; give it to a contact of the account');
    if (cmd.phones.length > 0)
      noPlace('phones', 'LogiSense v6 accounts have no phone of their own; give it to a contact of the account');
    if (cmd.website !== undefined) noPlace('website', 'LogiSense v6 accounts have no website field');
    if (cmd.address && Object.values(cmd.address).some((v) => v !== undefined)) {
      noPlace('address', 'LogiSense keeps addresses on contacts, not on accounts');
    }
    if (cmd.ownerId !== undefined) noPlace('ownerId', 'LogiSense has no users that own records');
    if (errors.length > 0) throw new InputRejected(errors);
    return { method: 'POST', path: 'Account', ...toLogiSenseAccountCreate(name) };
  }

  /**
   * A contact created under its account by `PATCH Account/{id}` (the linking rule: a v6 Contact
   * has no account key, notes §3 option 1), its e-mails and phones as contact points of the
   * types configured for its contact type (notes §2.2), all in one request. Checked first,
   * reading the contact types, the contact point types and the account (3 requests, in
   * parallel): the account exists, it has no other contact of a once-per-account back-end
   * type (Billing, Service), required contact points are given, single-value types get one.
   */
  async createContact(cmd: CreateContactCommand, call: CallContext): Promise<CreateResult<ContactRecord>> {
    const { write, accountId } = await this.contactWrite(cmd, call);
    const notFound = (): Error =>
      new InputRejected([
        { field: ['accountId'], message: `no account ${accountId} in source "${this.source}"`, code: 'NOT_FOUND' },
      ]);
    const items = await this.client.write(
      write.method,
      write.path,
      write.body,
      { operation: 'contact create', fields: write.fields, onNotFound: notFound },
      call,
    );
    const created =
      items.find((i) => i.patchClientId === 1) ??
      items.find((i) => i.dtoTypeKey === 'contact' && i.action === 'created');
    if (!created) throw unexpectedAnswer(this.source, 'the contact create');
    const contact = this.client.instanceOf(created, logisenseContact, 'the contact create');
    const contactPoints = items
      .filter((i) => i.dtoTypeKey === 'contactPoint' && (i.patchClientId ?? 0) >= 2)
      .map((i) => this.client.instanceOf(i, logisenseContactPoint, 'the contact create'));
    // The account comes back too (action `retrieved`, fresh after the write): primed, so the
    // contact's primaryAccount costs no read.
    const parent = items.find((i) => i.dtoTypeKey === 'account');
    if (parent)
      call.prime?.(
        fromLogiSenseAccount(this.source, this.client.instanceOf(parent, logisenseAccount, 'the contact create')),
      );
    const wire = { ...contact, details: { ...contact.details, contactPoints } };
    return { record: fromLogiSenseContact(this.source, wire, [accountId]), warnings: [] };
  }

  /**
   * The `PATCH Account/{id}` a contact create sends, after the three checking reads (contact
   * types, contact point types, the account), or InputRejected naming every problem.
   */
  async contactWrite(cmd: CreateContactCommand, call: CallContext): Promise<{ write: Write; accountId: string }> {
    const errors: UserError[] = [];
    const noPlace = (field: string, why: string) => errors.push({ field: [field], message: why, code: 'UNSUPPORTED' });
    if (!cmd.accountId) {
      errors.push({
        field: ['accountId'],
        message: 'a LogiSense contact belongs to an account (seed 004); pass accountId',
        code: 'REQUIRED',
      });
    }
    if (cmd.middleName !== undefined) noPlace('middleName', 'LogiSense v6 contacts have no middle name');
    if (cmd.jobTitle !== undefined)
      noPlace('jobTitle', 'LogiSense v6 contacts have no job title (title is the salutation)');
    if (cmd.ownerId !== undefined) noPlace('ownerId', 'LogiSense has no users that own records');
    const [types, pointTypes, account] = await Promise.all([
      this.reference.contactTypes(call),
      this.reference.contactPointTypes(call),
      cmd.accountId ? this.client.accountDetail(cmd.accountId, call) : null,
    ]);
    const type = this.contactType(types);
    const ofType = pointTypes.filter((t) => t.contactTypeId === type.identity);
    const points = [
      ...pointsOf(cmd.emails, 'emails', 'email', ofType, type, errors),
      ...pointsOf(cmd.phones, 'phones', 'phone', ofType, type, errors),
    ];
    for (const t of ofType.filter((p) => p.isRequired)) {
      const field = lower(t.name) === 'email' ? 'emails' : lower(t.name) === 'phone' ? 'phones' : null;
      if (field && (field === 'emails' ? cmd.emails : cmd.phones).length > 0) continue;
      errors.push({
        field: field ? [field] : null,
        message: `a ${type.name} contact needs a '${t.name}' contact point (notes §2.2)`,
        code: 'REQUIRED',
      });
    }
    if (cmd.accountId && !account) {
      errors.push({
        field: ['accountId'],
        message: `no account ${cmd.accountId} in source "${this.source}"`,
        code: 'NOT_FOUND',
      });
    }
    const backEnd = lower(type.contactTypeTypeName);
    if (account && (backEnd === 'billing' || backEnd === 'service')) {
      const sameBackEnd = new Set(types.filter((t) => lower(t.contactTypeTypeName) === backEnd).map((t) => t.identity));
      if (account.contacts.some((c) => c.contactTypeId != null && sameBackEnd.has(c.contactTypeId))) {
        errors.push({
          field: ['accountId'],
          message: `the account already has its one ${type.contactTypeTypeName} contact (notes §2.2)`,
          code: 'CONFLICT',
        });
      }
    }
    if (errors.length > 0 || !cmd.accountId) throw new InputRejected(errors);

    const accountId = cmd.accountId;
    const { body, fields } = toLogiSenseContactPatch(
      this.config.options.patch,
      {
        contactTypeId: type.identity,
        title: cmd.title,
        firstName: cmd.firstName?.trim(),
        lastName: cmd.lastName?.trim(),
      },
      points,
    );
    return { write: { method: 'PATCH', path: `Account/${accountId}`, body, fields }, accountId };
  }

  /*
   * Dry runs: the one write each create sends, built and checked by the same builder, reads
   * included; nothing is written. The contact's PATCH carries no vendor-assigned id: the
   * `patchClientId`s (1 the contact, 2… its points) are ours, and the account already exists.
   */
  async planAccount(cmd: CreateAccountCommand): Promise<PlanResult> {
    return planned(this.accountWrite(cmd));
  }

  async planContact(cmd: CreateContactCommand, call: CallContext): Promise<PlanResult> {
    return planned((await this.contactWrite(cmd, call)).write);
  }

  /** The configured contact type, else the first reusable one (back-end "Other", notes §2.2). */
  private contactType(types: readonly LogiSenseContactType[]): LogiSenseContactType {
    const wanted = this.config.options.contactType;
    const sorted = [...types].sort((a, b) => a.identity - b.identity);
    const type =
      wanted === undefined
        ? sorted.find((t) => lower(t.contactTypeTypeName) === 'other')
        : sorted.find((t) => (typeof wanted === 'number' ? t.identity === wanted : lower(t.name) === lower(wanted)));
    if (!type) {
      const which =
        wanted === undefined
          ? 'of back-end type "Other" (set options.contactType)'
          : `"${wanted}" (options.contactType)`;
      throw unsupported(this.source, `cannot create contacts: it has no contact type ${which}`);
    }
    return type;
  }
}

/** A write as a planned request: `/Account/10003` stands for `{baseUrl}/ResourceServer/api/v6/Account/10003`. */
function planned(write: Write): PlanResult {
  return { requests: [{ method: write.method, path: `/${write.path}`, body: write.body }], warnings: [] };
}

/** Contact points of one kind, in the point type configured for the contact's type. */
function pointsOf(
  values: readonly string[],
  field: 'emails' | 'phones',
  kind: 'email' | 'phone',
  ofType: readonly LogiSenseContactPointType[],
  type: LogiSenseContactType,
  errors: UserError[],
): NewPoint[] {
  if (values.length === 0) return [];
  const pointType = ofType.find((t) => lower(t.name) === kind);
  if (!pointType) {
    errors.push({
      field: [field],
      message: `contact type "${type.name}" has no '${kind}' contact point type`,
      code: 'UNSUPPORTED',
    });
    return [];
  }
  if (pointType.allowMultiple === false && values.length > 1) {
    errors.push({
      field: [field, '1'],
      message: `contact type "${type.name}" takes one '${kind}' contact point`,
      code: 'INVALID',
    });
  }
  return values.map((value, i) => ({ contactPointTypeId: pointType.identity, value, field: [field, String(i)] }));
}
