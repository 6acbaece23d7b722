import { useSimulator } from './harness';

/** The switches for behaviour the vendor does not document, in their non-default positions. */
describe('Pipeliner simulator: lenient switches', () => {
  const h = useSimulator({
    size: { accounts: 3, contacts: 3, opportunities: 20 },
    undeclaredParameters: 'ignore',
    unflaggedLabel: 'zero',
  });

  it('drops parameters an endpoint does not take under undeclaredParameters: ignore', async () => {
    const contact = h.sim.records('Contacts')[0]!;
    const res = await h.call('GET', `/entities/Contacts/${contact.id}`, { query: { 'load-only': 'id' } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data).length).toBeGreaterThan(1);
  });

  it('renders an unflagged opportunity as 0 under unflaggedLabel: zero', async () => {
    const unflagged = h.sim.records('Opportunities').find((o) => o['label_flag'] === null)!;
    const res = await h.call('GET', `/entities/Opportunities/${unflagged.id}`);
    expect(res.body.data.label_flag).toBe(0);
  });
});
