import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand, PlanResult } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { toCin7AccountCreate, toCin7PersonCreate, toCin7SecondaryAppend, toCin7SecondaryContact } from './bodies';
import { checkAccount, checkPerson, Problems } from './checks';
import type { Cin7SourceConfig } from './config';
import { parseIntId } from './ids';
import type { Cin7Reads } from './reads';
import type { Cin7OmniContact } from './wire';

type Body = Record<string, unknown>;

/** What one create will write: a new record (POST), or a secondary contact appended to a record (PUT). */
export type ContactDraft =
  | { kind: 'record'; body: Body }
  | { kind: 'secondary'; record: Cin7OmniContact; type: string; item: Body };

export interface AccountDraft {
  body: Body;
}

/**
 * Checks create commands as the vendor's documented rules would (checks.ts), reads what they
 * refer to — the accounts of new secondary contacts (one `id IN` request for all), the users
 * when an owner is named (one list) — and answers what each create would send, or the
 * InputRejected naming every problem of that input. Shared by creates, batch creates and dry
 * runs, so a dry run is checked exactly like the create.
 */
export class Cin7Drafts {
  constructor(
    private readonly config: Cin7SourceConfig,
    private readonly reads: Cin7Reads,
  ) {}

  async contacts(cmds: readonly CreateContactCommand[], call: CallContext): Promise<Array<ContactDraft | InputRejected>> {
    const accountIds = cmds.flatMap((c) => (c.accountId === undefined ? [] : [parseIntId(c.accountId)])).filter((id): id is number => id !== null);
    const [records, users] = await Promise.all([
      accountIds.length > 0 ? this.reads.records(accountIds, call) : new Map<number, Cin7OmniContact | null>(),
      this.usersIfNeeded(cmds.filter((c) => c.accountId === undefined), call),
    ]);
    return cmds.map((cmd) => {
      const p = new Problems();
      if (cmd.accountId === undefined) {
        checkPerson(cmd, false, p);
        const owner = this.owner(cmd.ownerId, users, p);
        return p.errors.length > 0 ? new InputRejected(p.errors) : { kind: 'record', body: toCin7PersonCreate(cmd, this.config.options.contactType, owner) };
      }
      // A contact for an existing account is a secondary contact on that record (vendor notes §4, DESIGN §5).
      checkPerson(cmd, true, p);
      if (cmd.ownerId !== undefined) {
        p.add(['ownerId'], "a secondary contact has no owner of its own in Cin7 Omni: it follows its account's sales person", 'UNSUPPORTED');
      }
      const id = parseIntId(cmd.accountId);
      const record = id === null ? null : (records.get(id) ?? null);
      const type = record?.type?.trim();
      if (!record) p.add(['accountId'], `no account ${cmd.accountId} in source "${this.config.id}"`, 'NOT_FOUND');
      else if (!type) p.add(['accountId'], `account ${record.id} has no contact type, which Cin7 Omni needs on every update`, 'REJECTED');
      if (p.errors.length > 0 || !record || !type) return new InputRejected(p.errors);
      return { kind: 'secondary', record, type, item: toCin7SecondaryContact(cmd) };
    });
  }

  async accounts(cmds: readonly CreateAccountCommand[], call: CallContext): Promise<Array<AccountDraft | InputRejected>> {
    const users = await this.usersIfNeeded(cmds, call);
    return cmds.map((cmd) => {
      const p = new Problems();
      checkAccount(cmd, p);
      const owner = this.owner(cmd.ownerId, users, p);
      return p.errors.length > 0 ? new InputRejected(p.errors) : { body: toCin7AccountCreate(cmd, this.config.options.accountType, owner) };
    });
  }

  /** Dry run: the one request the create would send (vendor notes §2), or InputRejected. */
  async planContact(cmd: CreateContactCommand, call: CallContext): Promise<PlanResult> {
    const [draft] = await this.contacts([cmd], call);
    if (!draft || draft instanceof InputRejected) throw draft ?? new InputRejected([]);
    const body = draft.kind === 'record' ? draft.body : toCin7SecondaryAppend(draft.record, draft.type, [draft.item]);
    return { requests: [{ method: draft.kind === 'record' ? 'POST' : 'PUT', path: '/v1/Contacts', body: [body] }], warnings: [] };
  }

  async planAccount(cmd: CreateAccountCommand, call: CallContext): Promise<PlanResult> {
    const [draft] = await this.accounts([cmd], call);
    if (!draft || draft instanceof InputRejected) throw draft ?? new InputRejected([]);
    return { requests: [{ method: 'POST', path: '/v1/Contacts', body: [draft.body] }], warnings: [] };
  }

  /** Ids of the account's users, read only when an owner is to be checked. */
  private async usersIfNeeded(cmds: ReadonlyArray<{ ownerId?: string }>, call: CallContext): Promise<Set<number> | null> {
    const needed = cmds.some((c) => c.ownerId !== undefined) || (cmds.length > 0 && this.config.options.defaultOwnerId !== undefined);
    if (!needed) return null;
    return new Set((await this.reads.users(call)).map((u) => Number(u.remoteId)));
  }

  /** `salesPersonId` to send: the named user (which must exist), else the configured default, else none. */
  private owner(ownerId: string | undefined, users: Set<number> | null, p: Problems): number | null {
    if (ownerId !== undefined) {
      const id = parseIntId(ownerId);
      if (id !== null && users?.has(id)) return id;
      p.add(['ownerId'], `no user ${ownerId} in source "${this.config.id}"`, 'NOT_FOUND');
      return null;
    }
    const fallback = this.config.options.defaultOwnerId;
    if (fallback === undefined) return null;
    if (users?.has(fallback)) return fallback;
    p.add(['ownerId'], `the configured default owner ${fallback} is not a user of source "${this.config.id}"; pass ownerId`, 'NOT_FOUND');
    return null;
  }
}
