import type { CallContext } from '../../core/call';
import type { DeleteCommand } from '../../core/connector';
import { GatewayError, InputRejected, toGatewayError } from '../../core/errors';
import type { DeletedRecord } from '../../core/records';
import { missingRecord } from '../../core/write/version';
import { defineDeletes, type Committed, type DraftOf, type DeletesTable } from '../../core/writes';
import { toCin7RecordPut } from './bodies';
import type { Cin7Client } from './client';
import type { Cin7SourceConfig } from './config';
import { itemErrors, writeOutcomeUnknown } from './errors';
import { personsOf } from './map';
import type { Cin7Reads } from './reads';
import { holds, presenceAndVersion, targetOf, type Target } from './targets';
import type { Cin7OmniContact } from './wire';

interface DeletePayload {
  target: Target;
  expectedVersion?: string;
}

/**
 * Cin7 Omni's delete paths (vendor notes §2):
 * - ACCOUNT: `DELETE /v1/Contacts/{id}` removes the record, and with it the people in it (its
 *   own person and its secondary contacts; the draft's warning names them).
 * - CONTACT, a secondary contact: it cannot be deleted on its own (there is no endpoint for
 *   one), so it is removed by the documented update of its record: `PUT /v1/Contacts` with the
 *   record's `secondaryContacts` sent back without it (bodies.ts `toCin7RecordPut`). Whether the
 *   vendor's PUT replaces the array is unverified (vendor notes §2), so the record is read back:
 *   a contact still there is reported, never claimed gone.
 * - CONTACT, a record's own person: it is the account record itself; deleting it would delete
 *   the account, so it is refused (UNSUPPORTED on `id`).
 * One delete at a time: two removals from one record's list must not be built on one copy.
 */
export function cin7Deletes(config: Cin7SourceConfig, client: Cin7Client, reads: Cin7Reads): DeletesTable {
  const deletes = new Cin7Deletes(config, client, reads);
  return {
    CONTACT: defineDeletes({
      draft: (cmds, call) => deletes.draft('CONTACT', cmds, call),
      commit: (payloads, call) => deletes.commit(payloads, call),
      concurrency: 1,
      versionCheck: 'BEST_EFFORT',
    }),
    ACCOUNT: defineDeletes({
      draft: (cmds, call) => deletes.draft('ACCOUNT', cmds, call),
      commit: (payloads, call) => deletes.commit(payloads, call),
      concurrency: 1,
      versionCheck: 'BEST_EFFORT',
    }),
  };
}

class Cin7Deletes {
  constructor(
    private readonly config: Cin7SourceConfig,
    private readonly client: Cin7Client,
    private readonly reads: Cin7Reads,
  ) {}

  /** Reads every addressed record (one `id IN` request), checks presence and version, and plans the request. */
  async draft(entity: Target['entity'], cmds: readonly DeleteCommand[], call: CallContext): Promise<Array<DraftOf<DeletePayload> | InputRejected>> {
    const targets = cmds.map((c) => targetOf(entity, c.id));
    const ids = targets.flatMap((t) => (t ? [t.recordId] : []));
    const records = ids.length > 0 ? await this.reads.records(ids, call) : new Map<number, Cin7OmniContact | null>();
    return cmds.map((cmd, i) => {
      const target = targets[i] ?? null;
      const record = target ? records.get(target.recordId) : null;
      const problems = presenceAndVersion(target, cmd.id, entity, record, cmd.expectedVersion);
      if (problems.length > 0 || !target || !holds(target, record)) return new InputRejected(problems);
      const refused = this.refusedTarget(target, record);
      if (refused) return refused;
      const payload: DeletePayload = { target, ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}) };
      if (target.secondaryId === null) {
        const people = personsOf(this.config.id, record).map((c) => c.remoteId);
        const warnings = people.length > 0 ? [`deleting account ${record.id} also removes the people in its Cin7 Omni record: contacts ${people.join(', ')}`] : [];
        return { payload, requests: [{ method: 'DELETE' as const, path: `/v1/Contacts/${record.id}`, body: null }], warnings };
      }
      const item = toCin7RecordPut(record, record.type!.trim(), [{ kind: 'removeSecondary', secondaryId: target.secondaryId }]);
      return { payload, requests: [{ method: 'PUT' as const, path: '/v1/Contacts', body: [item] }], warnings: [] };
    });
  }

  /** A target this vendor cannot delete as asked (the reasons in the class comment), or null. */
  private refusedTarget(target: Target, record: Cin7OmniContact): InputRejected | null {
    if (target.entity === 'CONTACT' && target.secondaryId === null) {
      return new InputRejected([
        {
          field: ['id'],
          message: `contact ${target.remoteId} is the own person of Cin7 Omni record ${record.id}, which is account ${record.id} itself: delete the account, or update the contact's fields`,
          code: 'UNSUPPORTED',
        },
      ]);
    }
    if (target.secondaryId !== null && !record.type?.trim()) {
      return new InputRejected([{ field: ['id'], message: `record ${record.id} has no contact type, which Cin7 Omni needs on every update`, code: 'REJECTED' }]);
    }
    return null;
  }

  async commit(payloads: readonly DeletePayload[], call: CallContext): Promise<Array<Committed<DeletedRecord>>> {
    return Promise.all(payloads.map((p) => this.one(p, call)));
  }

  private async one(p: DeletePayload, call: CallContext): Promise<Committed<DeletedRecord>> {
    const { target } = p;
    let record: Cin7OmniContact | null | undefined;
    try {
      // As this operation last read it: the draft's copy unless a write came since.
      record = (await this.reads.records([target.recordId], call)).get(target.recordId);
    } catch (err) {
      return toGatewayError(err); // nothing was sent
    }
    const problems = presenceAndVersion(target, target.remoteId, target.entity, record, p.expectedVersion);
    if (problems.length > 0 || !holds(target, record)) return new InputRejected(problems);
    const refused = this.refusedTarget(target, record);
    if (refused) return refused;
    return target.secondaryId === null ? this.removeRecord(target, call) : this.removeSecondary(target, target.secondaryId, record, call);
  }

  private async removeRecord(target: Target, call: CallContext): Promise<Committed<DeletedRecord>> {
    const answer = await this.client.remove(target.recordId, call);
    if (answer instanceof GatewayError) return answer;
    if ('notFound' in answer) return new InputRejected([missingRecord(target.entity, target.remoteId)]); // gone since the read
    if ('refused' in answer) return new InputRejected(itemErrors(answer.refused, {}, 'delete').record);
    return { record: { remoteId: target.remoteId }, warnings: [] };
  }

  /** The record's PUT without the contact, then a read that it is gone. */
  private async removeSecondary(target: Target, secondaryId: number, record: Cin7OmniContact, call: CallContext): Promise<Committed<DeletedRecord>> {
    const item = toCin7RecordPut(record, record.type!.trim(), [{ kind: 'removeSecondary', secondaryId }]);
    const [answer] = await this.client.write('PUT', 'Contacts', [item], call);
    if (!answer || answer instanceof GatewayError) return answer ?? writeOutcomeUnknown(this.config.id, 'answered no result for this delete');
    if ('refused' in answer) {
      const why = answer.refused.length > 0 ? answer.refused.join(' ') : 'no reason given';
      return new InputRejected([{ field: null, message: `Cin7 Omni refused the update of account ${record.id} that removes this contact: ${why}`, code: 'REJECTED' }]);
    }
    let after: Cin7OmniContact | null | undefined;
    try {
      after = (await this.reads.records([record.id], call)).get(record.id);
    } catch {
      return {
        record: { remoteId: target.remoteId },
        warnings: [`Cin7 Omni confirmed the update of account ${record.id} without this contact, but the record could not be read back to confirm it is gone`],
      };
    }
    if (after && holds(target, after)) {
      // The PUT was applied, but this account keeps secondary contacts left out of the array.
      return new GatewayError(
        'SOURCE_REJECTED',
        `Cin7 Omni kept contact ${target.remoteId} after an update of account ${record.id} without it: this account merges secondaryContacts on update, so the API cannot remove one`,
        { source: this.config.id, vendor: 'CIN7_OMNI' },
      );
    }
    return { record: { remoteId: target.remoteId }, warnings: [] };
  }
}
