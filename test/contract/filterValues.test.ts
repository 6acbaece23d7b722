import { dataOf } from '../support/gateway';
import { VENDORS, type Entity, type RunningVendor } from './vendors';

/**
 * Text filters with the characters vendor query languages treat specially (SuperOffice
 * `$filter`, Cin7 `where`, Pipeliner `filter[…]`, LogiSense search bodies): each answers exactly
 * the records whose field contains the text, never a vendor error — the value stays a literal,
 * whatever it holds. Records are created through the gateway, so each vendor's own rules apply.
 */
jest.setTimeout(120_000);

const TRICKY = ["'", '"', '\\', "\\'", '%', '*', '(', ')', ';', '_', 'line\nbreak', "x' or 1 eq 1 or name eq 'y", ' or personId gt 0 ', "'); drop table x; --"];

const LISTS: Record<Entity, { create: string; payload: string; list: string }> = {
  account: { create: 'createAccount(input: $input) { account { id } userErrors { field message } }', payload: 'createAccount', list: 'accounts' },
  contact: { create: 'createContact(input: $input) { contact { id } userErrors { field message } }', payload: 'createContact', list: 'contacts' },
};

describe.each(VENDORS.map((v) => [v.source, v] as const))('%s: text filters with special characters', (_source, vendor) => {
  let running: RunningVendor;
  const created = new Map<string, string>();

  beforeAll(async () => {
    running = await vendor.start({ timeoutMs: 5_000 });
  });
  afterAll(() => running?.close());

  describe.each(['account', 'contact'] as const)('%s name', (entity) => {
    it.each(TRICKY.map((t, i) => [JSON.stringify(t), t, i] as const))('contains %s', async (_label, tricky, i) => {
      const marker = `${tricky}q${i}${entity[0]}`;
      const name = `Fv${marker}z`;
      const { create, payload, list } = LISTS[entity];
      const input = { source: vendor.source, ...vendor.minimal[entity](name) };
      const made = dataOf(await running.gateway.execute(`mutation ($input: Create${entity === 'account' ? 'Account' : 'Contact'}Input!) { ${create} }`, { input }));
      expect(made[payload].userErrors).toEqual([]);
      const id = made[payload][entity].id as string;
      created.set(marker, id);

      const answer = await running.gateway.execute(
        `query ($name: String) { ${list}(sources: ["${vendor.source}"], first: 50, filter: { name: $name }) { edges { node { id } } } }`,
        { name: marker },
      );
      expect(answer.errors ?? []).toEqual([]);
      const ids = (answer.data as any)[list].edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).toEqual([id]);
    });
  });
});
