import { createLogiSenseSimulator } from '../../../src/simulators/logisense';
import { fixture } from './support/contract';

describe('LogiSense simulator: seed data', () => {
  it('generates the same data for the same seed', () => {
    const a = createLogiSenseSimulator({ seed: 42, accounts: 30 });
    const b = createLogiSenseSimulator({ seed: 42, accounts: 30 });
    expect(a.store.accounts()).toEqual(b.store.accounts());
    expect(a.store.contacts()).toEqual(b.store.contacts());
    expect(a.store.contactPoints()).toEqual(b.store.contactPoints());
    expect(a.store.addresses()).toEqual(b.store.addresses());
  });

  it('generates different data for a different seed', () => {
    const a = createLogiSenseSimulator({ seed: 1, accounts: 10 });
    const b = createLogiSenseSimulator({ seed: 2, accounts: 10 });
    expect(a.store.accounts().map((x) => x.name)).not.toEqual(b.store.accounts().map((x) => x.name));
  });

  it('generates the number of accounts asked for, with 1 to 2n-1 contacts each', () => {
    const sim = createLogiSenseSimulator({ accounts: 200, contactsPerAccount: 4 });
    const accounts = sim.store.accounts();
    expect(accounts).toHaveLength(200);
    for (const a of accounts) {
      expect(a.contactIds.length).toBeGreaterThanOrEqual(1);
      expect(a.contactIds.length).toBeLessThanOrEqual(7);
    }
    const average = sim.store.contacts().length / accounts.length;
    expect(average).toBeGreaterThan(3);
    expect(average).toBeLessThan(5);
  });

  it('scales to a large data set', () => {
    const sim = createLogiSenseSimulator({ accounts: 5000, contactsPerAccount: 3 });
    expect(sim.store.contacts().length).toBeGreaterThan(10000);
  });

  it('seeds accounts with no contacts when contactsPerAccount is 0', () => {
    const sim = createLogiSenseSimulator({ accounts: 5, contactsPerAccount: 0 });
    expect(sim.store.contacts()).toEqual([]);
  });

  it('seeds exactly one default currency', () => {
    const sim = createLogiSenseSimulator();
    expect(sim.store.currencies().filter((c) => c.isDefault)).toHaveLength(
      fixture<{ rules: { defaultsPerOwner: number } }>('currency.json').rules.defaultsPerOwner,
    );
  });

  it('gives every account one Billing contact with an e-mail and at most one Service contact', () => {
    const sim = createLogiSenseSimulator({ accounts: 50 });
    const types = new Map(sim.store.contactTypes().map((t) => [t.identity, t.name]));
    const pointTypes = new Map(sim.store.contactPointTypes().map((t) => [t.identity, t.name]));
    for (const a of sim.store.accounts()) {
      const contacts = sim.store.contactsOfAccount(a.identity);
      const billing = contacts.filter((c) => types.get(c.contactTypeId) === 'Billing');
      expect(billing).toHaveLength(1);
      expect(contacts.filter((c) => types.get(c.contactTypeId) === 'Service').length).toBeLessThanOrEqual(1);
      const billingPoints = sim.store.contactPointsOf(billing[0]?.identity ?? 0);
      expect(billingPoints.some((p) => pointTypes.get(p.contactPointTypeId) === 'email')).toBe(true);
    }
  });

  it('seeds contact points for e-mail and phone, and addresses', () => {
    const sim = createLogiSenseSimulator({ accounts: 20 });
    const names = new Set(sim.store.contactPoints().map((p) => sim.store.contactPointTypes().find((t) => t.identity === p.contactPointTypeId)?.name));
    expect([...names].sort()).toEqual(['email', 'phone']);
    expect(sim.store.addresses().length).toBeGreaterThan(0);
    const emails = sim.store.contactPoints().filter((p) => p.value.includes('@')).map((p) => p.value);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('keeps seed dates independent of the wall clock', () => {
    const a = createLogiSenseSimulator({ now: () => 0 });
    const b = createLogiSenseSimulator({ now: () => Date.UTC(2030, 0, 1) });
    expect(a.store.accounts().map((x) => x.created)).toEqual(b.store.accounts().map((x) => x.created));
  });
});
