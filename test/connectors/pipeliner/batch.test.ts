import { encodeId } from '../../../src/core/globalId';
import { dataOf, vendorRequests } from '../../support/gateway';
import { startPipeliner, type PipelinerSetup } from './harness';

const MANY = `mutation($inputs: [CreateContactInput!]!) { createContacts(inputs: $inputs) {
  contact { id name emails primaryAccount { name } } userErrors { field message code } warnings } }`;

/** Batch mutations on Pipeliner: `batch-modify` with partial rollback, one payload per input. */
describe('Pipeliner: createContacts / createAccounts', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 5, contacts: 5, opportunities: 0 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  it('creates 150 contacts in two batch calls, refusing the bad ones per input', async () => {
    const before = s.sim.count('Contacts');
    const inputs = Array.from({ length: 150 }, (_, i) => ({
      source: 'pipeliner',
      firstName: `Batch${i}`,
      lastName: 'Person',
      emails: [`batch${i}@example.test`],
    }));
    inputs[3] = { source: 'pipeliner', emails: ['nobody@example.test'] } as never; // no name
    inputs[77] = { ...inputs[77]!, emails: ['not-an-email'] };
    inputs[149] = { ...inputs[149]!, source: 'elsewhere' };

    const res = await s.gateway.execute(MANY, { inputs });
    const payloads = dataOf(res).createContacts;
    expect(payloads).toHaveLength(150);
    expect(payloads[3]).toEqual({ contact: null, userErrors: [{ field: ['inputs', '3', 'lastName'], message: expect.any(String), code: 'REQUIRED' }], warnings: [] });
    expect(payloads[77].userErrors).toEqual([{ field: ['inputs', '77', 'emails', '0'], message: '"not-an-email" is not an e-mail address', code: 'INVALID' }]);
    expect(payloads[149].userErrors).toEqual([{ field: ['inputs', '149', 'source'], message: 'no source "elsewhere" is configured', code: 'NOT_FOUND' }]);
    const created = payloads.filter((p: any) => p.contact);
    expect(created).toHaveLength(147);
    expect(payloads[10].contact).toMatchObject({ name: 'Batch10 Person', emails: ['batch10@example.test'] });
    expect(s.sim.count('Contacts')).toBe(before + 147);

    const batches = s.sim.server.requests('POST', '/batch-modify');
    expect(batches.map((b) => (b.body as unknown[]).length)).toEqual([100, 47]);
    expect(batches.every((b) => b.query.includes('rollback-method=1'))).toBe(true);
    expect(s.sim.server.requests('POST', '/entities/Contacts').filter((r) => !r.path.includes('batch'))).toEqual([]);
    // 2 batch writes + owner lookup + read-backs among the newest contacts (Pipeliner answers
    // ids only): the first chunk's 100 in one page, the second chunk's 47 in another.
    expect(vendorRequests(res)).toBe(2 + 1 + 2);
  });

  it('reports an item the vendor refused inside the batch on its input, keeping the others', async () => {
    const accounts = dataOf(await s.gateway.execute(`{ accounts(first: 1) { edges { node { id } } } }`)).accounts.edges;
    s.sim.server.clearLog();
    // The vendor's own answer for the second item (an inline Error, vendor notes §2 rollback-method 1).
    s.sim.server.failNext({
      status: 200,
      match: { method: 'POST', pathIncludes: '/batch-modify' },
      body: {
        success: true,
        data: [
          '01a2bd5e-0000-4000-8000-000000000001',
          { success: false, code: 40000, name: 'ERROR_ENTITY_VALIDATION', http_status: 422, message: "Error on field 'email1'.",
            field_errors: [{ field_name: 'email1', name: 'ERROR_FIELD_VALIDATION', code: 40002, errors: [{ code: 120, name: 'ERROR_INVALID', message: 'Duplicate e-mail.' }] }] },
        ],
      },
    });
    const res = dataOf(
      await s.gateway.execute(MANY, {
        inputs: [
          { source: 'pipeliner', lastName: 'Kept', accountId: accounts[0].node.id },
          { source: 'pipeliner', lastName: 'Refused', emails: ['dup@example.test'] },
        ],
      }),
    ).createContacts;
    expect(res[1]).toEqual({
      contact: null,
      userErrors: [{ field: ['inputs', '1', 'emails', '0'], message: 'Pipeliner rejected the Contact create: Duplicate e-mail.', code: 'REJECTED' }],
      warnings: [],
    });
    // The scripted answer confirmed an id the store does not hold, so it cannot be read back:
    // Pipeliner said it was created, so it is answered as sent (never dropped), with a warning.
    expect(res[0]).toEqual({
      contact: { id: encodeId('Contact', 'pipeliner', '01a2bd5e-0000-4000-8000-000000000001'), name: 'Kept', emails: [], primaryAccount: { name: expect.any(String) } },
      userErrors: [],
      warnings: [expect.stringContaining('could not be read back')],
    });
  });

  it('creates accounts in one batch', async () => {
    const res = dataOf(
      await s.gateway.execute(`mutation { createAccounts(inputs: [{ source: "pipeliner", name: "One" }, { source: "pipeliner", name: "  " }, { source: "pipeliner", name: "Two" }]) {
        account { name } userErrors { field code } } }`),
    ).createAccounts;
    expect(res).toEqual([
      { account: { name: 'One' }, userErrors: [] },
      { account: null, userErrors: [{ field: ['inputs', '1', 'name'], code: 'REQUIRED' }] },
      { account: { name: 'Two' }, userErrors: [] },
    ]);
    expect(s.sim.server.requests('POST', '/Accounts/batch-modify')).toHaveLength(1);
  });

  it('drafts many inputs with one read per distinct reference; a dry run answers each input its POST and sends none', async () => {
    const accounts = dataOf(await s.gateway.execute(`{ accounts(first: 1) { edges { node { id remoteId } } } }`)).accounts.edges;
    s.sim.server.clearLog();
    const inputs = Array.from({ length: 5 }, (_, i) => ({ source: 'pipeliner', lastName: `Dry${i}`, accountId: accounts[0].node.id, dryRun: true }));
    const res = await s.gateway.execute(
      `mutation($inputs: [CreateContactInput!]!) { createContacts(inputs: $inputs) { contact { id } plannedRequests { method path body } } }`,
      { inputs },
    );
    dataOf(res).createContacts.forEach((p: any, i: number) => {
      expect(p.contact).toBeNull();
      expect(p.plannedRequests).toEqual([
        {
          method: 'POST',
          path: '/entities/Contacts',
          body: { owner_id: expect.any(String), last_name: `Dry${i}`, account_relations: [{ account_id: accounts[0].node.remoteId, is_primary: true }] },
        },
      ]);
    });
    // The clients list (owner) and the one account, for all five inputs.
    expect(vendorRequests(res)).toBe(2);
    expect(s.sim.server.requests('POST')).toEqual([]);
  });
});
