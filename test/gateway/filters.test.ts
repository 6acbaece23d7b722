import type { Demo } from '../../src/demo';
import type { Gateway } from '../../src/server';
import { demoGateway, vendorRequests } from '../support/gateway';

/** A filter that filters nothing is refused, naming the field, before any vendor is asked. */
describe('blank filter values', () => {
  let demo: Demo;
  let gateway: Gateway;
  beforeAll(async () => {
    ({ demo, gateway } = await demoGateway());
  });
  afterAll(async () => {
    await gateway.stop();
    await demo.stop();
  });

  it.each([
    ['contacts', 'email', ''],
    ['contacts', 'name', '   '],
    ['accounts', 'name', ''],
    ['accounts', 'email', '\t'],
  ])('%s(filter: { %s: %j }) is BAD_USER_INPUT with no vendor request', async (list, field, value) => {
    const answer = await gateway.execute(`query ($v: String) { ${list}(filter: { ${field}: $v }) { edges { node { id } } } }`, { v: value });
    expect(answer.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining(`filter.${field} cannot be empty`), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    expect(vendorRequests(answer)).toBe(0);
  });
});
