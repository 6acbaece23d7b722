import { encodeId } from '../../../src/core/globalId';
import type { LoggedRequest } from '../../../src/simulators/kit';
import type { Gateway } from '../../../src/server';
import { dataOf, testGateway } from '../../support/gateway';
import {
  expectNoPendingFaults,
  holdings,
  type Setup,
  type SetupOptions,
  SOURCE,
  startLogiSense,
  shippingContactPatch,
} from './harness';

const ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
  account { id remoteId } userErrors { field message code } warnings plannedRequests { method path body } } }`;
const CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  contact { id remoteId } userErrors { field message code } warnings plannedRequests { method path body } } }`;

type Mutation = 'createAccount' | 'createContact';
const QUERY: Record<Mutation, string> = { createAccount: ACCOUNT, createContact: CONTACT };
const RECORD: Record<Mutation, string> = { createAccount: 'account', createContact: 'contact' };
/** Planned paths are below the resource root; the simulator logs the full path. */
const RESOURCE = '/ResourceServer/api/v6';

/**
 * Dry runs through GraphQL: `dryRun: true` answers exactly the write the create then sends
 * (`POST Account`, or the `PATCH Account/{id}` that creates a contact under its account), writes
 * nothing, and refuses bad input with the same userErrors as the create.
 */
describe('LogiSense: dry runs', () => {
  let s: Setup;
  let gw: Gateway;
  const start = async (options: SetupOptions = {}) => {
    s = await startLogiSense(options);
    gw = await testGateway([s.connector]);
    // Hold a token first: the login is a POST too (a read of a token, not a write), and with it
    // out of the way the log of a dry run holds GETs only.
    dataOf(await gw.execute(`{ currencies(sources: ["${SOURCE}"]) { code } }`));
    s.sim.server.clearLog();
  };
  afterEach(async () => {
    expectNoPendingFaults(s);
    await gw.stop(); // closes the connector too
    await s.sim.close();
  });

  const writes = (): LoggedRequest[] => s.sim.server.log.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
  const asPlanned = (r: LoggedRequest) => ({ method: r.method, path: r.path.replace(RESOURCE, ''), body: r.body });
  const run = async (mutation: Mutation, input: Record<string, unknown>) =>
    dataOf(await gw.execute(QUERY[mutation], { input: { source: SOURCE, ...input } }))[mutation];
  const account = (remoteId: string | number) => encodeId('Account', SOURCE, String(remoteId));

  /** The dry run of `input` (nothing written), then the real create, whose writes must be the plan. */
  async function dryThenReal(mutation: Mutation, input: Record<string, unknown>) {
    s.sim.server.clearLog();
    const before = holdings(s);
    const dry = await run(mutation, { ...input, dryRun: true });
    expect(writes()).toEqual([]);
    expect(holdings(s)).toEqual(before);
    expect(dry).toMatchObject({ [RECORD[mutation]]: null, userErrors: [], warnings: [] });

    s.sim.server.clearLog();
    const real = await run(mutation, input);
    expect(real.userErrors).toEqual([]);
    expect(real[RECORD[mutation]]).not.toBeNull();
    expect(real.plannedRequests).toBeNull();
    expect(writes().map(asPlanned)).toEqual(dry.plannedRequests);
    return { dry, real };
  }

  it('createAccount: the POST Account with the trimmed name, without a single vendor request', async () => {
    await start();
    const dry = await run('createAccount', { name: ' Planned Engines Ltd ', dryRun: true });
    // Nothing to look up: an account create is checked without the vendor.
    expect(s.sim.server.log).toEqual([]);
    expect(dry.plannedRequests).toEqual([{ method: 'POST', path: '/Account', body: { name: 'Planned Engines Ltd' } }]);
    await dryThenReal('createAccount', { name: ' Planned Engines Ltd ' });
  });

  it('createContact: the PATCH of its account with the contact and its points, default contact type applied', async () => {
    await start();
    const { dry } = await dryThenReal('createContact', {
      firstName: 'Ada',
      lastName: 'Byron',
      title: 'Ms.',
      emails: ['ada@planned.example'],
      phones: ['+1-555-0199'],
      accountId: account(10003),
    });
    expect(dry.plannedRequests).toEqual([
      {
        method: 'PATCH',
        path: '/Account/10003',
        body: shippingContactPatch(s, {
          title: 'Ms.',
          firstName: 'Ada',
          lastName: 'Byron',
          email: 'ada@planned.example',
          phone: '+1-555-0199',
        }),
      },
    ]);
  });

  it('createContact follows the configured PATCH layout and contact type', async () => {
    await start({
      sim: { switches: { patchChildrenAt: 'details', accountContactsKey: 'accountContacts' } },
      source: {
        options: { contactType: 'billing', patch: { childrenAt: 'details', accountContactsKey: 'accountContacts' } },
      },
    });
    const fresh = dataOf(
      await gw.execute(ACCOUNT, { input: { source: SOURCE, name: 'Needs Billing Inc' } }),
    ).createAccount;
    const { dry } = await dryThenReal('createContact', {
      lastName: 'Payer',
      emails: ['pay@planned.example'],
      accountId: fresh.account.id,
    });
    expect(dry.plannedRequests[0]).toMatchObject({
      method: 'PATCH',
      path: `/Account/${fresh.account.remoteId}`,
      body: {
        details: {
          accountContacts: {
            items: [
              {
                patchClientId: 1,
                lastName: 'Payer',
                details: { contactPoints: { items: [{ value: 'pay@planned.example' }] } },
              },
            ],
          },
        },
      },
    });
  });

  describe('bad input: the same userErrors with and without dryRun, no plan, nothing written', () => {
    const cases: Array<[string, SetupOptions, Mutation, Record<string, unknown>, string[]]> = [
      // [name, setup, mutation, input, userError codes]
      [
        'an account with fields v6 accounts have no place for',
        {},
        'createAccount',
        { name: 'X', emails: ['a@b.example'], website: 'https://x.example', address: { city: 'Oslo' } },
        ['UNSUPPORTED', 'UNSUPPORTED', 'UNSUPPORTED'],
      ],
      [
        'a contact of an account that does not exist',
        {},
        'createContact',
        { lastName: 'X', accountId: account(99999) },
        ['NOT_FOUND'],
      ],
      [
        'a contact with a middle name and a job title',
        {},
        'createContact',
        { lastName: 'X', middleName: 'K', jobTitle: 'CTO', accountId: account(10003) },
        ['UNSUPPORTED', 'UNSUPPORTED'],
      ],
      [
        'a second Billing contact, without the e-mail a Billing contact needs',
        { source: { options: { contactType: 'billing' } } },
        'createContact',
        { lastName: 'X', accountId: account(10003) },
        ['REQUIRED', 'CONFLICT'],
      ],
    ];

    it.each(cases)('%s', async (_name, options, mutation, input, codes) => {
      await start(options);
      const before = holdings(s);
      const real = await run(mutation, input);
      const dry = await run(mutation, { ...input, dryRun: true });
      expect(real.userErrors.map((e: { code: string }) => e.code)).toEqual(codes);
      expect(dry).toEqual({ ...real, plannedRequests: null });
      expect(dry[RECORD[mutation]]).toBeNull();
      expect(writes()).toEqual([]);
      expect(holdings(s)).toEqual(before);
    });
  });
});
