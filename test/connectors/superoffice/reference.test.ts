import { recordingCall } from '../../support/calls';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

/**
 * Reference data at the connector level: what each answer costs and the fall-backs where the
 * record is silent — the base currency when the rates do not tell it, stage probabilities
 * when sale-type items carry none, users where `GET /User` is not served.
 */
describe('SuperOffice: reference data', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice({ sim: { size: { companies: 3, persons: 6, sales: 6 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());
  afterEach(() => expect(s.sim.server.pendingFaults()).toBe(0));

  const requested = () => s.sim.server.log.map((r) => `${r.method} ${r.path.replace(/^.*\/api\/v1/, '')}`);

  it('knows the base currency from the rates alone when exactly one is at par', async () => {
    const call = recordingCall();
    const currencies = await s.connector.listAll('CURRENCY', call);
    expect(currencies.filter((c) => c.isBase).map((c) => c.code)).toEqual(['EUR']);
    expect(requested()).toEqual(['GET /List/Currency/Items']);
    expect(call.events).toHaveLength(1);
  });

  it('asks the Agents API for the base currency when two currencies are at par, once per operation', async () => {
    const list = s.sim.store.currencies().map((c) => ({
      CurrencyId: c.id,
      Name: c.name,
      Tooltip: c.tooltip,
      Rank: c.rank,
      Rate: c.rate,
      Units: c.units,
      Deleted: false,
    }));
    // A tenant pegging DKK 1:1 to its EUR base: the rates no longer tell which one is the base.
    list.push({ CurrencyId: 9, Name: 'DKK', Tooltip: '', Rank: 9, Rate: 100, Units: 100, Deleted: false });
    s.sim.server.failNext({ status: 200, body: list, match: { method: 'GET', pathIncludes: '/List/Currency/Items' } });
    const call = recordingCall();
    const [currencies, again] = await Promise.all([
      s.connector.listAll('CURRENCY', call),
      s.connector.getMany('CURRENCY', ['9', '1'], call),
    ]);
    expect(currencies.filter((c) => c.isBase).map((c) => c.code)).toEqual(['EUR']);
    expect(currencies.find((c) => c.code === 'DKK')).toMatchObject({ isBase: false, exchangeRate: 1 });
    expect(again.map((c) => [c?.code, c?.isBase])).toEqual([
      ['DKK', false],
      ['EUR', true],
    ]);
    expect(requested()).toEqual(['GET /List/Currency/Items', 'POST /Agents/List/GetBaseCurrency']);
  });

  it('reads stage probabilities from the Rating list when sale-type items carry none', async () => {
    const res = await fetch(`${s.sim.apiBase}/List/SaleType/Items`, { headers: s.sim.authHeaders() });
    const types = ((await res.json()) as Array<{ Stages: Array<{ ExtraInfo: string }> }>).map((t) => ({
      ...t,
      Stages: t.Stages.map((st) => ({ ...st, ExtraInfo: '' })),
    }));
    s.sim.server.clearLog();
    s.sim.server.failNext({ status: 200, body: types, match: { method: 'GET', pathIncludes: '/List/SaleType/Items' } });
    const pipelines = await s.connector.listAll('PIPELINE', recordingCall());
    expect(pipelines.find((p) => p.name === 'Upsell')?.stages.map((st) => [st.name, st.probability])).toEqual([
      ['Discovery', 20],
      ['Demo', 40],
      ['Contract sent', 80],
    ]);
    expect(requested()).toEqual(['GET /List/SaleType/Items', 'GET /List/Rating/Items']);
  });

  it('aligns records with the ids asked, nulls where SuperOffice has none, in one archive call', async () => {
    const persons = s.sim.store.persons().filter((p) => p.contactId > 1);
    const ids = [String(persons[1]!.id), '999999', String(persons[0]!.id), 'x', String(persons[1]!.id)];
    const call = recordingCall();
    const got = await s.connector.getMany('CONTACT', ids, call);
    expect(got.map((r) => r?.remoteId ?? null)).toEqual([ids[0], null, ids[2], null, ids[0]]);
    expect(call.events.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /Person']);
    expect(s.sim.server.log[0]?.query).toContain(`personId+in+%28${persons[1]!.id}%2C999999%2C${persons[0]!.id}%29`);
  });
});

describe('SuperOffice: users where GET /User is not served', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice({ sim: { userArchive: false, size: { companies: 1, persons: 1, sales: 0 } } });
  });
  afterAll(async () => s.close());

  it('falls back to the associate MDO list (names, no e-mail)', async () => {
    const users = await s.connector.listAll('USER', recordingCall());
    expect(users.map((u) => [u.remoteId, u.name, u.email])).toEqual(
      [...s.sim.store.associates()]
        .sort((a, b) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`))
        .map((a) => [String(a.id), `${a.firstName} ${a.lastName}`, null]),
    );
    expect(s.sim.server.log.map((r) => r.status)).toEqual([404, 200]);
  });
});
