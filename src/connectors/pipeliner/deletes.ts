import { z } from 'zod';
import type { CallContext } from '../../core/call';
import type { DeleteCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import type { DeletedRecord } from '../../core/records';
import { missingRecord, staleVersion } from '../../core/write/version';
import { defineDeletes, type Committed, type DeletesTable, type EntityDeletes } from '../../core/writes';
import { deleteRequest, NOT_FOUND, type PipelinerClient } from './client';
import type { PipelinerSourceConfig } from './config';
import { versionOf } from './map';
import { linksOf } from './patches';
import { pipelinerAccount, pipelinerContact, pipelinerOpportunity } from './wire';
import { wireRecord } from '../kit/wireRecord';

type Plural = 'Contacts' | 'Accounts' | 'Opportunities';
type Unified = 'CONTACT' | 'ACCOUNT' | 'OPPORTUNITY';
type Row = { id: string; revision?: number | null | undefined } & Record<string, unknown>;

/** A relation entity whose rows go with a deleted record, and what one row is called. */
interface Cascade {
  plural: 'ContactAccountRelations' | 'LeadOpptyAccountRelations' | 'LeadOpptyContactRelations';
  /** Its column naming the deleted record. */
  column: string;
  what: [one: string, many: string];
}

interface DeleteEntity {
  unified: Unified;
  plural: Plural;
  schema: z.ZodType<Row>;
  /** Relations read with the record, counted from its expanded arrays. */
  expanded: Array<{ field: string; target: 'account_id' | 'contact_id'; what: [string, string] }>;
  /** Relations the record does not list itself: counted with one list request each. */
  listed: Cascade[];
}

const CONTACT: DeleteEntity = {
  unified: 'CONTACT',
  plural: 'Contacts',
  schema: pipelinerContact,
  expanded: [{ field: 'account_relations', target: 'account_id', what: ['account link', 'account links'] }],
  listed: [{ plural: 'LeadOpptyContactRelations', column: 'contact_id', what: ['opportunity link', 'opportunity links'] }],
};

const ACCOUNT: DeleteEntity = {
  unified: 'ACCOUNT',
  plural: 'Accounts',
  schema: pipelinerAccount,
  expanded: [],
  listed: [
    { plural: 'ContactAccountRelations', column: 'account_id', what: ['contact link', 'contact links'] },
    { plural: 'LeadOpptyAccountRelations', column: 'account_id', what: ['opportunity link', 'opportunity links'] },
  ],
};

const OPPORTUNITY: DeleteEntity = {
  unified: 'OPPORTUNITY',
  plural: 'Opportunities',
  schema: pipelinerOpportunity,
  expanded: [
    { field: 'account_relations', target: 'account_id', what: ['account link', 'account links'] },
    { field: 'contact_relations', target: 'contact_id', what: ['contact link', 'contact links'] },
  ],
  listed: [],
};

/**
 * Deletes with `DELETE /entities/{Plural}/{id}` → 200 `{success, data: id}` (vendor notes §2).
 * Pipeliner removes the record's relation rows with it (a contact's account and opportunity
 * links, an account's contact and opportunity links, an opportunity's account and contact
 * links), so the draft reads and counts them and says so — in a dry run and in the answer.
 * `expectedVersion` is compared with the record's `revision` as read (BEST_EFFORT).
 */
export function pipelinerDeletes(config: PipelinerSourceConfig, client: PipelinerClient): DeletesTable {
  return {
    CONTACT: entityDeletes(config, client, CONTACT),
    ACCOUNT: entityDeletes(config, client, ACCOUNT),
    OPPORTUNITY: entityDeletes(config, client, OPPORTUNITY),
  };
}

function entityDeletes(config: PipelinerSourceConfig, client: PipelinerClient, entity: DeleteEntity): EntityDeletes {
  return defineDeletes({
    versionCheck: 'BEST_EFFORT',
    async draft(cmds: readonly DeleteCommand[], call) {
      const expand = entity.expanded.map((e) => e.field);
      const rows = await mapLimit(cmds, config.options.readConcurrency, (c) => client.get(entity.plural, entity.schema, c.id, expand, call));
      return Promise.all(
        cmds.map(async (cmd, i) => {
          const row = rows[i] ?? null;
          if (!row) return new InputRejected([missingRecord(entity.unified, cmd.id)]);
          const stale = staleVersion(cmd.expectedVersion, versionOf(row));
          if (stale) return new InputRejected([stale]);
          const removed = await goesWith(client, entity, row, call);
          const what = entity.unified.toLowerCase();
          const warnings = removed.length > 0 ? [`Pipeliner removes the ${what}'s ${removed.join(' and ')} with it`] : [];
          return { payload: row.id, requests: [deleteRequest(entity.plural, row.id)], warnings };
        }),
      );
    },
    commit: (ids, call) => Promise.all(ids.map((id) => commitDelete(client, entity, id, call))),
  });
}

/** "2 account links", "1 opportunity link": what the delete takes with it, none left out. */
async function goesWith(client: PipelinerClient, entity: DeleteEntity, row: Row, call: CallContext): Promise<string[]> {
  const counts: Array<[number, [string, string]]> = entity.expanded.map((e) => [
    linksOf(row[e.field] as unknown[] | undefined, e.target).length,
    e.what,
  ]);
  for (const cascade of entity.listed) {
    const page = await client.list(cascade.plural, idOnly, { first: 1, filters: [[cascade.column, 'eq', row.id]], loadOnly: ['id'] }, call);
    counts.push([page.total ?? page.data.length, cascade.what]);
  }
  return counts.filter(([n]) => n > 0).map(([n, [one, many]]) => `${n} ${n === 1 ? one : many}`);
}

const idOnly = wireRecord({ id: z.string() });

async function commitDelete(client: PipelinerClient, entity: DeleteEntity, id: string, call: CallContext): Promise<Committed<DeletedRecord>> {
  const answer = await client.remove(entity.plural, id, call);
  if (answer === NOT_FOUND) return new InputRejected([missingRecord(entity.unified, id)]);
  return { record: { remoteId: id }, warnings: [] };
}
