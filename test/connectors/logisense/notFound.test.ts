import { logiSenseConnector, logisenseSourceSchema } from '../../../src/connectors/logisense';
import { GatewayError, InputRejected } from '../../../src/core/errors';
import { recordingCall } from '../../support/calls';
import { createOne, expectNoPendingFaults, startLogiSense, type Setup } from './harness';

/**
 * 404s. Only LogiSense's own error envelope (`errors[]`) says "no such record", and only that is
 * a null. A 404 without it — the Web API framework's `{message}` for a route that does not
 * exist, or the web server's page for a path outside the applications — means the source points
 * at the wrong place: a typed source error naming the configuration, never a silent null.
 */
const routeMiss = (path: string) => ({
  status: 404,
  body: {
    trackingId: '0b7c2f4e-0000-4000-8000-000000000404',
    message: `No HTTP resource was found that matches the request URI '${path}'.`,
  },
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  );
}

function expectRouteNotFound(err: unknown): void {
  expect(err).toBeInstanceOf(GatewayError);
  const e = err as GatewayError;
  expect(e.code).toBe('SOURCE_REJECTED');
  expect(e.detail).toMatchObject({ source: 'logisense', httpStatus: 404, vendorCode: 'ROUTE_NOT_FOUND' });
  expect(e.message).toContain('configured baseUrl');
}

describe('LogiSense connector: what a 404 means', () => {
  let s: Setup;
  afterEach(async () => {
    expectNoPendingFaults(s);
    await s.close();
  });

  it('answers null for an unknown record (the vendor 404 with its error envelope)', async () => {
    s = await startLogiSense();
    expect(await s.connector.getMany('ACCOUNT', ['19999'], recordingCall())).toEqual([null]);
    expect(await s.connector.getMany('CONTACT', ['29999'], recordingCall())).toEqual([null]);
  });

  it('sends nothing for an id beyond the int route constraint, which no record can have', async () => {
    s = await startLogiSense();
    expect(await s.connector.getMany('ACCOUNT', ['9999999999'], recordingCall())).toEqual([null]);
    expect(s.calls()).toEqual([]);
  });

  it('reports a read whose route is missing as the configuration, not as a missing record', async () => {
    s = await startLogiSense();
    s.sim.server.failNext({ ...routeMiss('/ResourceServer/api/v6/Account/10001/Detail'), match: { method: 'GET', pathIncludes: '/Account/10001' } });
    expectRouteNotFound(await failure(s.connector.getMany('ACCOUNT', ['10001'], recordingCall())));
  });

  it('reports a list whose route is missing as the configuration', async () => {
    s = await startLogiSense();
    s.sim.server.failNext({ ...routeMiss('/ResourceServer/api/v6/Currency'), match: { method: 'GET', pathIncludes: '/Currency' } });
    expectRouteNotFound(await failure(s.connector.listAll('CURRENCY', recordingCall())));
  });

  it('reports a contact create whose PATCH route is missing as the configuration, not as an unknown account', async () => {
    s = await startLogiSense();
    s.sim.server.failNext({ ...routeMiss('/ResourceServer/api/v6/Account/10003'), match: { method: 'PATCH' } });
    const err = await failure(
      createOne(s.connector, 'CONTACT', { lastName: 'Lost', emails: [], phones: [], accountId: '10003' }, recordingCall()),
    );
    expect(err).not.toBeInstanceOf(InputRejected);
    expectRouteNotFound(err);
  });

  it('reports a baseUrl that is not the tenant host at the login, naming the baseUrl and not the credentials', async () => {
    s = await startLogiSense();
    const c = s.sim.credentials;
    const wrong = logiSenseConnector(
      logisenseSourceSchema.parse({
        id: 'logisense',
        vendor: 'logisense',
        // A path below the host: neither IIS application lives there, so the web server answers.
        baseUrl: `${s.sim.url}/billing`,
        credentials: { clientId: c.clientId, username: c.username, password: c.password },
        timeoutMs: 5000,
        retryBaseMs: 5,
      }),
    );
    try {
      expectRouteNotFound(await failure(wrong.getMany('ACCOUNT', ['10001'], recordingCall())));
    } finally {
      await wrong.close();
    }
  });
});
