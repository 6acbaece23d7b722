import { createSuperOfficeSimulator } from '../../../src/simulators/superoffice';

describe('SuperOffice simulator seed data', () => {
  const sim = createSuperOfficeSimulator({ seed: 11, size: { companies: 30, persons: 80, sales: 120 } });
  const contacts = sim.store.contacts();
  const persons = sim.store.persons();
  const sales = sim.store.sales();

  it('is identical for the same seed and size, and differs for another seed', () => {
    const again = createSuperOfficeSimulator({ seed: 11, size: { companies: 30, persons: 80, sales: 120 } });
    expect(again.store.contacts()).toEqual(contacts);
    expect(again.store.persons()).toEqual(persons);
    expect(again.store.sales()).toEqual(sales);
    const other = createSuperOfficeSimulator({ seed: 12, size: { companies: 30, persons: 80, sales: 120 } });
    expect(other.store.contacts().map((c) => c.name)).not.toEqual(contacts.map((c) => c.name));
  });

  it('seeds the requested sizes plus the tenant’s own company and its associates', () => {
    expect(contacts.filter((c) => !c.isOwner)).toHaveLength(30);
    expect(contacts.filter((c) => c.isOwner)).toHaveLength(1);
    expect(persons.filter((p) => p.contactId !== 1)).toHaveLength(80);
    expect(sales).toHaveLength(120);
    const bare = createSuperOfficeSimulator({ seedOwnerCompany: false, size: { companies: 3, persons: 3, sales: 0 } });
    expect(bare.store.contacts()).toHaveLength(3);
  });

  it('gives companies emails, phones, urls and addresses', () => {
    for (const c of contacts.filter((x) => !x.isOwner)) {
      expect(c.name).not.toBe('');
      expect(c.emails.length).toBeGreaterThan(0);
      expect(c.phones.length).toBeGreaterThan(0);
      expect(c.urls.length).toBeGreaterThan(0);
      expect(c.address.street.city).not.toBe('');
    }
  });

  it('puts every person at an existing company with a job title and an e-mail', () => {
    const ids = new Set(contacts.map((c) => c.id));
    for (const p of persons) {
      expect(ids.has(p.contactId)).toBe(true);
      expect(p.title).not.toBe('');
      expect(p.emails.length).toBeGreaterThan(0);
    }
  });

  it('gives every sale a company, a person of that company or none, and a stage of its sale type', () => {
    const types = new Map(sim.store.saleTypes().map((t) => [t.id, t]));
    for (const s of sales) {
      expect(sim.store.contact(s.contactId)).toBeDefined();
      if (s.personId !== 0) expect(sim.store.person(s.personId)?.contactId).toBe(s.contactId);
      expect(types.get(s.saleTypeId)?.stageIds).toContain(s.stageId);
      expect(s.heading).not.toBe('');
      expect(['Open', 'Sold', 'Lost', 'Stalled']).toContain(s.status);
    }
    expect(sales.some((s) => s.personId === 0)).toBe(true);
    expect(new Set(sales.map((s) => s.status)).size).toBeGreaterThanOrEqual(3);
  });

  it('has 2–4 sale types with stages and probabilities (one with stakeholders), and a base currency with rate 1', () => {
    const types = sim.store.saleTypes();
    expect(types.length).toBeGreaterThanOrEqual(2);
    expect(types.length).toBeLessThanOrEqual(4);
    expect(types.filter((t) => t.hasStakeholders).map((t) => t.name)).toEqual(['Key account']);
    for (const t of types) expect(t.stageIds.length).toBeGreaterThan(1);
    const base = sim.store.currencies().find((c) => c.id === sim.store.preferences().baseCurrencyId);
    expect(base).toMatchObject({ rate: 1, units: 1 });
  });

  it('hands out copies: changing the view does not change the tenant', () => {
    const view = sim.store.contact(2);
    if (view) view.name = 'changed';
    expect(sim.store.contact(2)?.name).not.toBe('changed');
  });
});
