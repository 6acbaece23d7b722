import type { CreateContactCommand } from '../../../src/core/connector';
import { InputRejected, type UserError } from '../../../src/core/errors';
import { recordingCall } from '../../support/calls';
import {
  createOne,
  shippingContactPatch,
  expectNoPendingFaults,
  holdings,
  type Setup,
  startLogiSense,
} from './harness';

const contact = (over: Partial<CreateContactCommand> = {}): CreateContactCommand => ({
  firstName: 'Ada',
  lastName: 'Byron',
  title: 'Ms.',
  emails: ['ada@analytical.example'],
  phones: ['+1-555-0100'],
  accountId: '10003',
  ...over,
});

async function userErrors(promise: Promise<unknown>): Promise<UserError[]> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof InputRejected)) throw new Error(`expected InputRejected, got ${String(err)}`);
  return err.userErrors;
}

describe('LogiSense connector: creates', () => {
  let s: Setup;
  afterEach(async () => {
    expectNoPendingFaults(s);
    await s.close();
  });

  it('creates an account with POST Account and only its name', async () => {
    s = await startLogiSense();
    const call = recordingCall();
    const { record, warnings } = await createOne(
      s.connector,
      'ACCOUNT',
      { name: '  Analytical Engines Ltd ', emails: [], phones: [] },
      call,
    );
    expect(warnings).toEqual([]);
    const stored = s.sim.store.account(Number(record.remoteId))!;
    expect(record).toMatchObject({
      entity: 'ACCOUNT',
      source: 'logisense',
      name: 'Analytical Engines Ltd',
      emails: [],
    });
    expect(stored.name).toBe('Analytical Engines Ltd');
    expect(s.sim.server.requests('POST', '/Account').map((r) => r.body)).toEqual([{ name: 'Analytical Engines Ltd' }]);
    expect(call.events).toHaveLength(2); // login + POST
  });

  it('reads a bare create item as well as the wrapped one', async () => {
    s = await startLogiSense({ sim: { switches: { writeItemShape: 'bare' } } });
    const { record } = await createOne(
      s.connector,
      'ACCOUNT',
      { name: 'Bare Item Co', emails: [], phones: [] },
      recordingCall(),
    );
    expect(s.sim.store.account(Number(record.remoteId))?.name).toBe('Bare Item Co');
  });

  it('creates a contact under its account with one PATCH carrying its e-mail and phone as contact points', async () => {
    s = await startLogiSense();
    const call = recordingCall();
    const { record } = await createOne(s.connector, 'CONTACT', contact(), call);
    expect(record).toMatchObject({
      entity: 'CONTACT',
      firstName: 'Ada',
      lastName: 'Byron',
      name: 'Ada Byron',
      title: 'Ms.',
      emails: ['ada@analytical.example'],
      phones: ['+1-555-0100'],
      primaryAccountId: '10003',
    });
    const id = Number(record.remoteId);
    expect(s.sim.store.accountsOfContact(id).map((a) => a.identity)).toEqual([10003]);
    const types = new Map(s.sim.store.contactPointTypes().map((t) => [t.identity, t]));
    const points = s.sim.store.contactPointsOf(id).map((p) => [types.get(p.contactPointTypeId)?.name, p.value]);
    expect(points).toEqual([
      ['email', 'ada@analytical.example'],
      ['phone', '+1-555-0100'],
    ]);
    // Default contact type: the first reusable one (back-end "Other"), and points of that type.
    const shipping = s.sim.store.contactTypes().find((t) => t.name === 'Shipping')!;
    expect(s.sim.store.contact(id)?.contactTypeId).toBe(shipping.identity);
    expect(
      s.sim.store
        .contactPointsOf(id)
        .every((p) => types.get(p.contactPointTypeId)?.contactTypeId === shipping.identity),
    ).toBe(true);

    expect(s.calls()).toEqual([
      'POST login',
      'GET ContactType',
      'GET ContactPointType',
      'GET Account/10003/Detail',
      'PATCH Account/10003',
    ]);
    expect(s.sim.server.requests('PATCH')[0]?.body).toEqual(
      shippingContactPatch(s, {
        title: 'Ms.',
        firstName: 'Ada',
        lastName: 'Byron',
        email: 'ada@analytical.example',
        phone: '+1-555-0100',
      }),
    );
  });

  it('follows the configured PATCH layout when a tenant nests children inside details under other keys', async () => {
    s = await startLogiSense({
      sim: { switches: { patchChildrenAt: 'details', accountContactsKey: 'accountContacts' } },
      source: { options: { patch: { childrenAt: 'details', accountContactsKey: 'accountContacts' } } },
    });
    const { record } = await createOne(s.connector, 'CONTACT', contact(), recordingCall());
    expect(s.sim.store.accountsOfContact(Number(record.remoteId)).map((a) => a.identity)).toEqual([10003]);
    const body = s.sim.server.requests('PATCH')[0]?.body as Record<string, any>;
    expect(Object.keys(body)).toEqual(['details']);
    expect(Object.keys(body['details'].accountContacts.items[0].details)).toEqual(['contactPoints']);
    const [read] = await s.connector.getMany('CONTACT', [record.remoteId], recordingCall());
    expect(read).toMatchObject({ primaryAccountId: '10003', emails: ['ada@analytical.example'] });
  });

  it('uses the configured contact type, and refuses a second Billing contact or one without e-mail before sending', async () => {
    s = await startLogiSense({ source: { options: { contactType: 'billing' } } });
    const before = holdings(s);
    expect(await userErrors(createOne(s.connector, 'CONTACT', contact({ emails: [] }), recordingCall()))).toEqual([
      { field: ['emails'], message: "a Billing contact needs a 'email' contact point (notes §2.2)", code: 'REQUIRED' },
      {
        field: ['accountId'],
        message: 'the account already has its one Billing contact (notes §2.2)',
        code: 'CONFLICT',
      },
    ]);
    expect(holdings(s)).toEqual(before);
    expect(s.sim.server.requests('PATCH')).toEqual([]);
    const fresh = await createOne(
      s.connector,
      'ACCOUNT',
      { name: 'Needs Billing Inc', emails: [], phones: [] },
      recordingCall(),
    );
    const { record } = await createOne(
      s.connector,
      'CONTACT',
      contact({ accountId: fresh.record.remoteId }),
      recordingCall(),
    );
    expect(s.sim.store.contact(Number(record.remoteId))?.contactTypeId).toBe(1);
  });

  it('refuses input LogiSense has no place for, or a missing account, and writes nothing', async () => {
    s = await startLogiSense();
    const before = holdings(s);
    expect(
      await userErrors(
        createOne(
          s.connector,
          'CONTACT',
          contact({ accountId: undefined, jobTitle: 'CTO', middleName: 'K' }),
          recordingCall(),
        ),
      ),
    ).toEqual([
      {
        field: ['accountId'],
        message: 'a LogiSense contact belongs to an account (seed 004); pass accountId',
        code: 'REQUIRED',
      },
      { field: ['middleName'], message: 'LogiSense v6 contacts have no middle name', code: 'UNSUPPORTED' },
      {
        field: ['jobTitle'],
        message: 'LogiSense v6 contacts have no job title (title is the salutation)',
        code: 'UNSUPPORTED',
      },
    ]);
    expect(
      await userErrors(createOne(s.connector, 'CONTACT', contact({ accountId: '99999' }), recordingCall())),
    ).toEqual([{ field: ['accountId'], message: 'no account 99999 in source "logisense"', code: 'NOT_FOUND' }]);
    expect(
      await userErrors(
        createOne(
          s.connector,
          'ACCOUNT',
          {
            // A blank name is the gateway's own check (every vendor needs one), not this connector's.
            name: 'Mailbox Ltd',
            emails: ['a@b.example'],
            phones: ['1'],
            website: 'https://x.example',
            address: { city: 'Oslo' },
          },
          recordingCall(),
        ),
      ),
    ).toEqual([
      {
        field: ['emails'],
        message: 'LogiSense v6 accounts have no e-mail of their own; give it to a contact of the account',
        code: 'UNSUPPORTED',
      },
      {
        field: ['phones'],
        message: 'LogiSense v6 accounts have no phone of their own; give it to a contact of the account',
        code: 'UNSUPPORTED',
      },
      { field: ['website'], message: 'LogiSense v6 accounts have no website field', code: 'UNSUPPORTED' },
      { field: ['address'], message: 'LogiSense keeps addresses on contacts, not on accounts', code: 'UNSUPPORTED' },
    ]);
    expect(holdings(s)).toEqual(before);
    expect(s.sim.server.log.filter((r) => r.method === 'POST' || r.method === 'PATCH').map((r) => r.path)).toEqual([
      '/AuthorizationServer/api/v6/Access/Login',
    ]);
  });

  it('maps every vendor validation error back onto the input field it names', async () => {
    s = await startLogiSense();
    const at = 'contacts.items[0]';
    s.sim.server.failNext({
      status: 400,
      match: { method: 'PATCH' },
      body: {
        trackingId: '3f1d9c0e-0000-4000-8000-000000000001',
        type: 'patch',
        errors: [
          { code: 11900002, message: `${at}.contactPoints.items[1].value 'b@x' is not an e-mail address.` },
          { code: 11900002, message: `${at}.contactPoints.items[2].value is too long.` },
          { code: 11900002, message: `${at}.lastName is too long.` },
          { code: 11900004, message: 'Account 10003 would have 2 Billing contacts; an account has at most one.' },
        ],
      },
    });
    const errors = await userErrors(
      createOne(s.connector, 'CONTACT', contact({ emails: ['a@x.example', 'b@x.example'] }), recordingCall()),
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      [['emails', '1'], 'REJECTED'],
      [['phones', '0'], 'REJECTED'],
      [['lastName'], 'REJECTED'],
      [null, 'REJECTED'],
    ]);
    expect(errors[0]?.message).toBe(
      `LogiSense rejected the contact create: ${at}.contactPoints.items[1].value 'b@x' is not an e-mail address.`,
    );
  });

  it('answers NOT_FOUND on accountId when the account disappears between the check and the PATCH', async () => {
    s = await startLogiSense();
    s.sim.server.failNext({
      status: 404,
      match: { method: 'PATCH' },
      body: { type: 'patch', errors: [{ code: 10000404, message: 'Account 10003 was not found.' }] },
    });
    expect(await userErrors(createOne(s.connector, 'CONTACT', contact(), recordingCall()))).toEqual([
      { field: ['accountId'], message: 'no account 10003 in source "logisense"', code: 'NOT_FOUND' },
    ]);
  });

  it('sends a write refused with 401 once more after one re-login, and writes it once', async () => {
    s = await startLogiSense();
    await s.connector.getMany('ACCOUNT', ['10001'], recordingCall());
    s.sim.expireAllTokens();
    const before = holdings(s);
    const { record } = await createOne(
      s.connector,
      'ACCOUNT',
      { name: 'After Expiry', emails: [], phones: [] },
      recordingCall(),
    );
    expect(holdings(s)).toEqual({ ...before, accounts: before.accounts + 1 });
    expect(s.calls().slice(2)).toEqual(['POST Account → 401', 'POST login', 'POST Account']);
    expect(record.name).toBe('After Expiry');
  });

  it('never retries a create that failed on the vendor side', async () => {
    s = await startLogiSense();
    s.sim.server.failNext({ status: 502, match: { method: 'POST', pathIncludes: '/Account' } });
    await expect(
      createOne(s.connector, 'ACCOUNT', { name: 'Maybe', emails: [], phones: [] }, recordingCall()),
    ).rejects.toMatchObject({
      code: 'SOURCE_OUTCOME_UNKNOWN',
    });
    expect(s.calls()).toEqual(['POST login', 'POST Account → 502']);
  });

  it('answers a confirmed account whose answer it cannot read as what was sent, with a warning, never an error', async () => {
    s = await startLogiSense();
    s.sim.server.failNext({
      status: 200,
      match: { method: 'POST', pathIncludes: '/Account' },
      body: {
        type: 'create',
        results: { items: [{ identity: 10777, dtoTypeKey: 'account', instance: { identity: 10777 } }] },
      },
    });
    const { record, warnings } = await createOne(
      s.connector,
      'ACCOUNT',
      { name: 'Odd Answer Ltd', emails: [], phones: [] },
      recordingCall(),
    );
    expect(record).toMatchObject({ entity: 'ACCOUNT', remoteId: '10777', name: 'Odd Answer Ltd' });
    expect(warnings).toEqual([
      'LogiSense confirmed the account (identity 10777) but its answer could not be read: the record shown is what was sent',
    ]);
  });

  it('answers SOURCE_OUTCOME_UNKNOWN for a write accepted with an answer that names no record', async () => {
    s = await startLogiSense();
    s.sim.server.failNext({ status: 200, match: { method: 'PATCH' }, body: { type: 'patch', results: { items: [] } } });
    await expect(createOne(s.connector, 'CONTACT', contact(), recordingCall())).rejects.toMatchObject({
      code: 'SOURCE_OUTCOME_UNKNOWN',
    });
  });

  it('gives an account its one Billing contact once among the inputs of one call', async () => {
    s = await startLogiSense({ source: { options: { contactType: 'billing' } } });
    const fresh = await createOne(
      s.connector,
      'ACCOUNT',
      { name: 'Two Payers Inc', emails: [], phones: [] },
      recordingCall(),
    );
    const writes = s.connector.writes.CONTACT!;
    const drafts = await writes.draft(
      [contact({ accountId: fresh.record.remoteId }), contact({ accountId: fresh.record.remoteId, lastName: 'Other' })],
      recordingCall(),
    );
    expect(drafts[0]).not.toBeInstanceOf(InputRejected);
    expect((drafts[1] as InputRejected).userErrors).toEqual([
      {
        field: ['accountId'],
        message: 'another input already gives the account its one Billing contact (notes §2.2)',
        code: 'CONFLICT',
      },
    ]);
  });
});
