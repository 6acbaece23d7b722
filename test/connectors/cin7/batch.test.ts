import { encodeId } from '../../../src/core/globalId';
import { dataOf, vendorRequests } from '../../support/gateway';
import { startCin7, type Cin7Setup } from './harness';

const MANY = `mutation($inputs: [CreateContactInput!]!) { createContacts(inputs: $inputs) {
  contact { remoteId name emails primaryAccount { remoteId } } userErrors { field message code } warnings } }`;

const account = (id: number) => encodeId('Account', 'cin7', String(id));

describe('Cin7 Omni: createContacts with the real rate limits on', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ realLimits: true, sim: { size: { customers: 10, suppliers: 0, users: 2, quotes: 0 } } });
  });
  afterAll(async () => s.close());

  it('creates 300 contacts in one call: 293 written in 2 batch POSTs, 7 refused with field-level userErrors', async () => {
    const before = s.sim.store.contacts().length;
    const taken = s.sim.store.contacts().find((c) => c.email)!.email!;
    const inputs: Array<Record<string, unknown>> = Array.from({ length: 300 }, (_, i) => ({
      source: 'cin7',
      firstName: `Batch${i}`,
      lastName: 'Person',
      emails: [`batch${i}@example.test`],
    }));
    const bad: Record<number, [Record<string, unknown>, string[], string]> = {
      5: [{ firstName: 'f'.repeat(251) }, ['firstName'], 'TOO_LONG'],
      50: [{ lastName: 'l'.repeat(300) }, ['lastName'], 'TOO_LONG'],
      // Required by the vendor and missing: Cin7's "Company or First Name" rule (a contact record has no company).
      100: [{ firstName: undefined }, ['firstName'], 'REQUIRED'],
      150: [{ emails: ['not-an-email'] }, ['emails', '0'], 'INVALID'],
      200: [{ phones: ['9'.repeat(51)] }, ['phones', '0'], 'TOO_LONG'],
      250: [{ jobTitle: 'j'.repeat(251) }, ['jobTitle'], 'TOO_LONG'],
      // Passes our checks; the vendor refuses it inside the batch (e-mail in use, vendor notes §2 "unique").
      299: [{ emails: [taken] }, ['emails', '0'], 'CONFLICT'],
    };
    for (const [i, [change]] of Object.entries(bad)) inputs[Number(i)] = { ...inputs[Number(i)], ...change };

    const started = Date.now();
    const res = await s.gateway.execute(MANY, { inputs });
    const payloads = dataOf(res).createContacts;
    expect(payloads).toHaveLength(300);
    payloads.forEach((p: any, i: number) => {
      const refusal = bad[i];
      if (refusal) {
        expect([i, p.contact]).toEqual([i, null]);
        expect(p.userErrors).toEqual([{ field: ['inputs', String(i), ...refusal[1]], message: expect.any(String), code: refusal[2] }]);
      } else {
        expect([i, p.userErrors, p.contact?.name]).toEqual([i, [], `Batch${i} Person`]);
        expect(p.contact.primaryAccount.remoteId).toBe(p.contact.remoteId);
      }
    });
    expect(payloads[299].userErrors[0].message).toBe(`Cin7 Omni refused the contact: The email address '${taken}' is already in use.`);

    // What the vendor saw: two batch POSTs (250 + 44: the 6 refused by our checks never left), no 429.
    const batches = s.sim.server.requests('POST', '/v1/Contacts');
    expect(batches.map((b) => (b.body as unknown[]).length)).toEqual([250, 44]);
    expect(s.rejected429()).toBe(0);
    expect(s.sim.store.contacts().length).toBe(before + 293);
    const created = new Set(payloads.filter((p: any) => p.contact).map((p: any) => Number(p.contact.remoteId)));
    expect(s.sim.store.contacts().filter((c) => created.has(c.id))).toHaveLength(293);
    // 2 POSTs + 2 read-backs of 250 ids at most; four requests at 3 a second take over a second.
    expect(vendorRequests(res)).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('Cin7 Omni: batch creates', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 10, suppliers: 0, users: 2, quotes: 0 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());
  afterEach(() => expect(s.sim.server.pendingFaults()).toBe(0));

  it('creates accounts in one POST, refusing bad ones per input', async () => {
    const res = dataOf(
      await s.gateway.execute(`mutation { createAccounts(inputs: [{ source: "cin7", name: "One" }, { source: "cin7", name: "${'c'.repeat(251)}" }, { source: "cin7", name: "Two" }]) {
        account { name } userErrors { field code } } }`),
    ).createAccounts;
    expect(res).toEqual([
      { account: { name: 'One' }, userErrors: [] },
      { account: null, userErrors: [{ field: ['inputs', '1', 'name'], code: 'TOO_LONG' }] },
      { account: { name: 'Two' }, userErrors: [] },
    ]);
    expect(s.sim.server.requests('POST', '/v1/Contacts').map((r) => (r.body as unknown[]).length)).toEqual([2]);
  });

  it('adds several contacts to two accounts in one PUT, beside a new record in one POST', async () => {
    const [a, b] = s.sim.store.contacts().filter((c) => c.secondaryContacts?.length);
    const beforeA = a!.secondaryContacts!.map((c) => c.id);
    const res = await s.gateway.execute(MANY, {
      inputs: [
        { source: 'cin7', firstName: 'A1', accountId: account(a!.id) },
        { source: 'cin7', firstName: 'Solo' },
        { source: 'cin7', firstName: 'B1', accountId: account(b!.id) },
        { source: 'cin7', firstName: 'A2', accountId: account(a!.id) },
      ],
    });
    const payloads = dataOf(res).createContacts;
    const afterA = s.sim.store.contact(a!.id)!.secondaryContacts!;
    expect(afterA.map((c) => c.id).slice(0, beforeA.length)).toEqual(beforeA);
    const byName = (name: string, rec: number) => s.sim.store.contact(rec)!.secondaryContacts!.find((c) => c.firstName === name)!.id;
    expect(payloads.map((p: any) => p.contact.remoteId)).toEqual([
      `${a!.id}.s${byName('A1', a!.id)}`,
      expect.stringMatching(/^\d+$/),
      `${b!.id}.s${byName('B1', b!.id)}`,
      `${a!.id}.s${byName('A2', a!.id)}`,
    ]);
    const put = s.sim.server.requests('PUT', '/v1/Contacts');
    expect(put).toHaveLength(1);
    expect((put[0]!.body as any[]).map((r) => r.id)).toEqual([a!.id, b!.id]);
    // accounts read (1) + PUT (1) + POST (1) + read-back of the three records (1).
    expect(vendorRequests(res)).toBe(4);
  });

  it('keeps what an earlier batch call added to an account when a later one adds more to it', async () => {
    const record = s.sim.store.contacts().find((c) => c.secondaryContacts?.length)!;
    const before = record.secondaryContacts!.map((c) => c.id);
    const solo = Array.from({ length: 250 }, (_, i) => ({ source: 'cin7', firstName: `Between${i}` }));
    // 252 inputs: the first and the last land in different batch calls (250 each) on one account.
    const inputs = [{ source: 'cin7', firstName: 'EarlyChunk', accountId: account(record.id) }, ...solo, { source: 'cin7', firstName: 'LateChunk', accountId: account(record.id) }];
    const payloads = dataOf(await s.gateway.execute(MANY, { inputs })).createContacts;
    expect(payloads.every((p: any) => p.contact)).toBe(true);
    const after = s.sim.store.contact(record.id)!.secondaryContacts!;
    expect(after.slice(0, before.length).map((c) => c.id)).toEqual(before);
    expect(after.slice(before.length).map((c) => c.firstName)).toEqual(['EarlyChunk', 'LateChunk']);
    expect(s.sim.server.requests('PUT', '/v1/Contacts')).toHaveLength(2);
  });

  it('matches results by `index`, whatever their order, and reports only what the vendor confirmed', async () => {
    s.sim.server.failNext({
      status: 200,
      match: { method: 'POST', pathIncludes: '/v1/Contacts' },
      body: [
        { index: 2, success: true, id: 9003, code: null, errors: [] },
        { index: 0, success: true, id: 9001, code: null, errors: [] },
        { index: 1, success: false, id: 0, code: '', errors: ["The field LastName must be a string or array type with a maximum length of '250'."] },
      ],
    });
    const answer = await s.gateway.execute(MANY, {
      inputs: [
        { source: 'cin7', firstName: 'Zero' },
        { source: 'cin7', firstName: 'One', lastName: 'Refused' },
        { source: 'cin7', firstName: 'Two' },
        { source: 'cin7', firstName: 'Three' },
      ],
    });
    const res = (answer.data as any).createContacts;
    expect(res[0]).toMatchObject({ contact: { remoteId: '9001', name: 'Zero' }, warnings: ['Cin7 Omni confirmed record 9001, but it could not be read back; fields are as sent'] });
    expect(res[1]).toEqual({
      contact: null,
      userErrors: [{ field: ['inputs', '1', 'lastName'], message: "Cin7 Omni refused the contact: The field LastName must be a string or array type with a maximum length of '250'.", code: 'TOO_LONG' }],
      warnings: [],
    });
    expect(res[2]).toMatchObject({ contact: { remoteId: '9003', name: 'Two' } });
    // The vendor gave no result for index 3: never reported as created, and its outcome is unknown
    // (an error at its record field), so a retry with its idempotency key writes nothing.
    expect(res[3]).toEqual({ contact: null, userErrors: [], warnings: [] });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ['createContacts', 3, 'contact'],
        message: 'Cin7 Omni answered no result for this item; it may or may not have been written',
        extensions: expect.objectContaining({ code: 'SOURCE_OUTCOME_UNKNOWN' }),
      }),
    ]);
  });

  it("puts a refused PUT's reasons on the contact they name, and the record's refusal on its other new contacts", async () => {
    const record = s.sim.store.contacts().find((c) => c.secondaryContacts?.length === 1)!;
    s.sim.server.failNext({
      status: 200,
      match: { method: 'PUT' },
      body: [{ index: 0, success: false, id: 0, code: '', errors: ["SecondaryContacts[2]: The field Email must be a string or array type with a maximum length of '50'."] }],
    });
    const res = dataOf(
      await s.gateway.execute(MANY, {
        inputs: [
          { source: 'cin7', firstName: 'Fine', accountId: account(record.id) },
          { source: 'cin7', firstName: 'Faulty', accountId: account(record.id) },
        ],
      }),
    ).createContacts;
    expect(res[1].userErrors).toEqual([
      { field: ['inputs', '1', 'emails', '0'], message: "Cin7 Omni refused the secondary contact: The field Email must be a string or array type with a maximum length of '50'.", code: 'TOO_LONG' },
    ]);
    expect(res[0].userErrors).toEqual([
      {
        field: null,
        message: `Cin7 Omni refused the update of account ${record.id} that adds this contact: SecondaryContacts[2]: The field Email must be a string or array type with a maximum length of '50'.`,
        code: 'REJECTED',
      },
    ]);
    expect(s.sim.store.contact(record.id)!.secondaryContacts).toHaveLength(1);
  });

  it('after part of a batch was written, a failed request is reported on its items, not as a lost batch', async () => {
    const record = s.sim.store.contacts()[0]!;
    s.sim.server.failNext({ status: 503, match: { method: 'POST' }, body: 'Service unavailable' });
    const answer = await s.gateway.execute(MANY, {
      inputs: [
        { source: 'cin7', firstName: 'Kept', accountId: account(record.id) },
        { source: 'cin7', firstName: 'Lost' },
      ],
    });
    const res = (answer.data as any).createContacts;
    expect(res[0].contact.name).toBe('Kept');
    expect(res[1]).toEqual({ contact: null, userErrors: [], warnings: [] });
    // A 503 applied nothing: retryable, at the record field of the item it concerns.
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ['createContacts', 1, 'contact'],
        message: 'Source "cin7" is unavailable (HTTP 503)',
        extensions: expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', retryable: true }),
      }),
    ]);
  });

  it('with nothing written, a failed write is a typed error at the record field; the payload stands', async () => {
    s.sim.server.failNext({ status: 500, match: { method: 'POST' }, body: 'An error has occurred.' });
    const res = await s.gateway.execute(MANY, { inputs: [{ source: 'cin7', firstName: 'Maybe' }] });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('SOURCE_OUTCOME_UNKNOWN');
    expect(res.errors?.[0]?.path).toEqual(['createContacts', 0, 'contact']);
    expect((res.data as any).createContacts).toEqual([{ contact: null, userErrors: [], warnings: [] }]);
    expect(s.sim.server.requests('POST')).toHaveLength(1);
  });
});
