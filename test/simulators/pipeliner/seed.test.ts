import { createPipelinerSimulator } from '../../../src/simulators/pipeliner';
import { REFERENCE_DATE } from './harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WIRE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

describe('Pipeliner simulator: seeded data', () => {
  const sim = createPipelinerSimulator({ seed: 7, referenceDate: REFERENCE_DATE });

  it('produces byte-identical data for the same seed, size and reference date', () => {
    const again = createPipelinerSimulator({ seed: 7, referenceDate: REFERENCE_DATE });
    expect(again.snapshot()).toBe(sim.snapshot());
  });

  it('produces different data for a different seed', () => {
    const other = createPipelinerSimulator({ seed: 8, referenceDate: REFERENCE_DATE });
    expect(other.snapshot()).not.toBe(sim.snapshot());
  });

  it('seeds the default size of 60 accounts, 150 contacts and 80 opportunities', () => {
    expect([sim.count('Accounts'), sim.count('Contacts'), sim.count('Opportunities')]).toEqual([60, 150, 80]);
  });

  it('seeds any size, including an empty one', () => {
    const big = createPipelinerSimulator({
      size: { accounts: 500, contacts: 2000, opportunities: 900 },
      referenceDate: REFERENCE_DATE,
    });
    expect(big.count('Contacts')).toBe(2000);
    const empty = createPipelinerSimulator({ size: { accounts: 0, contacts: 0, opportunities: 0 } });
    expect(empty.count('Accounts')).toBe(0);
    expect(empty.count('Pipelines')).toBe(3);
  });

  it('has one base currency (USD) plus EUR, GBP and CHF, and three rate lists', () => {
    const currencies = sim.records('Currencies');
    expect(currencies.map((c) => c['code'])).toEqual(['USD', 'EUR', 'GBP', 'CHF']);
    expect(currencies.filter((c) => c['is_base'] === true).map((c) => c['code'])).toEqual(['USD']);
    expect(sim.count('CurrencyExchangeRatesLists')).toBe(3);
  });

  it('has a deactivated client that is not the first in the default order', () => {
    const all = sim.records('Clients', { includeDeleted: true }).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(all[0]!['is_deleted']).toBe(false);
    const inactive = all.filter((c) => c['is_deleted'] === true);
    expect(inactive).toHaveLength(1);
    expect(all.indexOf(inactive[0]!)).toBeGreaterThan(0);
    expect(sim.records('Clients').every((c) => c['is_deleted'] === false)).toBe(true);
  });

  it('owns every business record by an active client', () => {
    const active = new Set(sim.records('Clients').map((c) => c.id));
    for (const plural of ['Accounts', 'Contacts', 'Opportunities'] as const) {
      expect(sim.records(plural).every((r) => active.has(r['owner_id'] as string))).toBe(true);
    }
  });

  it('seeds two to three pipelines with four to six steps each, percent set and sort_order from 1', () => {
    const pipelines = sim.records('Pipelines');
    expect(pipelines.length).toBeGreaterThanOrEqual(2);
    for (const p of pipelines) {
      const steps = sim.records('Steps').filter((s) => s['pipeline_id'] === p.id);
      expect(steps.length).toBeGreaterThanOrEqual(4);
      expect(steps.length).toBeLessThanOrEqual(6);
      expect(steps.map((s) => s['sort_order']).sort()).toEqual(steps.map((_, i) => i + 1));
      expect(steps.every((s) => typeof s['percent'] === 'number' && s['percent'] > 0)).toBe(true);
    }
    expect(sim.records('OpportunityTypes').every((t) => pipelines.some((p) => p.id === t['pipeline_id']))).toBe(true);
  });

  it('gives every linked contact exactly one primary account, some a second one, and leaves a few unlinked', () => {
    const rels = sim.records('ContactAccountRelations');
    let unlinked = 0;
    let second = 0;
    for (const c of sim.records('Contacts')) {
      const mine = rels.filter((r) => r['contact_id'] === c.id);
      if (mine.length === 0) {
        unlinked += 1;
        expect(c['position']).not.toBe('');
        continue;
      }
      expect(mine.filter((r) => r['is_primary'] === true)).toHaveLength(1);
      if (mine.length > 1) second += 1;
    }
    expect(unlinked).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
  });

  it('gives every opportunity one primary account and one to three contacts with one primary', () => {
    const accountRels = sim.records('LeadOpptyAccountRelations');
    const contactRels = sim.records('LeadOpptyContactRelations');
    for (const o of sim.records('Opportunities')) {
      const accounts = accountRels.filter((r) => r['lead_oppty_id'] === o.id);
      expect(accounts.filter((r) => r['is_primary'] === true)).toHaveLength(1);
      const contacts = contactRels.filter((r) => r['lead_oppty_id'] === o.id);
      expect(contacts.length).toBeGreaterThanOrEqual(1);
      expect(contacts.length).toBeLessThanOrEqual(3);
      expect(contacts.filter((r) => r['is_primary'] === true)).toHaveLength(1);
    }
  });

  it('spreads opportunities over open, won and lost, with won and lost dates to match', () => {
    const opps = sim.records('Opportunities');
    const byStatus = (s: number) => opps.filter((o) => o['status'] === s);
    expect(byStatus(1).length).toBeGreaterThan(0);
    expect(byStatus(2).every((o) => typeof o['lost_date'] === 'string' && o['won_date'] === null)).toBe(true);
    expect(byStatus(3).every((o) => typeof o['won_date'] === 'string' && o['lost_date'] === null)).toBe(true);
    expect(byStatus(2).length + byStatus(3).length).toBeGreaterThan(0);
    expect(new Set(opps.map((o) => o['step_id'])).size).toBeGreaterThan(4);
  });

  it('dates records over the year before the reference date, in the wire format, with time-ordered UUIDs', () => {
    const ref = REFERENCE_DATE.toISOString().slice(0, 10);
    const yearBefore = `${Number(ref.slice(0, 4)) - 1}${ref.slice(4)}`;
    for (const a of sim.records('Accounts')) {
      expect(a.id).toMatch(UUID);
      expect(a['created']).toMatch(WIRE_TIME);
      expect((a['created'] as string) >= yearBefore && (a['created'] as string) <= `${ref} 23:59`).toBe(true);
      expect((a['modified'] as string) >= (a['created'] as string)).toBe(true);
    }
    const accounts = sim.records('Accounts');
    const byId = [...accounts].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => a['created']);
    expect(byId.slice(0, 20)).toEqual([...byId].sort().slice(0, 20));
  });

  it('fills accounts with e-mails, phones, home page and address, and unset text as ""', () => {
    for (const a of sim.records('Accounts')) {
      expect(a['email1']).toMatch(/^info@/);
      expect(a['phone1']).not.toBe('');
      expect(a['home_page']).toMatch(/^www\./);
      expect(a['address']).not.toBe('');
      expect(a['email5']).toBe('');
      expect(a['parent_account_id']).toBeNull();
    }
  });

  it('exposes stored records read-only', () => {
    const [a] = sim.records('Accounts');
    expect(Object.isFrozen(a)).toBe(true);
  });
});
