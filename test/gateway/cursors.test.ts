import { CursorCodec } from '../../src/core/paging';
import { dataOf, demoGateway, vendorRequests } from '../support/gateway';

/** Signed cursors: a page's cursor works, a forged or tampered one is refused before any vendor call. */
describe('list cursors', () => {
  const PAGE = `query ($after: String) { contacts(first: 2, after: $after, sources: ["pipeliner"]) {
    edges { node { id } } pageInfo { endCursor }
  } }`;

  it('follows its own cursor, and refuses a tampered or foreign one without asking a vendor', async () => {
    const { demo, gateway } = await demoGateway();
    try {
      const first = dataOf(await gateway.execute(PAGE));
      const cursor = first.contacts.pageInfo.endCursor as string;
      const second = dataOf(await gateway.execute(PAGE, { after: cursor }));
      expect(second.contacts.edges).toHaveLength(2);
      expect(second.contacts.edges[0].node.id).not.toBe(first.contacts.edges[0].node.id);

      // The paging state inside, changed (here: skip 0 → 1, a forged offset): refused.
      const [body, tag] = cursor.split('.');
      const state = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
      state.p.pipeliner[1] = 1;
      const tampered = `${Buffer.from(JSON.stringify(state)).toString('base64url')}.${tag}`;
      const foreign = CursorCodec.ephemeral().encode({ positions: { pipeliner: { state: 'x', skip: 0 } } });
      for (const after of [tampered, foreign, 'not-a-cursor', `${body}`]) {
        const answer = await gateway.execute(PAGE, { after });
        expect(answer.errors?.[0]).toMatchObject({ message: '`after` is not a cursor from this list', extensions: { code: 'BAD_USER_INPUT' } });
        expect(vendorRequests(answer)).toBe(0);
      }
    } finally {
      await gateway.stop();
      await demo.stop();
    }
  });

  it('is taken by another gateway with the same secret', () => {
    const secret = Buffer.from('a shared secret of thirty-two bytes!!');
    const cursor = new CursorCodec(secret).encode({ positions: { a: { state: 'p2', skip: 3 } } });
    expect(new CursorCodec(Buffer.from(secret)).decode(cursor)).toEqual({ positions: { a: { state: 'p2', skip: 3 } } });
    expect(() => new CursorCodec(Buffer.from('another secret of thirty-two bytes!')).decode(cursor)).toThrow('not a cursor');
  });
});
