import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand, CreateResult } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { PIPELINER_MAX_PAGE, type PipelinerClient } from './client';
import type { PipelinerSourceConfig } from './config';
import { ACCOUNT_FIELDS, CONTACT_FIELDS, type PipelinerCreates } from './creates';
import { pipelinerItemRejection, type FieldMap } from './errors';
import { fromPipelinerAccount, fromPipelinerContact } from './map';
import type { PipelinerReads } from './reads';
import type { PipelinerAccount, PipelinerContact } from './wire';

type Outcome<T> = CreateResult<T> | InputRejected;

/**
 * Batch creates through `batch-modify` with partial rollback: every input is checked as a
 * single create would be (refused ones never reach the vendor), the rest go in chunks of 100
 * (Pipeliner's per-request cap), and the created records are read back (from the newest
 * records, about one request per 100) so the answer holds what Pipeliner stored — only ids the
 * vendor confirmed become records.
 */
export class PipelinerBatchCreates {
  constructor(
    private readonly config: PipelinerSourceConfig,
    private readonly client: PipelinerClient,
    private readonly creates: PipelinerCreates,
    private readonly reads: PipelinerReads,
  ) {}

  createContacts(cmds: CreateContactCommand[], call: CallContext): Promise<Array<Outcome<ContactRecord>>> {
    return this.batch(
      'Contacts',
      cmds,
      (c) => this.creates.contactBody(c, call),
      CONTACT_FIELDS,
      (ids) =>
        this.reads.newest(
          'Contacts',
          ids,
          (row) => fromPipelinerContact(this.config.id, row as PipelinerContact),
          (missing) => this.reads.getContacts(missing, this.config.options.readConcurrency, call),
          call,
        ),
      call,
    );
  }

  createAccounts(cmds: CreateAccountCommand[], call: CallContext): Promise<Array<Outcome<AccountRecord>>> {
    return this.batch(
      'Accounts',
      cmds,
      (c) => this.creates.accountBody(c, call),
      ACCOUNT_FIELDS,
      (ids) =>
        this.reads.newest(
          'Accounts',
          ids,
          (row) => fromPipelinerAccount(this.config.id, row as PipelinerAccount),
          (missing) => this.reads.getAccounts(missing, this.config.options.readConcurrency, call),
          call,
        ),
      call,
    );
  }

  private async batch<C, T>(
    plural: string,
    cmds: C[],
    bodyOf: (cmd: C) => Promise<Record<string, unknown>>,
    fields: FieldMap,
    readBack: (ids: string[]) => Promise<Array<T | null>>,
    call: CallContext,
  ): Promise<Array<Outcome<T>>> {
    const out = new Array<Outcome<T> | undefined>(cmds.length);
    // Owner and account lookups are shared GETs, so checking many inputs costs few requests.
    const bodies = await mapLimit(cmds, 8, async (cmd) => {
      try {
        return await bodyOf(cmd);
      } catch (err) {
        if (err instanceof InputRejected) return err;
        throw err;
      }
    });
    const pending: Array<{ index: number; body: Record<string, unknown> }> = [];
    bodies.forEach((b, index) => {
      if (b instanceof InputRejected) out[index] = b;
      else pending.push({ index, body: b });
    });
    const operation = `the ${plural.replace(/s$/, '')} create`;
    for (let start = 0; start < pending.length; start += PIPELINER_MAX_PAGE) {
      const chunk = pending.slice(start, start + PIPELINER_MAX_PAGE);
      const answers = await this.client.batchCreate(plural, chunk.map((p) => p.body), call);
      const created: Array<{ index: number; id: string }> = [];
      answers.forEach((answer, i) => {
        const { index } = chunk[i]!;
        if ('id' in answer) created.push({ index, id: answer.id });
        else out[index] = pipelinerItemRejection(operation, answer.error, fields);
      });
      const records = await readBack(created.map((c) => c.id));
      created.forEach((c, i) => {
        const record = records[i];
        out[c.index] = record
          ? { record, warnings: [] }
          : new InputRejected([{ field: null, message: `Pipeliner created ${c.id} but it could not be read back`, code: 'REJECTED' }]);
      });
    }
    return out as Array<Outcome<T>>;
  }
}
