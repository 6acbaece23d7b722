import type { z } from 'zod';
import type { CallContext } from '../../core/call';
import type { UpdateAccountCommand, UpdateContactCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import { Problems } from '../../core/problems';
import { missingRecord, staleVersion } from '../../core/write/version';
import type { DraftOf } from '../../core/writes';
import type { LogiSenseClient, WriteRequest } from './client';
import type { LogiSenseSourceConfig } from './config';
import type { FieldMap } from './errors';
import type { LogiSenseReference } from './reference';
import { toLogiSenseAccountUpdate, toLogiSenseContactUpdate, type PointCreate, type PointDelete } from './updateBodies';
import { accountNameChange, checkAccountChanges, checkContactChanges, contactFieldChanges, pointChanges } from './updateChecks';
import { accountVersion, contactVersion } from './versions';
import { logisenseAccount, logisenseContact, type LogiSenseAccount, type LogiSenseContact } from './wire';

/** What an update's commit sends: the one PATCH, or none when nothing differs from the record read. */
interface UpdatePayload {
  id: string;
  request: WriteRequest | null;
  fields: FieldMap;
}
export interface AccountUpdatePayload extends UpdatePayload {
  /** The account as the draft read it: the answer when nothing is sent. */
  current: LogiSenseAccount;
}
export interface ContactUpdatePayload extends UpdatePayload {
  current: LogiSenseContact;
}

/**
 * Drafts of LogiSense updates. Each reads the record first (`GET X/{id}/Detail`, concurrently
 * for the commands of a call): to check it exists (`missingRecord`), to compare
 * `expectedVersion` (`staleVersion`; v6 has no precondition of its own, so the check is the
 * gateway's, best effort), and to send only what differs from it. Nothing here writes.
 */
export class LogiSenseUpdateDrafts {
  constructor(
    private readonly config: LogiSenseSourceConfig,
    private readonly client: LogiSenseClient,
    private readonly reference: LogiSenseReference,
  ) {}

  async accounts(
    commands: readonly UpdateAccountCommand[],
    call: CallContext,
  ): Promise<Array<DraftOf<AccountUpdatePayload> | InputRejected>> {
    const current = await this.read(commands, 'Account/{id}/Detail', logisenseAccount, call);
    return commands.map((cmd, i) => {
      const problems = new Problems();
      checkAccountChanges(cmd.changes, problems);
      const account = current[i];
      if (!account) return new InputRejected([missingRecord('ACCOUNT', cmd.id), ...problems.errors]);
      const stale = staleVersion(cmd.expectedVersion, accountVersion(account));
      if (stale) problems.errors.push(stale);
      if (problems.any) return new InputRejected(problems.errors);
      const changes = accountNameChange(cmd.changes, account);
      if (Object.keys(changes).length === 0) return unchanged({ id: cmd.id, request: null, fields: [], current: account }, 'account');
      const { body, headers, fields } = toLogiSenseAccountUpdate(changes);
      const request: WriteRequest = { method: 'PATCH', path: `/Account/${cmd.id}`, body, ...(headers ? { headers } : {}) };
      return { payload: { id: cmd.id, request, fields, current: account }, requests: [request], warnings: [] };
    });
  }

  /**
   * A contact's own properties and its contact points in one `PATCH Contact/{id}`. The contact
   * point types (and contact type names, for messages) are read only when a list changes.
   */
  async contacts(
    commands: readonly UpdateContactCommand[],
    call: CallContext,
  ): Promise<Array<DraftOf<ContactUpdatePayload> | InputRejected>> {
    const lists = commands.some((c) => c.changes.emails !== undefined || c.changes.phones !== undefined);
    const [current, pointTypes, types] = await Promise.all([
      this.read(commands, 'Contact/{id}/Detail', logisenseContact, call),
      lists ? this.reference.contactPointTypes(call) : Promise.resolve([]),
      lists ? this.reference.contactTypes(call) : Promise.resolve([]),
    ]);
    return commands.map((cmd, i) => {
      const problems = new Problems();
      checkContactChanges(cmd.changes, problems);
      const contact = current[i];
      if (!contact) return new InputRejected([missingRecord('CONTACT', cmd.id), ...problems.errors]);
      const stale = staleVersion(cmd.expectedVersion, contactVersion(contact));
      if (stale) problems.errors.push(stale);
      const typeName = types.find((t) => t.identity === contact.contactTypeId)?.name ?? contact.contactTypeName ?? 'its';
      const creates: PointCreate[] = [];
      const deletes: PointDelete[] = [];
      for (const field of ['emails', 'phones'] as const) {
        const given = cmd.changes[field];
        if (given === undefined) continue;
        const points = pointChanges(given, field, contact, pointTypes, typeName, problems);
        creates.push(...points.creates);
        deletes.push(...points.deletes);
      }
      if (problems.any) return new InputRejected(problems.errors);
      const own = contactFieldChanges(cmd.changes, contact);
      if (Object.keys(own).length === 0 && creates.length === 0 && deletes.length === 0) {
        return unchanged({ id: cmd.id, request: null, fields: [], current: contact }, 'contact');
      }
      const { body, headers, fields } = toLogiSenseContactUpdate(this.config.options.patch, own, creates, deletes);
      const request: WriteRequest = { method: 'PATCH', path: `/Contact/${cmd.id}`, body, ...(headers ? { headers } : {}) };
      return { payload: { id: cmd.id, request, fields, current: contact }, requests: [request], warnings: [] };
    });
  }

  private read<T>(commands: readonly { id: string }[], route: string, schema: z.ZodType<T>, call: CallContext) {
    return mapLimit(commands, this.config.options.readConcurrency, (c) => this.client.getOne(route, c.id, schema, call));
  }
}

/** An update that changes nothing the vendor holds: no request, and it says so. */
function unchanged<P>(payload: P, what: string): DraftOf<P> {
  return {
    payload,
    requests: [],
    warnings: [`nothing to change: the ${what} already has these values, so nothing is sent to LogiSense`],
  };
}
