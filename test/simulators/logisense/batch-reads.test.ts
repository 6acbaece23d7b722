import { dig, objects, pagination, startSimulator, type Harness } from './support/harness';

/**
 * How a client reads many contacts with their account name and e-mail in few calls. The
 * vendor has no read by a list of ids (no Contact Search, no `in` operator), so batching goes
 * through paged Detail reads (see the simulator README, "Batch reads").
 */
describe('LogiSense simulator: batched reads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 40, contactsPerAccount: 3 });
    await h.login();
  });
  beforeEach(() => h.sim.server.clearLog());
  afterAll(() => h.close());

  const emailsOf = (contact: Record<string, unknown>) =>
    objects(dig(contact, 'details', 'contactPoints') ?? []).filter((p) => p['contactPointTypeName'] === 'email').map((p) => p['value']);

  it('reads 50 contacts with account name and e-mail in two Account/Paged/Detail calls', async () => {
    const rows: Array<{ contact: number; account: unknown; emails: unknown[] }> = [];
    for (let page = 1; rows.length < 50; page += 1) {
      const answer = await h.get('Account/Paged/Detail', pagination(page, 20));
      const accounts = objects(dig(answer.body, 'pagedResults', 'items'));
      if (accounts.length === 0) break;
      for (const a of accounts) {
        for (const c of objects(dig(a, 'details', 'contacts') ?? [])) rows.push({ contact: Number(c['identity']), account: a['name'], emails: emailsOf(c) });
      }
    }
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(h.sim.server.requests('GET').length).toBeLessThanOrEqual(2);
    const sample = rows[0];
    const owner = h.sim.store.accountsOfContact(sample?.contact ?? 0)[0];
    expect(sample?.account).toBe(owner?.name);
  });

  it('reads 50 contacts with their e-mail in one Contact/Paged/Detail call', async () => {
    const answer = await h.get('Contact/Paged/Detail', pagination(1, 50));
    const contacts = objects(dig(answer.body, 'pagedResults', 'items'));
    expect(contacts).toHaveLength(50);
    expect(contacts.filter((c) => emailsOf(c).length > 0).length).toBeGreaterThan(25);
    expect(h.sim.server.log).toHaveLength(1);
  });

  it('offers no batch read of contacts by ids: an id-list query is not a filter', async () => {
    const wanted = h.sim.store.contacts().slice(3, 6).map((c) => c.identity);
    const answer = await h.get(`Contact?ids=${wanted.join(',')}`);
    expect(objects(answer.body['items']).length).toBe(h.sim.store.contacts().length);
    expect((await h.call('POST', 'Contact/Search', { body: { query: {} } })).status).toBe(404);
  });

  it('reads a run of accounts by an identity range in one Account/Search call', async () => {
    const answer = await h.call('POST', 'Account/Search', {
      body: { query: { search: [{ name: 'identity', operator: 'gtEq', value: 10005 }, { name: 'identity', operator: 'ltEq', value: 10009 }] } },
    });
    expect(objects(answer.body['items']).map((a) => a['identity'])).toEqual([10005, 10006, 10007, 10008, 10009]);
  });
});
