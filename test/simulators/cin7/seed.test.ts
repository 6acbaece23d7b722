import { createCin7Simulator, DEFAULT_SIZE } from '../../../src/simulators/cin7';
import { fixture, modelProblems } from './support/contract';

describe('Cin7 simulator: deterministic seed data', () => {
  const sim = createCin7Simulator({ seed: 21, size: { customers: 48, suppliers: 9, users: 6, quotes: 70 } });
  const contacts = sim.store.contacts();
  const users = sim.store.users();
  const quotes = sim.store.quotes();
  const customers = contacts.filter((c) => c.type === 'Customer');

  it('is identical for the same seed and size, whatever the clock, and differs for another seed', () => {
    const again = createCin7Simulator({ seed: 21, size: { customers: 48, suppliers: 9, users: 6, quotes: 70 }, now: () => 0 });
    expect(again.store.contacts()).toEqual(contacts);
    expect(again.store.users()).toEqual(users);
    expect(again.store.quotes()).toEqual(quotes);
    const other = createCin7Simulator({ seed: 22, size: { customers: 48, suppliers: 9, users: 6, quotes: 70 } });
    expect(other.store.contacts().map((c) => c.company)).not.toEqual(contacts.map((c) => c.company));
  });

  it('seeds the requested sizes, and the defaults without a size', () => {
    expect(customers).toHaveLength(48);
    expect(contacts.filter((c) => c.type === 'Supplier')).toHaveLength(9);
    expect(users).toHaveLength(6);
    expect(quotes).toHaveLength(70);
    const defaults = createCin7Simulator();
    expect(defaults.store.contacts()).toHaveLength(DEFAULT_SIZE.customers + DEFAULT_SIZE.suppliers);
    expect(defaults.store.quotes()).toHaveLength(DEFAULT_SIZE.quotes);
  });

  it('makes companies with a person, private individuals, and secondary contacts with their own ids', () => {
    const companies = customers.filter((c) => c.company && c.firstName && c.lastName);
    const individuals = customers.filter((c) => c.company === null && c.firstName);
    expect(companies.length).toBeGreaterThan(30);
    expect(individuals.length).toBeGreaterThan(4);
    const secondaries = contacts.flatMap((c) => c.secondaryContacts ?? []);
    expect(secondaries.length).toBeGreaterThan(20);
    expect(new Set(secondaries.map((s) => s.id)).size).toBe(secondaries.length);
    expect(individuals.every((c) => c.secondaryContacts === null)).toBe(true);
  });

  it('uses users as sales persons (owners), some customers with none, and one inactive user', () => {
    const userIds = new Set(users.map((u) => u.id));
    const owned = customers.filter((c) => c.salesPersonId);
    expect(owned.length).toBeGreaterThan(20);
    expect(owned.every((c) => userIds.has(c.salesPersonId!))).toBe(true);
    expect(customers.some((c) => c.salesPersonId === 0)).toBe(true);
    expect(users.filter((u) => !u.isActive)).toHaveLength(1);
  });

  it('bills a few branches to a parent company', () => {
    const branches = contacts.filter((c) => c.billingId);
    expect(branches.length).toBeGreaterThan(0);
    for (const b of branches) expect(contacts.find((c) => c.id === b.billingId)?.company?.slice(0, 50)).toBe(b.billingCompany);
  });

  it('links every quote to an active customer, with stage, probability, currency and value', () => {
    const active = new Set(customers.filter((c) => c.isActive).map((c) => c.id));
    for (const q of quotes) {
      expect(active.has(q.memberId!)).toBe(true);
      expect(q['stage']).toEqual(expect.any(String));
      expect(q['probability']).toEqual(expect.any(Number));
      expect(q['total']).toBeGreaterThan(0);
    }
    expect(new Set(quotes.map((q) => q['stage'])).size).toBeGreaterThan(4);
    expect(new Set(quotes.map((q) => q.reference)).size).toBe(quotes.length);
  });

  it('gives unique e-mails and ids that follow the creation date', () => {
    const emails = contacts.map((c) => c.email!.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    const byDate = [...contacts].sort((a, b) => a.createdDate.localeCompare(b.createdDate)).map((c) => c.id);
    expect(byDate).toEqual(contacts.map((c) => c.id));
  });

  it('keeps every seeded record within the field table', () => {
    const problems = contacts.flatMap((c, i) => [
      ...modelProblems(c, fixture('contact.json'), `contacts[${i}]`),
      ...(c.secondaryContacts ?? []).flatMap((s) => modelProblems(s, fixture('secondary-contact.json'), `contacts[${i}].secondaryContacts`)),
    ]);
    expect(problems).toEqual([]);
  });

  it('seeds thousands of records quickly for benchmarks', () => {
    const started = Date.now();
    const big = createCin7Simulator({ size: { customers: 5000, suppliers: 500, quotes: 5000 } });
    expect(big.store.contacts()).toHaveLength(5500);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
