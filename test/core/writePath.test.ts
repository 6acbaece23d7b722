import { GatewayError, InputRejected } from '../../src/core/errors';
import { createItems, KeyedWrites, type CreateItem, type IdempotencyStore } from '../../src/core/write';
import { defineWrites, type Committed } from '../../src/core/writes';
import { MemoryIdempotencyStore } from '../../src/idempotency';
import { recordingCall } from '../support/calls';

/** A fake vendor: names become records; "bad" is refused when drafted, "boom" fails its commit. */
interface Cmd {
  name: string;
}
interface Rec {
  id: string;
  name: string;
}

function fakeVendor(options: { batchSize?: number; failCall?: (call: number, names: string[]) => GatewayError | null } = {}) {
  const written: string[] = [];
  const calls: string[][] = [];
  const writes = defineWrites<Cmd, Rec, string>({
    batchSize: options.batchSize ?? 1,
    requiredOnCreate: ['name'],
    draft: (cmds) =>
      Promise.resolve(
        cmds.map((c) =>
          c.name === 'bad'
            ? new InputRejected([{ field: ['name'], message: 'bad is not a name', code: 'INVALID' }])
            : { payload: c.name, requests: [{ method: 'POST' as const, path: '/things', body: { name: c.name } }], warnings: [] },
        ),
      ),
    commit: (names) => {
      calls.push([...names]);
      const failure = options.failCall?.(calls.length, [...names]);
      if (failure?.code === 'SOURCE_OUTCOME_UNKNOWN') written.push(...names); // it broke after the vendor wrote
      if (failure) return Promise.reject(failure);
      return Promise.resolve(
        names.map((n): Committed<Rec> => {
          written.push(n);
          return { record: { id: `r${written.length}`, name: n }, warnings: [] };
        }),
      );
    },
  });
  return { writes, written, calls };
}

const unknown = () => new GatewayError('SOURCE_OUTCOME_UNKNOWN', 'the vendor did not answer in time; the record may or may not exist', { source: 'fake' });
const keyed = (name: string, key = 'k1'): CreateItem<Cmd> => ({ command: { name }, dryRun: false, key: { id: key, fingerprint: `fp-${name}` } });
const plain = (name: string): CreateItem<Cmd> => ({ command: { name }, dryRun: false });
const options = { ttlMs: 60_000, leaseMs: 5_000, waitMs: 2_000, retryMs: 20 };

describe('the batch orchestrator', () => {
  it('answers every item of 250 by index when the second of three chunks fails, and still sends the third', async () => {
    const vendor = fakeVendor({ batchSize: 100, failCall: (n) => (n === 2 ? unknown() : null) });
    const keys = new KeyedWrites(new MemoryIdempotencyStore(), options);
    const items = Array.from({ length: 250 }, (_, i) => plain(`n${i}`));
    const results = await createItems(vendor.writes, items, recordingCall(), keys);
    expect(vendor.calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(results.slice(0, 100).every((r) => r.kind === 'created')).toBe(true);
    expect(results.slice(100, 200).every((r) => r.kind === 'failed' && r.error.code === 'SOURCE_OUTCOME_UNKNOWN')).toBe(true);
    expect(results.slice(200).every((r) => r.kind === 'created')).toBe(true);
    results.forEach((r, i) => r.kind === 'created' && expect(r.record.name).toBe(`n${i}`));
  });

  it('keeps refused inputs out of the vendor call and answers them where they stood', async () => {
    const vendor = fakeVendor({ batchSize: 100 });
    const keys = new KeyedWrites(new MemoryIdempotencyStore(), options);
    const results = await createItems(vendor.writes, [plain('a'), plain('bad'), plain('c')], recordingCall(), keys);
    expect(vendor.calls).toEqual([['a', 'c']]);
    expect(results.map((r) => r.kind)).toEqual(['created', 'rejected', 'created']);
  });

  it('answers a dry run with the draft and sends nothing', async () => {
    const vendor = fakeVendor();
    const keys = new KeyedWrites(new MemoryIdempotencyStore(), options);
    const [result] = await createItems(vendor.writes, [{ command: { name: 'a' }, dryRun: true, key: { id: 'k', fingerprint: 'f' } }], recordingCall(), keys);
    expect(result).toEqual({ kind: 'planned', requests: [{ method: 'POST', path: '/things', body: { name: 'a' } }], warnings: [] });
    expect(vendor.calls).toEqual([]);
  });
});

describe('idempotency keys on the write path', () => {
  it('binds a key to an unknown outcome: five retries answer it and send nothing', async () => {
    const vendor = fakeVendor({ failCall: (n) => (n === 1 ? unknown() : null) });
    const keys = new KeyedWrites(new MemoryIdempotencyStore(), options);
    const first = await createItems(vendor.writes, [keyed('a')], recordingCall(), keys);
    const retries = [];
    for (let i = 0; i < 5; i++) retries.push((await createItems(vendor.writes, [keyed('a')], recordingCall(), keys))[0]);
    expect(vendor.calls).toHaveLength(1);
    expect(vendor.written).toEqual(['a']);
    for (const r of [first[0], ...retries]) {
      expect(r).toMatchObject({ kind: 'failed', error: { code: 'SOURCE_OUTCOME_UNKNOWN', message: unknown().message } });
    }
  });

  it('frees the key of an input the vendor refused, so the corrected input may use it', async () => {
    const vendor = fakeVendor();
    const keys = new KeyedWrites(new MemoryIdempotencyStore(), options);
    const refused = await createItems(vendor.writes, [{ ...keyed('bad'), key: { id: 'k', fingerprint: 'same' } }], recordingCall(), keys);
    const fixed = await createItems(vendor.writes, [{ ...keyed('good'), key: { id: 'k', fingerprint: 'same' } }], recordingCall(), keys);
    expect(refused[0]!.kind).toBe('rejected');
    expect(fixed[0]!.kind).toBe('created');
  });

  it('replays a created record, and refuses the key with another input', async () => {
    const vendor = fakeVendor();
    const keys = new KeyedWrites(new MemoryIdempotencyStore(), options);
    const [first] = await createItems(vendor.writes, [keyed('a')], recordingCall(), keys);
    const [again] = await createItems(vendor.writes, [keyed('a')], recordingCall(), keys);
    const [other] = await createItems(vendor.writes, [keyed('b')], recordingCall(), keys);
    expect(again).toEqual({ ...first, replayed: true });
    expect(other).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
    expect(vendor.written).toEqual(['a']);
  });

  it('refuses a keyed create with a retryable error, sending nothing, when the store is away before the write', async () => {
    const vendor = fakeVendor();
    const keys = new KeyedWrites(new FlakyStore({ claimFails: true }), options);
    const [result] = await createItems(vendor.writes, [keyed('a')], recordingCall(), keys);
    expect(result).toMatchObject({ kind: 'failed', error: { code: 'SOURCE_UNAVAILABLE' } });
    expect((result as { error: GatewayError }).error.retryable).toBe(true);
    expect(vendor.calls).toEqual([]);
  });

  it('keeps the record when the store fails after the write, and a retry still answers it without writing', async () => {
    const vendor = fakeVendor();
    const store = new FlakyStore({ completeFails: true });
    const keys = new KeyedWrites(store, options);
    const [first] = await createItems(vendor.writes, [keyed('a')], recordingCall(), keys);
    expect(first).toMatchObject({ kind: 'created', record: { name: 'a' } });
    expect((first as { warnings: string[] }).warnings.join(' ')).toMatch(/idempotencyKey could not be saved/);
    const [retry] = await createItems(vendor.writes, [keyed('a')], recordingCall(), keys);
    expect(retry).toMatchObject({ kind: 'created', record: first!.kind === 'created' ? first!.record : null });
    expect(vendor.written).toEqual(['a']);

    // Once the store is back, the kept outcome reaches it, so other instances see it too.
    store.completeFails = false;
    await waitFor(() => keys.unsavedCount === 0);
    const elsewhere = new KeyedWrites(store, options);
    const [there] = await createItems(vendor.writes, [keyed('a')], recordingCall(), elsewhere);
    expect(there).toMatchObject({ kind: 'created', record: { name: 'a' } });
    expect(vendor.written).toEqual(['a']);
  });

  it('answers "outcome unknown" for a key whose create never finished, instead of writing again', async () => {
    const vendor = fakeVendor();
    const store = new MemoryIdempotencyStore();
    await store.claim('k1', 'fp-a', 1, 60_000); // a gateway claimed it, then died before finishing
    await new Promise((r) => setTimeout(r, 5));
    const [result] = await createItems(vendor.writes, [keyed('a')], recordingCall(), new KeyedWrites(store, options));
    expect(result).toMatchObject({ kind: 'failed', error: { code: 'SOURCE_OUTCOME_UNKNOWN' } });
    expect(vendor.calls).toEqual([]);
  });
});

/** A store whose claims or completions fail on demand, like Redis going away. */
class FlakyStore implements IdempotencyStore {
  private readonly inner = new MemoryIdempotencyStore();
  claimFails: boolean;
  completeFails: boolean;
  constructor(o: { claimFails?: boolean; completeFails?: boolean }) {
    this.claimFails = o.claimFails ?? false;
    this.completeFails = o.completeFails ?? false;
  }
  claim(...args: Parameters<IdempotencyStore['claim']>) {
    return this.claimFails ? Promise.reject(new Error('connection refused')) : this.inner.claim(...args);
  }
  complete(...args: Parameters<IdempotencyStore['complete']>) {
    return this.completeFails ? Promise.reject(new Error('connection reset')) : this.inner.complete(...args);
  }
  release(key: string) {
    return this.inner.release(key);
  }
  close() {
    return this.inner.close();
  }
}

async function waitFor(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}
