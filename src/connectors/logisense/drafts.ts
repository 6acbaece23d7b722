import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import { Problems } from '../../core/problems';
import type { DraftOf } from '../../core/writes';
import { toLogiSenseAccountCreate, toLogiSenseContactPatch, type NewContact } from './bodies';
import { checkAccount, checkContactFields, contactPointsOf, contactTypeOf, oncePerAccount } from './checks';
import type { LogiSenseClient, WriteRequest } from './client';
import type { LogiSenseSourceConfig } from './config';
import type { FieldMap } from './errors';
import type { LogiSenseReference } from './reference';
import type { LogiSenseAccount, LogiSenseAccountDetail } from './wire';

/** What a create's commit sends: the one write, and where each input field went in it (to map a 400 back). */
interface Payload {
  request: WriteRequest;
  fields: FieldMap;
}
export interface AccountPayload extends Payload {
  name: string;
}
export interface ContactPayload extends Payload {
  accountId: string;
  /** The account as the draft read it; a child create leaves the account's own fields as they were. */
  account: LogiSenseAccount;
  contact: NewContact;
  /** How many contact points the request creates (e-mails, then phones). */
  points: number;
  emails: string[];
  phones: string[];
}

/**
 * Drafts of LogiSense creates: every documented rule checked (checks.ts), the defaults the
 * tenant applies left to it, and the one request each create sends — a dry run's answer — or
 * the InputRejected naming every problem. Nothing here writes.
 */
export class LogiSenseDrafts {
  private readonly source: string;

  constructor(
    private readonly config: LogiSenseSourceConfig,
    private readonly client: LogiSenseClient,
    private readonly reference: LogiSenseReference,
  ) {
    this.source = config.id;
  }

  /** `POST Account` with the name only (notes §2.1): nothing to look up. */
  accounts(commands: readonly CreateAccountCommand[]): Array<DraftOf<AccountPayload> | InputRejected> {
    return commands.map((cmd) => {
      const problems = new Problems();
      checkAccount(cmd, problems);
      if (problems.any) return new InputRejected(problems.errors);
      const name = cmd.name.trim();
      const { body, fields } = toLogiSenseAccountCreate(name);
      const request: WriteRequest = { method: 'POST', path: '/Account', body };
      return { payload: { request, fields, name }, requests: [request], warnings: [] };
    });
  }

  /**
   * A contact is created as a child of its account, by `PATCH Account/{id}` (the linking rule:
   * a v6 Contact has no account key, notes §3 option 1), its e-mails and phones as contact
   * points of the types configured for its contact type (notes §2.2), all in one request. The
   * checks read the contact types, the contact point types and each account named (in
   * parallel, once for all commands).
   */
  async contacts(
    commands: readonly CreateContactCommand[],
    call: CallContext,
  ): Promise<Array<DraftOf<ContactPayload> | InputRejected>> {
    const accountIds = [...new Set(commands.flatMap((c) => (c.accountId ? [c.accountId] : [])))];
    const [types, pointTypes, accounts] = await Promise.all([
      this.reference.contactTypes(call),
      this.reference.contactPointTypes(call),
      this.accountDetails(accountIds, call),
    ]);
    const type = contactTypeOf(this.config, types);
    const once = oncePerAccount(type, types);
    // Accounts given their once-per-account contact by an earlier command of this call.
    const taken = new Set<string>();
    return commands.map((cmd) => {
      const problems = new Problems();
      checkContactFields(cmd, problems);
      const points = contactPointsOf(cmd, type, pointTypes, problems);
      const account = cmd.accountId ? accounts.get(cmd.accountId) : undefined;
      if (cmd.accountId && !account) {
        problems.add(['accountId'], `no account ${cmd.accountId} in source "${this.source}"`, 'NOT_FOUND');
      }
      if (account && once.size > 0) {
        const kind = type.contactTypeTypeName ?? type.name;
        if (account.contacts.some((c) => c.contactTypeId != null && once.has(c.contactTypeId))) {
          problems.add(['accountId'], `the account already has its one ${kind} contact (notes §2.2)`, 'CONFLICT');
        } else if (taken.has(cmd.accountId!)) {
          problems.add(
            ['accountId'],
            `another input already gives the account its one ${kind} contact (notes §2.2)`,
            'CONFLICT',
          );
        }
      }
      const accountId = cmd.accountId;
      if (problems.any || !accountId || !account) return new InputRejected(problems.errors);
      if (once.size > 0) taken.add(accountId);

      const contact: NewContact = {
        contactTypeId: type.identity,
        title: cmd.title,
        firstName: cmd.firstName?.trim(),
        lastName: cmd.lastName?.trim(),
      };
      const { body, fields } = toLogiSenseContactPatch(this.config.options.patch, contact, points);
      // Names only ids that exist before the write; the `patchClientId`s are ours.
      const request: WriteRequest = { method: 'PATCH', path: `/Account/${accountId}`, body };
      const payload: ContactPayload = {
        request,
        fields,
        accountId,
        account: account.account,
        contact,
        points: points.length,
        emails: cmd.emails,
        phones: cmd.phones,
      };
      return { payload, requests: [request], warnings: [] };
    });
  }

  private async accountDetails(
    ids: readonly string[],
    call: CallContext,
  ): Promise<Map<string, LogiSenseAccountDetail | null>> {
    const details = await mapLimit(ids, this.config.options.readConcurrency, (id) =>
      this.client.accountDetail(id, call),
    );
    return new Map(ids.map((id, i) => [id, details[i] ?? null]));
  }
}
