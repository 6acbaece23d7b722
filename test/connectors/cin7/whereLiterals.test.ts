import { dataOf } from '../../support/gateway';
import { startCin7, whereOf, type Cin7Setup } from './harness';

/**
 * Text filters with the characters the `where` grammar treats specially (vendor notes §3: quoted
 * literals with `''`; LIKE with SQL Server's `%`, `_` and `[…]` classes): each answers exactly
 * the record holding the text. A decoy beside each target holds what a wrong pattern would
 * find — `[x]` read as a class finds "x", `%` or `_` read as wildcards find anything — so a
 * literal that escapes the grammar shows as a wrong answer, not just as a vendor error.
 */
jest.setTimeout(60_000);

const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { remoteId } userErrors { message } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { remoteId } userErrors { message } } }`;
const ACCOUNTS = `query($name: String, $email: String) { accounts(sources: ["cin7"], first: 50, filter: { name: $name, email: $email }) { edges { node { remoteId } } } }`;
const CONTACTS = `query($name: String, $email: String) { contacts(sources: ["cin7"], first: 50, filter: { name: $name, email: $email }) { edges { node { remoteId } } } }`;

/** [text in the target's name, what a decoy holds instead]. */
const CASES: ReadonlyArray<readonly [string, string]> = [
  ['[x]', 'x'],
  ['[a-c]', 'b'],
  ['[^q]', 'z'],
  ['[', 'e'],
  [']', 'x'],
  ['[]', ''],
  ['%', 'anything'],
  ['_', 'y'],
  ["'", ''],
  ["''", "'"],
  ["x' OR company LIKE '%", 'x'],
  ['line\nbreak', 'line break'],
];

const remoteIds = (res: Awaited<ReturnType<Cin7Setup['gateway']['execute']>>, list: 'accounts' | 'contacts'): string[] =>
  (dataOf(res)[list].edges as Array<{ node: { remoteId: string } }>).map((e) => e.node.remoteId);

describe.each(['scan', 'mainPerson'] as const)('Cin7 Omni where literals (contactSearch %s)', (contactSearch) => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 4, suppliers: 0, users: 1, quotes: 0 } }, source: { options: { rateLimits: false, contactSearch } } });
  });
  afterAll(async () => s.close());

  const create = async (mutation: string, input: Record<string, unknown>, payload: string, entity: string): Promise<string> => {
    const made = dataOf(await s.gateway.execute(mutation, { input: { source: 'cin7', ...input } }))[payload];
    expect(made.userErrors).toEqual([]);
    return made[entity].remoteId as string;
  };

  it.each(CASES.map(([text, decoy], i) => [JSON.stringify(text), text, decoy, i] as const))(
    'account and contact names containing %s',
    async (_label, text, decoy, i) => {
      const target = `Lit${i}${text}end`;
      const account = await create(CREATE_ACCOUNT, { name: target }, 'createAccount', 'account');
      await create(CREATE_ACCOUNT, { name: `Lit${i}${decoy}end` }, 'createAccount', 'account');
      const person = await create(CREATE_CONTACT, { firstName: target }, 'createContact', 'contact');
      await create(CREATE_CONTACT, { firstName: `Lit${i}${decoy}end` }, 'createContact', 'contact');

      s.sim.server.clearLog();
      // The person's record is a private individual's: an account too, named after the person (README "Mapping").
      expect(remoteIds(await s.gateway.execute(ACCOUNTS, { name: `${i}${text}e` }), 'accounts')).toEqual([person, account]);
      expect(remoteIds(await s.gateway.execute(CONTACTS, { name: `${i}${text}e` }), 'contacts')).toEqual([person]);
      // Every request parsed on the vendor's grammar, and no LIKE literal kept a character it would read as a pattern.
      expect(s.sim.server.log.every((r) => r.status === 200)).toBe(true);
      for (const r of s.sim.server.log) {
        for (const literal of (whereOf(r) ?? '').matchAll(/LIKE '((?:[^']|'')*)'/g)) {
          expect((literal[1] ?? '').slice(1, -1)).not.toMatch(/[%[\]]/);
        }
      }
    },
  );

  it("finds an e-mail address with a quote in it, quoted with '' (vendor notes §3)", async () => {
    const email = `o'brien.${contactSearch}@lit.example`;
    const other = `o'neil.${contactSearch}@lit.example`;
    const account = await create(CREATE_ACCOUNT, { name: 'Quote Mail Ltd', emails: [email] }, 'createAccount', 'account');
    const person = await create(CREATE_CONTACT, { firstName: 'Quote', emails: [other] }, 'createContact', 'contact');
    s.sim.server.clearLog();
    expect(remoteIds(await s.gateway.execute(ACCOUNTS, { email }), 'accounts')).toEqual([account]);
    expect(whereOf(s.sim.server.log[0])).toContain(`email = 'o''brien.${contactSearch}@lit.example'`);
    expect(remoteIds(await s.gateway.execute(CONTACTS, { email: other }), 'contacts')).toEqual([person]);
  });
});
