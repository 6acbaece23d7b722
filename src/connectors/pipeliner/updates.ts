import type { z } from 'zod';
import type { CallContext } from '../../core/call';
import type { UpdateAccountCommand, UpdateCommand, UpdateContactCommand, UpdateOpportunityCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import { Problems } from '../../core/problems';
import type { AccountRecord, ContactRecord, OpportunityRecord } from '../../core/records';
import { missingRecord, staleVersion } from '../../core/write/version';
import { defineUpdates, type Committed, type DraftOf, type UpdatesTable } from '../../core/writes';
import type { FieldMap } from '../kit/fieldMap';
import { ACCOUNT_FIELDS, CONTACT_FIELDS, OPPORTUNITY_FIELDS } from './bodies';
import { NOT_FOUND, PIPELINER_MAX_PAGE, updateRequest, type PipelinerClient } from './client';
import type { PipelinerSourceConfig } from './config';
import type { PipelinerDrafts } from './drafts';
import { fromPipelinerAccount, fromPipelinerContact, versionOf } from './map';
import { opportunityPatch } from './opportunityPatch';
import { accountPatch, contactPatch, linksOf, type Body, type Known } from './patches';
import type { PipelinerReads } from './reads';
import type { PipelinerReference } from './reference';
import {
  pipelinerAccount,
  pipelinerContact,
  pipelinerOpportunity,
  type PipelinerAccount,
  type PipelinerContact,
  type PipelinerOpportunity,
} from './wire';

/** Update input fields Pipeliner lets a caller change (`Capability.updatableFields`). */
export const CONTACT_UPDATABLE = ['firstName', 'middleName', 'lastName', 'title', 'jobTitle', 'emails', 'phones', 'accountId', 'ownerId'];
export const ACCOUNT_UPDATABLE = ['name', 'emails', 'phones', 'website', 'address', 'ownerId'];
export const OPPORTUNITY_UPDATABLE = [
  'name',
  'accountId',
  'contactIds',
  'primaryContactId',
  'pipelineId',
  'stageId',
  'closingDate',
  'value',
  'ownerId',
  'description',
];

type Plural = 'Contacts' | 'Accounts' | 'Opportunities';
type Unified = 'CONTACT' | 'ACCOUNT' | 'OPPORTUNITY';

/** What an update commits: the record's id, the partial body, and the record as it was read. */
export interface UpdatePayload<W> {
  id: string;
  body: Body;
  current: W;
}

/** How one entity's records are read for an update and answered after it. */
interface UpdateEntity<W extends { id: string; revision?: number | null | undefined }, T> {
  unified: Unified;
  plural: Plural;
  schema: z.ZodType<W>;
  /** Relations the draft reads with the record (their rows are what a relation change edits). */
  expand: string[];
  fields: FieldMap;
  /** The records as Pipeliner now has them, by id (null where one cannot be read). */
  readBack(ids: string[], call: CallContext): Promise<Array<T | null>>;
  /**
   * A PATCH answer ("returns resulting Account", spec) maps to the whole record: no relation
   * the record needs comes as a URL. Such an update is not read back.
   */
  answerIsRecord: boolean;
  /** A record from a wire row, for one written but not read back (answered with a warning). */
  fromWire(row: W, call: CallContext): Promise<T>;
}

/**
 * Pipeliner's update paths (vendor notes §2): `PATCH /entities/{Plural}/{id}` with only the
 * fields that change, and `batch-modify` (items carrying their `id`, partial rollback) for
 * chunks of up to 100. Pipeliner documents no revision precondition — `revision` is writable
 * in the update inputs but nowhere said to be compared — so `expectedVersion` is checked by
 * reading the record first (BEST_EFFORT). The answer is the record read back after the write.
 */
export function pipelinerUpdates(
  config: PipelinerSourceConfig,
  client: PipelinerClient,
  reads: PipelinerReads,
  reference: PipelinerReference,
  drafts: PipelinerDrafts,
): UpdatesTable {
  const source = config.id;
  const concurrency = config.options.readConcurrency;
  const contacts: UpdateEntity<PipelinerContact, ContactRecord> = {
    unified: 'CONTACT',
    plural: 'Contacts',
    schema: pipelinerContact,
    expand: ['account_relations'],
    fields: CONTACT_FIELDS,
    readBack: (ids, call) => reads.getContacts(ids, call),
    // Its account links come as URLs: read back for them.
    answerIsRecord: false,
    fromWire: (row) => Promise.resolve(fromPipelinerContact(source, row)),
  };
  const accounts: UpdateEntity<PipelinerAccount, AccountRecord> = {
    unified: 'ACCOUNT',
    plural: 'Accounts',
    schema: pipelinerAccount,
    expand: [],
    fields: ACCOUNT_FIELDS,
    readBack: (ids, call) => reads.getAccounts(ids, call),
    answerIsRecord: true,
    fromWire: (row) => Promise.resolve(fromPipelinerAccount(source, row)),
  };
  const opportunities: UpdateEntity<PipelinerOpportunity, OpportunityRecord> = {
    unified: 'OPPORTUNITY',
    plural: 'Opportunities',
    schema: pipelinerOpportunity,
    expand: ['account_relations', 'contact_relations'],
    fields: OPPORTUNITY_FIELDS,
    readBack: (ids, call) => reads.getOpportunities(ids, call),
    answerIsRecord: false,
    fromWire: async (row, call) => reads.toOpportunity(row, await reads.lookups(call)),
  };

  const current = <W extends { id: string }>(entity: UpdateEntity<W, unknown>, ids: string[], call: CallContext) =>
    mapLimit(ids, concurrency, (id) => client.get(entity.plural, entity.schema, id, entity.expand, call));

  /** Owners and accounts the commands name; the clients list is read only when an owner changes. */
  const known = async (call: CallContext, cmds: ReadonlyArray<{ changes: { ownerId?: string | null; accountId?: string | null } }>): Promise<Known> => {
    const namesOwner = cmds.some((c) => typeof c.changes.ownerId === 'string');
    const [clients, found] = await Promise.all([
      namesOwner ? reference.clients(call) : Promise.resolve([]),
      drafts.existing('Accounts', cmds.map((c) => c.changes.accountId ?? undefined), call),
    ]);
    const owners = new Set(clients.map((c) => c.id));
    return { owner: (id) => owners.has(id), account: (id) => found.has(id) };
  };

  return {
    CONTACT: defineUpdates({
      updatableFields: CONTACT_UPDATABLE,
      versionCheck: 'BEST_EFFORT',
      batchSize: PIPELINER_MAX_PAGE,
      async draft(cmds: readonly UpdateContactCommand[], call) {
        const [rows, refs] = await Promise.all([current(contacts, cmds.map((c) => c.id), call), known(call, cmds)]);
        return cmds.map((cmd, i) =>
          drafted(contacts, cmd, rows[i] ?? null, (row, problems) => {
            const { jobTitle } = fromPipelinerContact(source, row);
            return contactPatch(cmd, row, linksOf(row.account_relations, 'account_id'), jobTitle, refs, problems);
          }),
        );
      },
      commit: (payloads, call) => commitUpdates(client, contacts, payloads, call),
    }),
    ACCOUNT: defineUpdates({
      updatableFields: ACCOUNT_UPDATABLE,
      versionCheck: 'BEST_EFFORT',
      batchSize: PIPELINER_MAX_PAGE,
      async draft(cmds: readonly UpdateAccountCommand[], call) {
        const [rows, refs] = await Promise.all([current(accounts, cmds.map((c) => c.id), call), known(call, cmds)]);
        return cmds.map((cmd, i) => drafted(accounts, cmd, rows[i] ?? null, (row, problems) => accountPatch(cmd, row, refs, problems)));
      },
      commit: (payloads, call) => commitUpdates(client, accounts, payloads, call),
    }),
    OPPORTUNITY: defineUpdates({
      updatableFields: OPPORTUNITY_UPDATABLE,
      versionCheck: 'BEST_EFFORT',
      batchSize: PIPELINER_MAX_PAGE,
      async draft(cmds: readonly UpdateOpportunityCommand[], call) {
        const named = cmds.flatMap((c) => c.changes.contactIds ?? []);
        const [rows, refs, pipelines, currencies, contactsFound] = await Promise.all([
          current(opportunities, cmds.map((c) => c.id), call),
          known(call, cmds),
          reference.pipelines(call),
          reference.currencies(call),
          drafts.existing('Contacts', named, call),
        ]);
        const all = { ...refs, contact: (id: string) => contactsFound.has(id), pipelines, currencies };
        return cmds.map((cmd, i) =>
          drafted(opportunities, cmd, rows[i] ?? null, (row, problems) => {
            const links = { accounts: linksOf(row.account_relations, 'account_id'), contacts: linksOf(row.contact_relations, 'contact_id') };
            return opportunityPatch(cmd, row, links, all, problems);
          }),
        );
      },
      commit: (payloads, call) => commitUpdates(client, opportunities, payloads, call),
    }),
  };
}

/**
 * One update's draft: the record must exist and be at the caller's version (else nothing else
 * is checked), then the body is built and checked. A body with nothing in it sends nothing.
 */
function drafted<W extends { id: string; revision?: number | null | undefined }, C>(
  entity: UpdateEntity<W, unknown>,
  cmd: UpdateCommand<C>,
  row: W | null,
  patch: (row: W, problems: Problems) => Body,
): DraftOf<UpdatePayload<W>> | InputRejected {
  if (!row) return new InputRejected([missingRecord(entity.unified, cmd.id)]);
  const stale = staleVersion(cmd.expectedVersion, versionOf(row));
  if (stale) return new InputRejected([stale]);
  const problems = new Problems();
  const body = patch(row, problems);
  if (problems.any) return new InputRejected(problems.errors);
  const empty = Object.keys(body).length === 0;
  return {
    payload: { id: row.id, body, current: row },
    requests: empty ? [] : [updateRequest(entity.plural, row.id, body)],
    warnings: empty ? [`nothing to change: the ${entity.unified.toLowerCase()} already has these values, so nothing is sent`] : [],
  };
}

/**
 * Sends one chunk: the plain PATCH for one record, else one `batch-modify` with the ids in the
 * items. Then the records are read back by id (Pipeliner's batch answers ids only, and a
 * PATCH answer carries its relations as URLs) — except a single PATCH whose answer is the whole
 * record (`answerIsRecord`). A record Pipeliner confirmed but that cannot be
 * read back is answered from what was read plus what was sent, with a warning — never lost.
 */
async function commitUpdates<W extends { id: string }, T>(
  client: PipelinerClient,
  entity: UpdateEntity<W, T>,
  payloads: ReadonlyArray<UpdatePayload<W>>,
  call: CallContext,
): Promise<Array<Committed<T>>> {
  const sending = payloads.filter((p) => Object.keys(p.body).length > 0);
  const outcomes = new Map<UpdatePayload<W>, { written: W; answered?: true } | InputRejected>();
  if (sending.length === 1) {
    const p = sending[0]!;
    const answer = await client.update(entity.plural, entity.schema, p.id, p.body, entity.fields, call);
    outcomes.set(p, answer === NOT_FOUND ? new InputRejected([missingRecord(entity.unified, p.id)]) : { written: answer, ...(entity.answerIsRecord ? { answered: true as const } : {}) });
  } else if (sending.length > 1) {
    const answers = await client.batchUpdate(entity.plural, sending.map((p) => ({ ...p.body, id: p.id })), entity.fields, call);
    sending.forEach((p, i) => {
      const a = answers[i]!;
      outcomes.set(
        p,
        a === NOT_FOUND ? new InputRejected([missingRecord(entity.unified, p.id)]) : a instanceof InputRejected ? a : { written: { ...p.current, ...p.body } },
      );
    });
  }
  const unread = payloads.filter((p) => {
    const outcome = outcomes.get(p);
    return !(outcome instanceof InputRejected) && !outcome?.answered;
  });
  const stored = await readBack(entity, unread.map((p) => p.id), call);
  return Promise.all(
    payloads.map(async (p): Promise<Committed<T>> => {
      const outcome = outcomes.get(p);
      if (outcome instanceof InputRejected) return outcome;
      if (outcome?.answered) return { record: await entity.fromWire(outcome.written, call), warnings: [] };
      const record = stored.get(p.id);
      if (record) return { record, warnings: [] };
      const row = outcome?.written ?? p.current;
      const why = `Pipeliner confirmed the update of ${p.id} but it could not be read back; the record shows what was read and sent`;
      return { record: await entity.fromWire(row, call), warnings: [why] };
    }),
  );
}

/** The records by id after the write; empty where reading failed (they were still written). */
async function readBack<W extends { id: string }, T>(entity: UpdateEntity<W, T>, ids: string[], call: CallContext): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  try {
    const rows = await entity.readBack(ids, call);
    return new Map(ids.flatMap((id, i) => (rows[i] ? [[id, rows[i]] as const] : [])));
  } catch {
    return new Map();
  }
}
