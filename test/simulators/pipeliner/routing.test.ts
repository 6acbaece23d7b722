import { basic, useSimulator } from './harness';

const h = useSimulator();

describe('Pipeliner simulator: authentication', () => {
  it('rejects a request without credentials with 401 and an Error body', async () => {
    const res = await h.call('GET', '/entities/Contacts', { auth: false });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, http_status: 401, code: 401, name: 'ERROR_UNAUTHORIZED' });
  });

  it('rejects a wrong key pair with 401', async () => {
    const res = await h.call('GET', '/entities/Contacts', { auth: basic(h.sim.credentials.username, 'nope') });
    expect(res.status).toBe(401);
    expect(res.body.success).toBe(false);
  });

  it('rejects a non-Basic Authorization scheme with 401', async () => {
    const res = await h.call('GET', '/entities/Contacts', { auth: 'Bearer abc' });
    expect(res.status).toBe(401);
  });

  it('answers an unknown space with 404 Error "Space not found."', async () => {
    const res = await h.callUrl('GET', `${h.sim.url}/api/v100/rest/spaces/other_Space/entities/Contacts`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 404,
      name: 'ERROR_NOT_FOUND',
      message: 'Space not found.',
      http_status: 404,
      success: false,
    });
  });

  it('never records credentials in the request log', async () => {
    await h.call('GET', '/entities/Contacts');
    expect(JSON.stringify(h.sim.server.log)).not.toContain(h.sim.credentials.password);
  });
});

describe('Pipeliner simulator: routing and error bodies', () => {
  it('answers an unknown entity plural with 404 code 2006 ERROR_UNKNOWN_TYPE', async () => {
    const res = await h.call('GET', '/entities/Contact');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 2006,
      name: 'ERROR_UNKNOWN_TYPE',
      message: 'cannot determine entity type from Contact',
      http_status: 404,
      success: false,
    });
  });

  it('answers a URL that matches no route with the framework-style 404 body', async () => {
    for (const path of ['/api/v100/rest/spaces/demo_Space/contacts', '/api/v99/anything', '/']) {
      const res = await h.callUrl('GET', `${h.sim.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        status: 404,
        message:
          'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
        errorcode: null,
        traceback: null,
      });
    }
  });

  it('answers an unknown record id with 404 and an Error body', async () => {
    const id = '01234567-abcd-dcba-ffff-000000000000';
    const res = await h.call('GET', `/entities/Accounts/${id}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 404,
      name: 'ERROR_NOT_FOUND',
      message: `Account with id '${id}' not found.`,
      http_status: 404,
      success: false,
    });
  });

  it('answers a method the route does not serve with the framework-style 405', async () => {
    const res = await h.call('PUT', '/entities/Accounts');
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ status: 405, errorcode: null, traceback: null });
  });

  it('serves batch endpoints for Clients too, as the spec declares them', async () => {
    const res = await h.call('POST', '/entities/Clients/batch-delete', { body: [] });
    expect(res.status).toBe(200);
  });

  it('answers a method the path does not serve with the framework-style 405', async () => {
    const res = await h.call('PUT', '/entities/Contacts');
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ status: 405, errorcode: null, traceback: null });
  });

  it('answers a body that is not JSON with 400 code 117 "Missing or invalid JSON data."', async () => {
    const res = await h.call('POST', '/entities/Accounts', { raw: '{"name": ' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 117,
      name: 'ERROR_PARAMETER_INVALID',
      message: 'Missing or invalid JSON data.',
      http_status: 400,
      success: false,
    });
  });

  it('answers an empty create body with the same 400 code 117', async () => {
    const res = await h.call('POST', '/entities/Accounts', { raw: '' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(117);
  });

  it('rejects a field the entity does not have with 400 code 117 naming it', async () => {
    const owner = h.sim.records('Clients')[0]!.id;
    const res = await h.call('POST', '/entities/Accounts', { body: { name: 'X', owner_id: owner, email: 'a@b.c' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 117, message: "Unknown field 'email' in Account." });
  });

  it('builds relation URLs from the host the client used', async () => {
    const res = await h.call('GET', '/entities/Accounts', { query: { first: 1 } });
    expect(res.body.data[0].owner).toBe(`${h.sim.apiBase}/entities/Clients/${res.body.data[0].owner_id}`);
  });
});
