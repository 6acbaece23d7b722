import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand, CreateResult } from '../../core/connector';
import { GatewayError, InputRejected } from '../../core/errors';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { toCin7SecondaryAppend } from './bodies';
import { CIN7_BATCH_LIMIT, type Cin7Client } from './client';
import type { Cin7SourceConfig } from './config';
import type { AccountDraft, Cin7Drafts, ContactDraft } from './drafts';
import { ACCOUNT_FIELDS, itemErrors, PERSON_FIELDS, type FieldMap } from './errors';
import { fromCin7Account, fromCin7MainPerson, fromCin7SecondaryContact } from './map';
import type { Cin7Reads } from './reads';
import { cin7OmniContact, type Cin7OmniBatchResultItem, type Cin7OmniContact, type Cin7OmniSecondaryContact } from './wire';

type Body = Record<string, unknown>;
type Outcome<T> = CreateResult<T> | InputRejected;
type Answers = Array<Cin7OmniBatchResultItem | null> | GatewayError;

/** Whether any item of this batch was confirmed written: from then on a failed request is reported per item. */
interface BatchState {
  confirmed: boolean;
}

/**
 * Creates, single and batch alike (a single create is a batch of one), with Cin7 Omni's write
 * semantics (vendor notes §2): arrays of at most 250 records per POST/PUT, one result per
 * record inside HTTP 200, matched by `index`.
 *
 * - Account → a record (`type` from config, company = name) in a POST.
 * - Contact without account → a record of its own (a private individual) in a POST.
 * - Contact for an account → a secondary contact: the record is read, and a PUT re-sends its
 *   secondary contacts with the new ones appended (bodies.ts). Several new contacts of one
 *   account go in one PUT item. The PUT follows the read at once; still, the vendor has no
 *   concurrency token (last write wins): a secondary contact added elsewhere in between is lost.
 *
 * Only what the vendor confirmed (`success: true`) is reported created; created records are
 * read back (`id IN`, 250 per request) so the answer holds what the vendor stored, and new
 * secondary contacts get their ids from that read. A refused item keeps the vendor's reasons
 * mapped onto its input fields (errors.ts).
 */
export class Cin7Creates {
  constructor(
    private readonly config: Cin7SourceConfig,
    private readonly client: Cin7Client,
    private readonly drafts: Cin7Drafts,
    private readonly reads: Cin7Reads,
  ) {}

  async createContact(cmd: CreateContactCommand, call: CallContext): Promise<CreateResult<ContactRecord>> {
    return single(await this.createContacts([cmd], call));
  }

  async createAccount(cmd: CreateAccountCommand, call: CallContext): Promise<CreateResult<AccountRecord>> {
    return single(await this.createAccounts([cmd], call));
  }

  /** Aligned with `cmds`. Throws only when nothing of the batch was written (a source fault). */
  async createContacts(cmds: readonly CreateContactCommand[], call: CallContext): Promise<Array<Outcome<ContactRecord>>> {
    const drafts = await this.drafts.contacts(cmds, call);
    const out = new Array<Outcome<ContactRecord> | undefined>(cmds.length);
    const state: BatchState = { confirmed: false };
    const records: Array<{ index: number; body: Body }> = [];
    const groups = new Map<number, Group>();
    drafts.forEach((d, index) => {
      if (d instanceof InputRejected) out[index] = d;
      else if (d.kind === 'record') records.push({ index, body: d.body });
      else addToGroup(groups, d, index);
    });

    // Secondary contacts first: their PUT re-sends what the drafts just read.
    const appended: Group[] = [];
    for (const chunk of chunks([...groups.values()], CIN7_BATCH_LIMIT)) {
      const answers = await this.write('PUT', chunk.map((g) => toCin7SecondaryAppend(g.record, g.type, g.items.map((i) => i.item))), call, state);
      chunk.forEach((g, k) => {
        const answer = pick(answers, k);
        if (answer.success) appended.push(g);
        else for (const [j, it] of g.items.entries()) out[it.index] = this.secondaryRefusal(g, j, answer);
      });
    }
    const posted = await this.post(records, PERSON_FIELDS, 'contact', out, call, state);

    const back = await this.readBack([...posted.map((p) => p.id), ...appended.map((g) => g.record.id)], call);
    for (const p of posted) {
      const stored = back.get(p.id);
      const person = fromCin7MainPerson(this.config.id, stored ?? asSent(p.id, p.body));
      out[p.index] = person
        ? { record: person, warnings: stored ? [] : [notReadBack(p.id)] }
        : new InputRejected([{ field: null, message: `Cin7 Omni created record ${p.id} without a person`, code: 'REJECTED' }]);
    }
    for (const g of appended) this.identifyAdded(g, back.get(g.record.id) ?? null, out);
    return out as Array<Outcome<ContactRecord>>;
  }

  async createAccounts(cmds: readonly CreateAccountCommand[], call: CallContext): Promise<Array<Outcome<AccountRecord>>> {
    const drafts = await this.drafts.accounts(cmds, call);
    const out = new Array<Outcome<AccountRecord> | undefined>(cmds.length);
    const records: Array<{ index: number; body: Body }> = [];
    drafts.forEach((d: AccountDraft | InputRejected, index) => {
      if (d instanceof InputRejected) out[index] = d;
      else records.push({ index, body: d.body });
    });
    const posted = await this.post(records, ACCOUNT_FIELDS, 'account', out, call, { confirmed: false });
    const back = await this.readBack(posted.map((p) => p.id), call);
    for (const p of posted) {
      const stored = back.get(p.id);
      out[p.index] = { record: fromCin7Account(this.config.id, stored ?? asSent(p.id, p.body)), warnings: stored ? [] : [notReadBack(p.id)] };
    }
    return out as Array<Outcome<AccountRecord>>;
  }

  /** POSTs new records 250 at a time; refusals go to `out`, confirmed ids are returned. */
  private async post<T>(
    records: Array<{ index: number; body: Body }>,
    fields: FieldMap,
    what: string,
    out: Array<Outcome<T> | undefined>,
    call: CallContext,
    state: BatchState,
  ): Promise<Array<{ index: number; id: number; body: Body }>> {
    const posted: Array<{ index: number; id: number; body: Body }> = [];
    for (const chunk of chunks(records, CIN7_BATCH_LIMIT)) {
      const answers = await this.write('POST', chunk.map((r) => r.body), call, state);
      chunk.forEach((r, k) => {
        const answer = pick(answers, k);
        if (answer.rejection) out[r.index] = answer.rejection;
        else if (!answer.success) out[r.index] = new InputRejected(itemErrors(answer.errors, fields, what).record);
        else if (answer.id) posted.push({ index: r.index, id: answer.id, body: r.body });
        else out[r.index] = new InputRejected([{ field: null, message: 'Cin7 Omni confirmed this item without an id; it may exist, check before retrying', code: 'REJECTED' }]);
      });
    }
    return posted;
  }

  /** One POST/PUT. A source fault after part of the batch was written is reported per item, else thrown. */
  private async write(method: 'POST' | 'PUT', bodies: Body[], call: CallContext, state: BatchState): Promise<Answers> {
    try {
      const answers = await this.client.write(method, 'Contacts', bodies, call);
      if (answers.some((a) => a?.success)) state.confirmed = true;
      return answers;
    } catch (err) {
      if (state.confirmed && err instanceof GatewayError) return err;
      throw err;
    }
  }

  /** Records by id after the writes (the writes emptied the operation's record cache). */
  private readBack(ids: number[], call: CallContext): Promise<Map<number, Cin7OmniContact | null>> {
    return ids.length > 0 ? this.reads.records(ids, call) : Promise.resolve(new Map<number, Cin7OmniContact | null>());
  }

  /** A refused PUT: the item's own reasons (`SecondaryContacts[i]: …`), else the record's. */
  private secondaryRefusal(g: Group, j: number, answer: Picked): InputRejected {
    if (answer.rejection) return answer.rejection;
    const errors = itemErrors(answer.errors, {}, 'secondary contact');
    const own = errors.secondary.get(g.existing + j);
    if (own && own.length > 0) return new InputRejected(own);
    const why = answer.errors.length > 0 ? answer.errors.join(' ') : 'no reason given';
    return new InputRejected([{ field: null, message: `Cin7 Omni refused the update of account ${g.record.id} that adds this contact: ${why}`, code: 'REJECTED' }]);
  }

  /** Finds each new secondary contact of `g` in the record read back: the ids that were not there before, in order. */
  private identifyAdded(g: Group, stored: Cin7OmniContact | null, out: Array<Outcome<ContactRecord> | undefined>): void {
    const fresh = (stored?.secondaryContacts ?? []).filter((sc) => !g.before.has(sc.id));
    const used = new Set<number>();
    g.items.forEach((it, j) => {
      const sc = [fresh[j], ...fresh].find((c): c is Cin7OmniSecondaryContact => !!c && !used.has(c.id) && sameSecondary(c, it.item));
      if (stored && sc) {
        used.add(sc.id);
        out[it.index] = { record: fromCin7SecondaryContact(this.config.id, stored, sc), warnings: [] };
      } else {
        out[it.index] = new InputRejected([
          {
            field: null,
            message: `Cin7 Omni accepted this contact on account ${g.record.id}, but it could not be found when read back; check that account before retrying`,
            code: 'REJECTED',
          },
        ]);
      }
    });
  }
}

interface Group {
  record: Cin7OmniContact;
  type: string;
  /** Secondary contacts the record had when read: new items start at this position. */
  existing: number;
  before: Set<number>;
  items: Array<{ index: number; item: Body }>;
}

function addToGroup(groups: Map<number, Group>, d: Extract<ContactDraft, { kind: 'secondary' }>, index: number): void {
  let g = groups.get(d.record.id);
  if (!g) {
    const current = d.record.secondaryContacts ?? [];
    g = { record: d.record, type: d.type, existing: current.length, before: new Set(current.map((c) => c.id)), items: [] };
    groups.set(d.record.id, g);
  }
  g.items.push({ index, item: d.item });
}

interface Picked {
  success: boolean;
  id: number | null;
  errors: string[];
  /** Set when the item has no answer of its own (request failed, or no result for its index). */
  rejection: InputRejected | null;
}

/** The answer for item `k`, whatever happened to the request. */
function pick(answers: Answers, k: number): Picked {
  if (answers instanceof GatewayError) {
    const message = `not confirmed by Cin7 Omni (${answers.message}); other items of this batch were written`;
    return { success: false, id: null, errors: [], rejection: new InputRejected([{ field: null, message, code: 'REJECTED' }]) };
  }
  const a = answers[k];
  if (!a) {
    const message = 'Cin7 Omni answered no result for this item; it may or may not have been written';
    return { success: false, id: null, errors: [], rejection: new InputRejected([{ field: null, message, code: 'REJECTED' }]) };
  }
  return { success: a.success, id: a.id ?? null, errors: a.errors ?? [], rejection: null };
}

function sameSecondary(sc: Cin7OmniSecondaryContact, item: Body): boolean {
  const norm = (v: unknown): string => (typeof v === 'string' ? v.trim().toLowerCase() : '');
  const eq = (a: unknown, b: unknown) => norm(a) === norm(b);
  return eq(sc.firstName, item['firstName']) && eq(sc.lastName, item['lastName']) && eq(sc.email, item['email']);
}

/** The record as we sent it, for a confirmed create that could not be read back. */
function asSent(id: number, body: Body): Cin7OmniContact {
  return cin7OmniContact.parse({ ...body, id });
}

function notReadBack(id: number): string {
  return `Cin7 Omni confirmed record ${id}, but it could not be read back; fields are as sent`;
}

function single<T>(results: Array<Outcome<T>>): CreateResult<T> {
  const r = results[0];
  if (!r) throw new Error('a create answered nothing');
  if (r instanceof InputRejected) throw r;
  return r;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
