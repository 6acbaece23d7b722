import type { CallContext } from '../../core/call';
import { GatewayError, InputRejected, toGatewayError } from '../../core/errors';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { defineWrites, type Committed, type WritesTable } from '../../core/writes';
import { toCin7SecondaryAppend } from './bodies';
import { CIN7_BATCH_LIMIT, type Cin7Client } from './client';
import type { Cin7SourceConfig } from './config';
import { Cin7Drafts, type AccountPayload, type ContactPayload } from './drafts';
import type { FieldMap } from '../kit/fieldMap';
import { ACCOUNT_FIELDS, itemErrors, PERSON_FIELDS, writeOutcomeUnknown } from './errors';
import { fromCin7Account, fromCin7MainPerson, fromCin7SecondaryContact } from './map';
import type { Cin7Reads } from './reads';
import { cin7OmniContact, type Cin7OmniContact, type Cin7OmniSecondaryContact } from './wire';

type Body = Record<string, unknown>;

/** Cin7 Omni's create paths: drafts and commits of accounts and contacts, in batches of the vendor's 250. */
export function cin7Writes(config: Cin7SourceConfig, client: Cin7Client, reads: Cin7Reads): WritesTable {
  const drafts = new Cin7Drafts(config, reads);
  const commits = new Cin7Commits(config, client, reads);
  return {
    CONTACT: defineWrites({
      draft: (cmds, call) => drafts.contacts(cmds, call),
      commit: (payloads, call) => commits.contacts(payloads, call),
      batchSize: CIN7_BATCH_LIMIT,
      // The "Company or First Name" rule: a person without company needs a first name.
      requiredOnCreate: ['firstName'],
    }),
    ACCOUNT: defineWrites({
      draft: (cmds, call) => drafts.accounts(cmds, call),
      commit: (payloads, call) => commits.accounts(payloads, call),
      batchSize: CIN7_BATCH_LIMIT,
      requiredOnCreate: ['name'],
    }),
  };
}

/** New secondary contacts of one account's record, sent as one PUT item. */
interface Group {
  record: Cin7OmniContact;
  type: string;
  items: Array<{ index: number; item: Body }>;
}

/** A record the vendor confirmed, with what was sent for it. */
interface Posted {
  index: number;
  id: number;
  body: Body;
}

/**
 * Commits drafts (at most one batch, 250) with Cin7 Omni's write semantics (vendor notes §2):
 * arrays of records per POST/PUT, one result per record inside HTTP 200, matched by `index`.
 *
 * - Account, and contact without account → a record in one POST for the batch.
 * - Contact for an account → a secondary contact: one PUT for the batch, one item per account,
 *   re-sending its secondary contacts with the new ones appended (bodies.ts). The vendor has no
 *   concurrency token (last write wins): the PUT is built on the record as last read in this
 *   operation — re-read when a write since the draft may have changed it — so a batch never
 *   drops what an earlier chunk of itself added.
 *
 * Every record gets its own answer: what the vendor confirmed is read back (`id IN`) so the
 * answer holds what it stored, and new secondary contacts get their ids from that read. A record
 * that cannot be read back is answered as sent, with a warning — never lost. A refused record
 * keeps the vendor's reasons mapped onto its input fields (errors.ts).
 */
export class Cin7Commits {
  constructor(
    private readonly config: Cin7SourceConfig,
    private readonly client: Cin7Client,
    private readonly reads: Cin7Reads,
  ) {}

  async contacts(payloads: readonly ContactPayload[], call: CallContext): Promise<Array<Committed<ContactRecord>>> {
    const out = new Array<Committed<ContactRecord>>(payloads.length);
    const records: Array<{ index: number; body: Body }> = [];
    const secondaries = new Map<number, Group>();
    payloads.forEach((p, index) => {
      if (p.kind === 'record') records.push({ index, body: p.body });
      else addToGroup(secondaries, p, index);
    });
    // Secondary contacts first: their PUT re-sends what was just read.
    const appended = await this.append(await this.current([...secondaries.values()], out, call), out, call);
    const posted = await this.post(records, PERSON_FIELDS, 'contact', out, call);

    const back = await this.reads.readBack([...posted.map((p) => p.id), ...appended.map((a) => a.group.record.id)], call);
    // Each contact's account is the record read back: handed to the loaders, it costs no request
    // later (a later chunk's write empties the operation's record cache).
    for (const stored of back.values()) if (stored) call.prime?.(fromCin7Account(this.config.id, stored));
    for (const p of posted) {
      const stored = back.get(p.id);
      const person = stored ? fromCin7MainPerson(this.config.id, stored) : null;
      const sent = person ? null : fromCin7MainPerson(this.config.id, asSent(p));
      out[p.index] = person
        ? { record: person, warnings: [] }
        : sent
          ? { record: sent, warnings: [notReadBack(p.id)] }
          : writeOutcomeUnknown(this.config.id, `created record ${p.id} without a person`);
    }
    for (const a of appended) this.identifyAdded(a.group, a.before, back.get(a.group.record.id) ?? null, out);
    return out;
  }

  async accounts(payloads: readonly AccountPayload[], call: CallContext): Promise<Array<Committed<AccountRecord>>> {
    const out = new Array<Committed<AccountRecord>>(payloads.length);
    const posted = await this.post(
      payloads.map((p, index) => ({ index, body: p.body })),
      ACCOUNT_FIELDS,
      'account',
      out,
      call,
    );
    const back = await this.reads.readBack(posted.map((p) => p.id), call);
    for (const p of posted) {
      const stored = back.get(p.id) ?? null;
      out[p.index] = { record: fromCin7Account(this.config.id, stored ?? asSent(p)), warnings: stored ? [] : [notReadBack(p.id)] };
    }
    return out;
  }

  /**
   * The groups on their records as this operation last read them: from its record cache, which
   * every write empties, or read again. A record gone meanwhile refuses its contacts.
   */
  private async current(groups: Group[], out: Array<Committed<ContactRecord>>, call: CallContext): Promise<Group[]> {
    if (groups.length === 0) return [];
    let now: Map<number, Cin7OmniContact | null>;
    try {
      now = await this.reads.records(groups.map((g) => g.record.id), call);
    } catch (err) {
      // Nothing was sent for them.
      const failure = toGatewayError(err);
      for (const g of groups) for (const it of g.items) out[it.index] = failure;
      return [];
    }
    return groups.flatMap((g) => {
      const record = now.get(g.record.id);
      if (record) return [{ ...g, record }];
      const gone = new InputRejected([{ field: ['accountId'], message: `no account ${g.record.id} in source "${this.config.id}"`, code: 'NOT_FOUND' }]);
      for (const it of g.items) out[it.index] = gone;
      return [];
    });
  }

  /** One PUT for all groups; answers refusals and faults, returns the groups the vendor confirmed. */
  private async append(groups: Group[], out: Array<Committed<ContactRecord>>, call: CallContext): Promise<Array<{ group: Group; before: Set<number> }>> {
    const answers = await this.client.write('PUT', 'Contacts', groups.map((g) => toCin7SecondaryAppend(g.record, g.type, g.items.map((i) => i.item))), call);
    return groups.flatMap((group, k) => {
      const answer = answers[k]!;
      if (answer instanceof GatewayError) group.items.forEach((it) => (out[it.index] = answer));
      else if ('refused' in answer) group.items.forEach((it, j) => (out[it.index] = this.secondaryRefusal(group, j, answer.refused)));
      else return [{ group, before: new Set((group.record.secondaryContacts ?? []).map((c) => c.id)) }];
      return [];
    });
  }

  /** One POST of new records; refusals and faults go to `out`, confirmed ones are returned. */
  private async post<T>(
    records: Array<{ index: number; body: Body }>,
    fields: FieldMap,
    what: string,
    out: Array<Committed<T>>,
    call: CallContext,
  ): Promise<Posted[]> {
    const answers = await this.client.write('POST', 'Contacts', records.map((r) => r.body), call);
    return records.flatMap((r, k) => {
      const answer = answers[k]!;
      if (answer instanceof GatewayError) out[r.index] = answer;
      else if ('refused' in answer) out[r.index] = new InputRejected(itemErrors(answer.refused, fields, what).record);
      else return [{ index: r.index, id: answer.id, body: r.body }];
      return [];
    });
  }

  /** A refused PUT: the item's own reasons (`SecondaryContacts[i]: …`), else the record's. */
  private secondaryRefusal(g: Group, j: number, refused: readonly string[]): InputRejected {
    const errors = itemErrors(refused, {}, 'secondary contact');
    const own = errors.secondary.get((g.record.secondaryContacts?.length ?? 0) + j);
    if (own && own.length > 0) return new InputRejected(own);
    const why = refused.length > 0 ? refused.join(' ') : 'no reason given';
    return new InputRejected([{ field: null, message: `Cin7 Omni refused the update of account ${g.record.id} that adds this contact: ${why}`, code: 'REJECTED' }]);
  }

  /**
   * Finds each new secondary contact of `g` in the record read back: the ids that were not there
   * before, in order. One not found was written but cannot be named: its outcome stays unknown,
   * so a retry with its idempotency key does not add it twice.
   */
  private identifyAdded(g: Group, before: Set<number>, stored: Cin7OmniContact | null, out: Array<Committed<ContactRecord>>): void {
    const fresh = (stored?.secondaryContacts ?? []).filter((sc) => !before.has(sc.id));
    const used = new Set<number>();
    g.items.forEach((it, j) => {
      const sc = [fresh[j], ...fresh].find((c): c is Cin7OmniSecondaryContact => !!c && !used.has(c.id) && sameSecondary(c, it.item));
      if (stored && sc) {
        used.add(sc.id);
        out[it.index] = { record: fromCin7SecondaryContact(this.config.id, stored, sc), warnings: [] };
      } else {
        out[it.index] = writeOutcomeUnknown(
          this.config.id,
          `accepted this contact on account ${g.record.id}, but it could not be found when read back; check that account before retrying`,
        );
      }
    });
  }
}

function addToGroup(groups: Map<number, Group>, p: Extract<ContactPayload, { kind: 'secondary' }>, index: number): void {
  let g = groups.get(p.record.id);
  if (!g) groups.set(p.record.id, (g = { record: p.record, type: p.type, items: [] }));
  g.items.push({ index, item: p.item });
}

function sameSecondary(sc: Cin7OmniSecondaryContact, item: Body): boolean {
  const norm = (v: unknown): string => (typeof v === 'string' ? v.trim().toLowerCase() : '');
  const eq = (a: unknown, b: unknown) => norm(a) === norm(b);
  return eq(sc.firstName, item['firstName']) && eq(sc.lastName, item['lastName']) && eq(sc.email, item['email']);
}

/** The record as we sent it, for a confirmed create that could not be read back. */
function asSent(p: Posted): Cin7OmniContact {
  return cin7OmniContact.parse({ ...p.body, id: p.id });
}

function notReadBack(id: number): string {
  return `Cin7 Omni confirmed record ${id}, but it could not be read back; fields are as sent`;
}
