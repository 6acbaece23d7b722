import { budgetWindows, localPacerWindows } from '../../../src/connectors/kit/budget';
import { RatePacer, type RateWindow } from '../../../src/http/RatePacer';

/** Cin7 Omni's documented budget per key: 3 a second, 60 a minute, 5,000 a day. */
const CIN7 = { perSecond: 3, perMinute: 60, perDay: 5000 };

/**
 * Steady demand on one pacer (fake clock): `callers` that each ask again as soon as their
 * request is answered (answered at once) for `seconds` — what operations sharing identical
 * reads look like to the pacer: one queued request per distinct read, never a pile.
 * Returns how long each request waited, when each was sent, and how many were refused.
 */
async function steadyDemand(windows: RateWindow[], callers: number, seconds: number) {
  const pacer = new RatePacer({ windows, maxWaitMs: 30_000 });
  const waits: number[] = [];
  const grants: number[] = [];
  let refused = 0;
  const end = Date.now() + seconds * 1000;
  const caller = async (): Promise<void> => {
    while (Date.now() < end) {
      const asked = Date.now();
      try {
        (await pacer.acquireTurn({ source: 'cin7' })).done();
        grants.push(Date.now());
        waits.push(Date.now() - asked);
      } catch {
        refused += 1;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  const all = Promise.all(Array.from({ length: callers }, caller));
  await jest.advanceTimersByTimeAsync(seconds * 1000 + 60_000);
  await all;
  grants.sort((a, b) => a - b);
  return { waits, grants, refused };
}

/** The most grants in any span of `ms`. */
function busiest(grants: number[], ms: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < grants.length; i++) {
    while (grants[i]! - grants[j]! >= ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('vendor budget windows', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('adds a steady window to a per-second limit that would spend the minute early (Cin7: 3 per 3 s)', () => {
    expect(localPacerWindows(CIN7)).toEqual([...budgetWindows(CIN7), { limit: 3, windowMs: 3000 }]);
    // 10/s and 600/min spend a minute evenly already: nothing to add.
    expect(localPacerWindows({ perSecond: 10, perMinute: 600 })).toEqual(budgetWindows({ perSecond: 10, perMinute: 600 }));
  });

  it('three reads asked again as soon as answered, for two minutes: none refused, none waits more than 3 s, at most 60 a minute', async () => {
    const run = await steadyDemand(localPacerWindows(CIN7), 3, 120);
    expect(run.refused).toBe(0);
    expect(Math.max(...run.waits)).toBeLessThanOrEqual(3000);
    expect(busiest(run.grants, 60_000)).toBeLessThanOrEqual(60);
    expect(busiest(run.grants, 1000)).toBeLessThanOrEqual(3);
  });

  it('without it the same demand spends the minute in 20 s and is refused for the rest of it', async () => {
    const run = await steadyDemand(budgetWindows(CIN7), 3, 120);
    expect(run.refused).toBeGreaterThan(0);
  });
});
