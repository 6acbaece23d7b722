import type { CreateContactCommand } from '../../../src/core/connector';
import type { SimResponse } from '../../../src/simulators/kit';
import { recordingCall } from '../../support/calls';
import { createOne, expectNoPendingFaults, startLogiSense, type Setup } from './harness';

/**
 * A contact create against the documented PATCH (seed 004): the body puts the children beside
 * an empty `details`, and the answer names what was created by `dtoTypeKey` and `action` only —
 * no `patchClientId` echo, no item for the untouched account. What was created is told from
 * that shape, or read back when the answer does not list every contact point.
 */
const ada: CreateContactCommand = {
  firstName: 'Ada',
  lastName: 'Byron',
  title: 'Ms.',
  emails: ['ada@analytical.example'],
  phones: ['+1-555-0100'],
  accountId: '10003',
};

const PATCH = { method: 'PATCH', pathIncludes: '/Account/10003' } as const;

/** The committed answer with only the items `keep` selects, as seed 004's sample lists the contact alone. */
function keepItems(keep: (item: Record<string, unknown>) => boolean): (committed: SimResponse) => SimResponse {
  return (committed) => {
    const body = committed.body as { results: { items: Array<Record<string, unknown>> } };
    const items = body.results.items.filter(keep);
    return { ...committed, body: { ...body, results: { totalCount: items.length, items } } };
  };
}

describe('LogiSense connector: a contact create read from the documented answer', () => {
  let s: Setup;
  afterEach(async () => {
    expectNoPendingFaults(s);
    await s.close();
  });

  it('sends the seed 004 layout: children beside an empty details', async () => {
    s = await startLogiSense();
    await createOne(s.connector, 'CONTACT', ada, recordingCall());
    const body = s.sim.server.requests('PATCH')[0]?.body as Record<string, any>;
    expect(Object.keys(body)).toEqual(['details', 'contacts']);
    expect(body['details']).toEqual({});
    expect(body['contacts'].items[0]).toMatchObject({ patchType: 'create', lastName: 'Byron' });
    expect(body['contacts'].items[0].contactPoints.items.map((p: { value: string }) => p.value)).toEqual([
      'ada@analytical.example',
      '+1-555-0100',
    ]);
  });

  it('answers the new contact with its e-mails and phones from an answer without patchClientId', async () => {
    s = await startLogiSense();
    const { record, warnings } = await createOne(s.connector, 'CONTACT', ada, recordingCall());
    expect(warnings).toEqual([]);
    expect(record).toMatchObject({
      lastName: 'Byron',
      emails: ['ada@analytical.example'],
      phones: ['+1-555-0100'],
      primaryAccountId: '10003',
    });
    expect(s.sim.store.contactsOfAccount(10003).map((c) => String(c.identity))).toContain(record.remoteId);
    // Everything came from the answer: no read after the PATCH.
    expect(s.calls().at(-1)).toBe('PATCH Account/10003');
  });

  it('reads the contact back when the answer lists the contact alone, as the seed 004 sample does', async () => {
    s = await startLogiSense();
    s.sim.server.afterNext({ match: PATCH, answer: keepItems((i) => i['dtoTypeKey'] === 'contact') });
    const { record, warnings } = await createOne(s.connector, 'CONTACT', ada, recordingCall());
    expect(warnings).toEqual([]);
    expect(record).toMatchObject({ emails: ['ada@analytical.example'], phones: ['+1-555-0100'] });
    expect(s.calls().slice(-2)).toEqual(['PATCH Account/10003', `GET Contact/${record.remoteId}/Detail`]);
  });

  it('answers what was sent, with a warning and never an error, when neither the answer nor the read-back can be used', async () => {
    s = await startLogiSense();
    s.sim.server.afterNext({ match: PATCH, answer: keepItems((i) => i['dtoTypeKey'] === 'contact') });
    s.sim.server.failNext({ status: 503, match: { method: 'GET', pathIncludes: '/Contact/' }, nth: 1 }, 3);
    const { record, warnings } = await createOne(s.connector, 'CONTACT', ada, recordingCall());
    expect(record).toMatchObject({ lastName: 'Byron', emails: ['ada@analytical.example'], phones: ['+1-555-0100'] });
    expect(warnings).toEqual([
      `LogiSense confirmed the contact (identity ${record.remoteId}) but neither its answer nor a read of it could be used: the record shown is what was sent`,
    ]);
    expect(s.sim.store.contactPointsOf(Number(record.remoteId))).toHaveLength(2);
  });
});
