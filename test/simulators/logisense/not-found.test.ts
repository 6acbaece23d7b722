import { startSimulator, type Harness } from './support/harness';

/**
 * The three 404s a client meets, each from the layer that answers it: the resource application's
 * error envelope for an unknown record, the Web API framework's `{message}` for a route that does
 * not exist, and the web server's own page for a path outside both applications.
 */
describe('LogiSense simulator: 404 answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 2 });
  });
  afterAll(() => h.close());

  it('answers an unknown record with the error envelope', async () => {
    const answer = await h.get('Account/19999/Detail');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ type: 'get', errors: [{ message: 'Account 19999 was not found.' }] });
  });

  it('answers a route that does not exist with the framework body, which has no errors', async () => {
    const answer = await h.get('Opportunity/1');
    expect(answer.status).toBe(404);
    expect(answer.body['message']).toEqual(expect.stringContaining('No HTTP resource was found'));
    expect(answer.body).toHaveProperty('trackingId');
    expect(answer.body).not.toHaveProperty('errors');
  });

  it('answers a path outside both applications with the web server page, without a trackingId', async () => {
    const res = await fetch(`${h.sim.url}/billing/ResourceServer/api/v6/Account`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('404 - File or directory not found.');
  });
});
