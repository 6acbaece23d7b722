import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand, PlannedRequest } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { Problems } from '../../core/problems';
import type { DraftOf } from '../../core/writes';
import { toCin7AccountCreate, toCin7PersonCreate, toCin7SecondaryAppend, toCin7SecondaryContact } from './bodies';
import { checkAccount, checkPerson } from './checks';
import type { Cin7SourceConfig } from './config';
import { parseIntId } from './ids';
import type { Cin7Reads } from './reads';
import type { Cin7OmniContact } from './wire';

type Body = Record<string, unknown>;

/** What one contact create writes: a new record (POST), or a secondary contact appended to an account's record (PUT). */
export type ContactPayload =
  | { kind: 'record'; body: Body }
  | { kind: 'secondary'; record: Cin7OmniContact; type: string; item: Body };

/** What one account create writes: a new record (POST). */
export interface AccountPayload {
  body: Body;
}

/**
 * Checks create commands as the vendor's documented rules would (checks.ts), reads what they
 * refer to — the accounts of new secondary contacts (one `id IN` request for all), the users
 * when an owner is named (one list) — and answers, per command, what its create sends (the
 * request it would make alone: a dry run's answer), or the InputRejected naming every problem.
 */
export class Cin7Drafts {
  constructor(
    private readonly config: Cin7SourceConfig,
    private readonly reads: Cin7Reads,
  ) {}

  async contacts(cmds: readonly CreateContactCommand[], call: CallContext): Promise<Array<DraftOf<ContactPayload> | InputRejected>> {
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
        return p.any ? new InputRejected(p.errors) : drafted({ kind: 'record', body: toCin7PersonCreate(cmd, this.config.options.contactType, owner) });
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
      if (p.any || !record || !type) return new InputRejected(p.errors);
      return drafted({ kind: 'secondary', record, type, item: toCin7SecondaryContact(cmd) });
    });
  }

  async accounts(cmds: readonly CreateAccountCommand[], call: CallContext): Promise<Array<DraftOf<AccountPayload> | InputRejected>> {
    const users = await this.usersIfNeeded(cmds, call);
    return cmds.map((cmd) => {
      const p = new Problems();
      checkAccount(cmd, p);
      const owner = this.owner(cmd.ownerId, users, p);
      return p.any ? new InputRejected(p.errors) : drafted({ body: toCin7AccountCreate(cmd, this.config.options.accountType, owner) });
    });
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

/** A payload with the one request it makes when committed alone (vendor notes §2: an array, even of one). */
function drafted<P extends ContactPayload | AccountPayload>(payload: P): DraftOf<P> {
  return { payload, requests: [requestOf(payload)], warnings: [] };
}

function requestOf(payload: ContactPayload | AccountPayload): PlannedRequest {
  if ('kind' in payload && payload.kind === 'secondary') {
    return { method: 'PUT', path: '/v1/Contacts', body: [toCin7SecondaryAppend(payload.record, payload.type, [payload.item])] };
  }
  return { method: 'POST', path: '/v1/Contacts', body: [payload.body] };
}
