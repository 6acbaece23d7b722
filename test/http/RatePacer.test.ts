import { GatewayError } from '../../src/core/errors';
import { RatePacer } from '../../src/http/RatePacer';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** Cin7 Omni's budget per key (vendor notes §5), the shape every test below starts from. */
const CIN7 = [
  { limit: 3, windowMs: SECOND },
  { limit: 60, windowMs: MINUTE },
  { limit: 5000, windowMs: DAY, failFast: true },
];

/** Starts `n` acquires and records when (fake clock) each one got its turn, in order of turns. */
function startMany(pacer: RatePacer, n: number, t0: number) {
  const granted: Array<{ i: number; at: number }> = [];
  const errors: Array<{ i: number; error: unknown }> = [];
  const all = Array.from({ length: n }, (_, i) =>
    pacer.acquire({ source: 'test' }).then(
      () => void granted.push({ i, at: Date.now() - t0 }),
      (error: unknown) => void errors.push({ i, error }),
    ),
  );
  return { granted, errors, done: Promise.all(all) };
}

describe('RatePacer', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2025-03-01T00:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('lets the first `limit` callers through at once and queues the next until the window frees', async () => {
    const pacer = new RatePacer({ windows: [{ limit: 3, windowMs: SECOND }], maxWaitMs: 10 * SECOND });
    const t0 = Date.now();
    const run = startMany(pacer, 7, t0);
    await jest.advanceTimersByTimeAsync(0);
    expect(run.granted.map((g) => g.at)).toEqual([0, 0, 0]);
    expect(pacer.usage()).toMatchObject({ queued: 4, inFlight: 0 });
    await jest.advanceTimersByTimeAsync(999);
    expect(run.granted).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(run.granted).toHaveLength(6);
    await jest.advanceTimersByTimeAsync(SECOND);
    await run.done;
    expect(run.granted.map((g) => g.at)).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
    expect(run.errors).toEqual([]);
  });

  it('hands out turns in arrival order (FIFO)', async () => {
    const pacer = new RatePacer({ windows: [{ limit: 2, windowMs: 500 }], maxWaitMs: MINUTE });
    const run = startMany(pacer, 20, Date.now());
    await jest.advanceTimersByTimeAsync(10 * SECOND);
    await run.done;
    expect(run.granted.map((g) => g.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Never more than 2 turns in any 500 ms.
    const times = run.granted.map((g) => g.at);
    for (let k = 2; k < times.length; k += 1) expect(times[k]! - times[k - 2]!).toBeGreaterThanOrEqual(500);
  });

  it('honours every window at once: 3 a second until 60 in a minute, then waits for the minute', async () => {
    const pacer = new RatePacer({ windows: CIN7, maxWaitMs: 2 * MINUTE });
    const run = startMany(pacer, 63, Date.now());
    await jest.advanceTimersByTimeAsync(3 * MINUTE);
    await run.done;
    const times = run.granted.map((g) => g.at);
    expect(times).toHaveLength(63);
    // The 60th leaves at 19 s (3 a second); the 61st waits for the first turn to age out of the minute.
    expect(times[59]).toBe(19 * SECOND);
    expect(times[60]).toBe(MINUTE);
    for (let k = 3; k < times.length; k += 1) expect(times[k]! - times[k - 3]!).toBeGreaterThanOrEqual(SECOND);
    for (let k = 60; k < times.length; k += 1) expect(times[k]! - times[k - 60]!).toBeGreaterThanOrEqual(MINUTE);
  });

  it('refuses at once, with retryAfterMs and without booking, a caller whose turn is beyond maxWaitMs', async () => {
    const pacer = new RatePacer({ windows: [{ limit: 3, windowMs: SECOND }], maxWaitMs: 1500 });
    const run = startMany(pacer, 10, Date.now());
    await jest.advanceTimersByTimeAsync(0);
    // Turns at 0,0,0 and 1000,1000,1000 fit; 2000 is beyond 1.5 s: refused now, not later.
    expect(run.errors.map((e) => e.i)).toEqual([6, 7, 8, 9]);
    const error = run.errors[0]!.error as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe('SOURCE_RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.detail).toEqual({ source: 'test', retryAfterMs: 2000 });
    expect(error.message).toBe(
      'Source "test" is rate limited on our side: its budget of 3 requests per second is in use for longer than the 1500 ms a caller may wait; retry in 2 s',
    );
    await jest.advanceTimersByTimeAsync(SECOND);
    await run.done;
    expect(run.granted).toHaveLength(6);
    // The refused callers booked nothing: a newcomer now gets the next free turn (2000 ms).
    const late = startMany(pacer, 1, Date.now() - 1000);
    await jest.advanceTimersByTimeAsync(1000);
    await late.done;
    expect(late.granted).toEqual([{ i: 0, at: 2000 }]);
  });

  it('fails fast when a failFast (daily) window is spent, even with a long maxWaitMs', async () => {
    const pacer = new RatePacer({
      windows: [
        { limit: 3, windowMs: SECOND },
        { limit: 5, windowMs: DAY, failFast: true },
      ],
      maxWaitMs: 2 * DAY,
    });
    const t0 = Date.now();
    const run = startMany(pacer, 5, t0);
    await jest.advanceTimersByTimeAsync(SECOND);
    await run.done;
    expect(run.granted.map((g) => g.at)).toEqual([0, 0, 0, 1000, 1000]);
    await jest.advanceTimersByTimeAsync(MINUTE);
    const refused = pacer.acquire({ source: 'cin7', vendor: 'CIN7_OMNI' });
    await expect(refused).rejects.toMatchObject({
      code: 'SOURCE_RATE_LIMITED',
      // The first turn (t0) leaves the day window 24 h after it was taken.
      detail: { source: 'cin7', vendor: 'CIN7_OMNI', retryAfterMs: DAY - MINUTE - SECOND },
    });
    await expect(refused).rejects.toThrow(/its budget of 5 requests per day is spent/);
    await jest.advanceTimersByTimeAsync(DAY - MINUTE - SECOND);
    await expect(pacer.acquire()).resolves.toBeUndefined();
  });

  it('adds marginMs to every window, so turns leave a little more than a window apart', async () => {
    const pacer = new RatePacer({ windows: [{ limit: 1, windowMs: SECOND }], maxWaitMs: MINUTE, marginMs: 50 });
    const run = startMany(pacer, 3, Date.now());
    await jest.advanceTimersByTimeAsync(5 * SECOND);
    await run.done;
    expect(run.granted.map((g) => g.at)).toEqual([0, 1050, 2100]);
  });

  it('counts a tracked turn until its answer: a slow first request pushes the next window back', async () => {
    const pacer = new RatePacer({ windows: [{ limit: 2, windowMs: SECOND }], maxWaitMs: MINUTE });
    const first = await pacer.acquireTurn();
    const second = await pacer.acquireTurn();
    second.done();
    const t0 = Date.now();
    const run = startMany(pacer, 2, t0);
    // The first request is still under way at 1 s: it may reach the vendor any moment, so nobody goes.
    await jest.advanceTimersByTimeAsync(1500);
    expect(run.granted).toEqual([]);
    expect(pacer.usage()).toEqual({ queued: 2, inFlight: 1, windows: [1] });
    first.done(); // answered at 1.5 s: it counts at 1.5 s at the latest
    await jest.advanceTimersByTimeAsync(0);
    expect(run.granted).toEqual([]);
    await jest.advanceTimersByTimeAsync(999);
    expect(run.granted).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await run.done;
    // The second request counted at 0: one slot at 1 s; the first at 1.5 s: the next slot at 2.5 s.
    expect(run.granted.map((g) => g.at)).toEqual([2500, 2500]);
  });

  it('takes a turn never reported done as answered after maxInFlightMs, so the queue cannot stall', async () => {
    const pacer = new RatePacer({ windows: [{ limit: 1, windowMs: SECOND }], maxWaitMs: MINUTE, maxInFlightMs: 5 * SECOND });
    await pacer.acquireTurn(); // never done
    const run = startMany(pacer, 1, Date.now());
    await jest.advanceTimersByTimeAsync(5 * SECOND + SECOND - 1);
    expect(run.granted).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await run.done;
    expect(run.granted.map((g) => g.at)).toEqual([6000]);
  });

  it('forgets turns that have left every window', async () => {
    const pacer = new RatePacer({ windows: [{ limit: 2, windowMs: SECOND }], maxWaitMs: 0 });
    await pacer.acquire();
    await pacer.acquire();
    await expect(pacer.acquire()).rejects.toMatchObject({ code: 'SOURCE_RATE_LIMITED', detail: { retryAfterMs: 1000 } });
    expect(pacer.usage()).toEqual({ queued: 0, inFlight: 0, windows: [2] });
    await jest.advanceTimersByTimeAsync(SECOND);
    expect(pacer.usage()).toEqual({ queued: 0, inFlight: 0, windows: [0] });
    await expect(pacer.acquire()).resolves.toBeUndefined();
  });

  it('rejects windows that cannot be honoured', () => {
    expect(() => new RatePacer({ windows: [], maxWaitMs: 0 })).toThrow('at least one window');
    expect(() => new RatePacer({ windows: [{ limit: 0, windowMs: 1000 }], maxWaitMs: 0 })).toThrow('positive integer');
    expect(() => new RatePacer({ windows: [{ limit: 1, windowMs: 0 }], maxWaitMs: 0 })).toThrow('windowMs must be positive');
    expect(() => new RatePacer({ windows: [{ limit: 1, windowMs: 1 }], maxWaitMs: -1 })).toThrow('maxWaitMs');
  });
});

describe('RatePacer on the real clock', () => {
  it('spaces a burst of 7 at 3 a second: done after two windows, not before', async () => {
    const pacer = new RatePacer({ windows: [{ limit: 3, windowMs: 200 }], maxWaitMs: SECOND });
    const started = Date.now();
    await Promise.all(Array.from({ length: 7 }, () => pacer.acquire()));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(398);
    expect(elapsed).toBeLessThan(1000);
  });
});
