import type { z } from 'zod';
import type { CallContext } from '../../core/call';
import { InputRejected } from '../../core/errors';
import type { AccountRecord, ContactRecord, OpportunityRecord } from '../../core/records';
import { defineWrites, type Committed, type WritesTable } from '../../core/writes';
import { ACCOUNT_FIELDS, CONTACT_FIELDS, OPPORTUNITY_FIELDS } from './bodies';
import { PIPELINER_MAX_PAGE, type PipelinerClient } from './client';
import type { PipelinerSourceConfig } from './config';
import type { CreatePayload, OpportunityPayload, PipelinerDrafts } from './drafts';
import type { FieldMap } from '../kit/fieldMap';
import { fromPipelinerAccount, fromPipelinerContact, fromSentAccount, fromSentContact } from './map';
import type { PipelinerReads } from './reads';
import { pipelinerAccount, pipelinerContact, pipelinerOpportunity, type PipelinerAccount, type PipelinerContact } from './wire';

/** How one entity with a batch write is created and read back. */
interface BatchEntity<W extends { id: string }, T> {
  plural: 'Contacts' | 'Accounts';
  schema: z.ZodType<W>;
  fields: FieldMap;
  fromWire: (source: string, row: W) => T;
  /** The record as Pipeliner stores what was sent, for one that cannot be read back. */
  fromSent: (source: string, id: string, body: Record<string, unknown>) => T;
  byId: (reads: PipelinerReads, ids: string[], call: CallContext) => Promise<Array<T | null>>;
}

const CONTACTS: BatchEntity<PipelinerContact, ContactRecord> = {
  plural: 'Contacts',
  schema: pipelinerContact,
  fields: CONTACT_FIELDS,
  fromWire: fromPipelinerContact,
  fromSent: fromSentContact,
  byId: (reads, ids, call) => reads.getContacts(ids, call),
};

const ACCOUNTS: BatchEntity<PipelinerAccount, AccountRecord> = {
  plural: 'Accounts',
  schema: pipelinerAccount,
  fields: ACCOUNT_FIELDS,
  fromWire: fromPipelinerAccount,
  fromSent: fromSentAccount,
  byId: (reads, ids, call) => reads.getAccounts(ids, call),
};

/**
 * Pipeliner's create paths. Contacts and accounts go through `batch-modify` with partial
 * rollback (`rollback-method=1`) in chunks of 100, Pipeliner's per-request cap; a chunk of one
 * is the plain POST, which answers the whole record. Opportunities have no batch write here:
 * their POST needs the stage and currency lookups of its own draft.
 */
export function pipelinerWrites(
  config: PipelinerSourceConfig,
  client: PipelinerClient,
  reads: PipelinerReads,
  drafts: PipelinerDrafts,
): WritesTable {
  const commits = new PipelinerCommits(config, client, reads);
  return {
    CONTACT: defineWrites({
      requiredOnCreate: ['firstName|lastName'],
      batchSize: PIPELINER_MAX_PAGE,
      draft: (cmds, call) => drafts.contacts(cmds, call),
      commit: (payloads, call) => commits.batch(CONTACTS, payloads, call),
    }),
    ACCOUNT: defineWrites({
      requiredOnCreate: ['name'],
      batchSize: PIPELINER_MAX_PAGE,
      draft: (cmds, call) => drafts.accounts(cmds, call),
      commit: (payloads, call) => commits.batch(ACCOUNTS, payloads, call),
    }),
    OPPORTUNITY: defineWrites({
      requiredOnCreate: ['name', 'closingDate', 'value'],
      draft: (cmds, call) => drafts.opportunities(cmds, call),
      commit: async (payloads, call) => Promise.all(payloads.map((p) => commits.opportunity(p, call))),
    }),
  };
}

class PipelinerCommits {
  constructor(
    private readonly config: PipelinerSourceConfig,
    private readonly client: PipelinerClient,
    private readonly reads: PipelinerReads,
  ) {}

  /**
   * One chunk: the plain POST for a single payload, else one `batch-modify`. The batch answers
   * ids only, so the records are read back from the newest (about one GET per 100); a record
   * Pipeliner confirmed is never lost to a failed read-back — it is answered as sent, with a
   * warning. Items Pipeliner refused inline keep their own userErrors.
   */
  async batch<W extends { id: string }, T>(
    entity: BatchEntity<W, T>,
    payloads: readonly CreatePayload[],
    call: CallContext,
  ): Promise<Array<Committed<T>>> {
    if (payloads.length === 1) {
      const created = await this.client.create(entity.plural, entity.schema, payloads[0]!.body, entity.fields, call);
      return [{ record: entity.fromWire(this.config.id, created), warnings: [] }];
    }
    const bodies = payloads.map((p) => p.body);
    const answers = await this.client.batchCreate(entity.plural, bodies, entity.fields, call);
    const ids = answers.flatMap((a) => (a instanceof InputRejected ? [] : [a.id]));
    const stored = await this.readBack(entity, ids, call);
    return answers.map((answer, i) => {
      if (answer instanceof InputRejected) return answer;
      const record = stored.get(answer.id);
      if (record) return { record, warnings: [] };
      const why = `Pipeliner created ${answer.id} but it could not be read back; the record shows what was sent`;
      return { record: entity.fromSent(this.config.id, answer.id, bodies[i]!), warnings: [why] };
    });
  }

  /** The opportunity Pipeliner answered, mapped with the lookups its draft read. */
  async opportunity(payload: OpportunityPayload, call: CallContext): Promise<Committed<OpportunityRecord>> {
    const created = await this.client.create('Opportunities', pipelinerOpportunity, payload.body, OPPORTUNITY_FIELDS, call);
    const record = this.reads.toOpportunity(created, payload.lookups);
    const { primaryContact, contactIds, accountId } = payload;
    // The answer lists relation rows as URLs; the contacts are those Pipeliner just accepted.
    const ordered = primaryContact ? [primaryContact, ...contactIds.filter((id) => id !== primaryContact)] : [];
    return {
      record: {
        ...record,
        accountId: record.accountId ?? accountId ?? null,
        primaryContactId: record.primaryContactId ?? primaryContact ?? null,
        contactIds: ordered,
      },
      warnings: [],
    };
  }

  /** Stored records by id; empty where reading them back failed (they were still written). */
  private async readBack<W extends { id: string }, T>(entity: BatchEntity<W, T>, ids: string[], call: CallContext): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    try {
      const source = this.config.id;
      const fromWire = (row: W): T => entity.fromWire(source, row);
      const byId = (missing: string[]): Promise<Array<T | null>> => entity.byId(this.reads, missing, call);
      const rows = await this.reads.newest(entity.plural, entity.schema, ids, fromWire, byId, call);
      return new Map(ids.flatMap((id, i) => (rows[i] ? [[id, rows[i]] as const] : [])));
    } catch {
      return new Map();
    }
  }
}
