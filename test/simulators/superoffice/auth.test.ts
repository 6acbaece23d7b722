import { rawFetch, startSim, useFreshSim } from './harness';

const h = useFreshSim();

const denied = { Message: 'Authorization has been denied for this request.' };

describe('SuperOffice simulator authentication', () => {
  it('serves under /{tenant}/api/v1 and exposes the tenant and credentials', () => {
    expect(h.sim.tenant).toBe('Cust12345');
    expect(h.sim.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/Cust12345\/api\/v1$/);
    expect(h.sim.credentials.accessToken).toMatch(/^8A:/);
    expect(h.sim.credentials.ticket).toMatch(/^7T:/);
  });

  it('accepts a bearer access token', async () => {
    const res = await rawFetch(`${h.sim.apiBase}/Contact/2`, { headers: { Authorization: `Bearer ${h.sim.credentials.accessToken}` } });
    expect(res.status).toBe(200);
  });

  it('accepts SOTicket with the SO-AppToken header, whatever the keyword casing', async () => {
    for (const scheme of ['SOTicket', 'SOTICKET', 'SoTicket']) {
      const res = await rawFetch(`${h.sim.apiBase}/Contact/2`, {
        headers: { Authorization: `${scheme} ${h.sim.credentials.ticket}`, 'SO-AppToken': h.sim.credentials.appToken },
      });
      expect(res.status).toBe(200);
    }
  });

  it('refuses SOTicket without the SO-AppToken online', async () => {
    const res = await rawFetch(`${h.sim.apiBase}/Contact/2`, { headers: { Authorization: `SOTicket ${h.sim.credentials.ticket}` } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(denied);
  });

  it('refuses Basic authentication online even with right credentials', async () => {
    const basic = Buffer.from('sim:sim').toString('base64');
    const res = await rawFetch(`${h.sim.apiBase}/Contact/2`, { headers: { Authorization: `Basic ${basic}` } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(denied);
  });

  it('answers 401 for a missing or unknown credential', async () => {
    expect((await rawFetch(`${h.sim.apiBase}/Contact/2`)).status).toBe(401);
    expect((await rawFetch(`${h.sim.apiBase}/Contact/2`, { headers: { Authorization: 'Bearer 8A:nope' } })).status).toBe(401);
    expect((await rawFetch(`${h.sim.apiBase}/Contact/2`, { headers: { Authorization: 'Negotiate abc' } })).status).toBe(401);
  });

  it('answers 401 for expired credentials until they are renewed', async () => {
    h.sim.expireCredentials();
    expect((await h.get('/Contact/2')).status).toBe(401);
    expect((await h.get('/Contact/2', h.sim.authHeaders('ticket'))).status).toBe(401);
    const next = h.sim.renewCredentials();
    expect(next.accessToken).not.toBe(h.sim.options.accessToken);
    expect((await h.get('/Contact/2')).status).toBe(200);
  });

  it('never records credential headers in the request log', async () => {
    await h.get('/Contact/2');
    expect(JSON.stringify(h.sim.server.log)).not.toContain(h.sim.credentials.accessToken);
  });

  it('answers 404 for another tenant and 421 when the wrong-subdomain switch is on', async () => {
    const other = await rawFetch(`${h.sim.server.url}/Cust99999/api/v1/Contact/2`, { headers: h.sim.authHeaders() });
    expect(other.status).toBe(404);
    h.sim.setWrongSubdomain(true);
    const res = await h.get('/Contact/2');
    expect(res.status).toBe(421);
    expect(res.body.ErrorMessage).toBe('Wrong subdomain used to access tenant');
  });

  it('reports the tenant state without credentials and answers 503 during offline maintenance', async () => {
    const state = await rawFetch(`${h.sim.server.url}/api/state/Cust12345`);
    expect(state.body).toMatchObject({ ContextIdentifier: 'Cust12345', State: 'Running', IsRunning: true });
    h.sim.setTenantState('OfflineMaintenance');
    expect((await h.get('/Contact/2')).status).toBe(503);
    expect((await rawFetch(`${h.sim.server.url}/api/state/Cust12345`)).body.IsRunning).toBe(false);
  });

  it('answers the version block at /{tenant}/api without credentials', async () => {
    const res = await rawFetch(`${h.sim.server.url}/Cust12345/api`);
    expect(res.status).toBe(200);
    expect(res.body.v1).toBe(h.sim.apiBase);
  });
});

describe('SuperOffice simulator authentication with switches', () => {
  it('accepts Basic onsite', async () => {
    const onsite = await startSim({ deployment: 'onsite', tenant: 'SuperOffice', basicAuth: { user: 'u', password: 'p' } });
    try {
      const ok = await rawFetch(`${onsite.sim.apiBase}/Contact/2`, { headers: { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` } });
      expect(ok.status).toBe(200);
      const ticketOnly = await rawFetch(`${onsite.sim.apiBase}/Contact/2`, { headers: { Authorization: `SOTicket ${onsite.sim.credentials.ticket}` } });
      expect(ticketOnly.status).toBe(200);
    } finally {
      await onsite.close();
    }
  });

  it('answers 403 for expired credentials when configured so', async () => {
    const s = await startSim({ expiredCredentialStatus: 403 });
    try {
      s.sim.expireCredentials();
      expect((await s.get('/Contact/2')).status).toBe(403);
    } finally {
      await s.close();
    }
  });
});
