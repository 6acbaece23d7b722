import { expectCreate, type CreateOutcome } from './expectCreate';
import { VENDORS, type ContractVendor, type Entity, type RunningVendor } from './vendors';

interface CreateCase {
  name: string;
  entity: (v: ContractVendor) => Entity;
  input: (v: ContractVendor, running: RunningVendor) => Record<string, unknown>;
  /** What the outcome must be. */
  expected: (v: ContractVendor) => { writes: true } | { refused: { field: string[]; code: string } };
}

/** The case table: each runs at every vendor. */
const CASES: CreateCase[] = [
  {
    name: 'a minimal account',
    entity: () => 'account',
    input: (v) => v.minimal.account('Contract Minimal Ltd'),
    expected: () => ({ writes: true }),
  },
  {
    name: 'a minimal contact',
    entity: () => 'contact',
    input: (v) => v.minimal.contact('Minimal'),
    expected: () => ({ writes: true }),
  },
  {
    // Cin7 Omni adds it to the account's secondary contacts (a PUT), LogiSense to the account's PATCH.
    name: 'a contact under a seeded account',
    entity: () => 'contact',
    input: (v, running) => ({ ...v.minimal.contact('Placed'), accountId: running.seededAccountId() }),
    expected: () => ({ writes: true }),
  },
  {
    // Every vendor needs a name: the gateway's own check, worded once for all of them.
    name: 'an account with a blank name',
    entity: () => 'account',
    input: () => ({ name: '   ' }),
    expected: () => ({ refused: { field: ['input', 'name'], code: 'REQUIRED' } }),
  },
  {
    name: "an input the vendor's own rules refuse",
    entity: (v) => v.refused.entity,
    input: (v) => v.refused.input,
    expected: (v) => ({ refused: { field: v.refused.field, code: v.refused.code } }),
  },
];

/**
 * Creates as the contract every vendor keeps: a valid input is written once, exactly as its dry
 * run planned (method, path and body, as the simulator logged them); a refused input names its
 * field, plans nothing and writes nothing.
 */
describe.each(VENDORS)('$source: creates', (vendor) => {
  let running: RunningVendor;
  beforeAll(async () => {
    running = await vendor.start({ timeoutMs: 5000 });
  });
  afterAll(async () => running.close());
  afterEach(() => expect(running.server.pendingFaults()).toBe(0));

  it.each(CASES)('$name', async (c) => {
    const outcome: CreateOutcome = await expectCreate(vendor, running, c.entity(vendor), c.input(vendor, running));
    const expected = c.expected(vendor);
    if ('writes' in expected) {
      expect(outcome.userErrors).toEqual([]);
      expect(outcome.record).toEqual({ id: expect.any(String), remoteId: expect.any(String) });
      expect(outcome.written).toBe(1);
      expect(outcome.plannedRequests).not.toEqual([]);
      expect(outcome.sent).toEqual(outcome.plannedRequests);
    } else {
      expect(outcome.userErrors.map((e) => [e.field, e.code])).toEqual([[expected.refused.field, expected.refused.code]]);
      expect(outcome.record).toBeNull();
      expect(outcome.plannedRequests).toBeNull();
      expect(outcome.sent).toEqual([]);
      expect(outcome.written).toBe(0);
    }
  });
});
