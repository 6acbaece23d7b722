import { backoffDelay, retryAfterMs } from '../../src/http/backoff';

describe('backoff', () => {
  it('doubles its ceiling per attempt and jitters below it', () => {
    expect(backoffDelay(1, 100, () => 0.999)).toBe(100);
    expect(backoffDelay(3, 100, () => 0.999)).toBe(400);
    expect(backoffDelay(3, 100, () => 0)).toBe(0);
  });

  it('never waits more than 5 s for one step', () => {
    expect(backoffDelay(20, 1000, () => 1)).toBe(5000);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
  });

  it('ignores absent or malformed values', () => {
    expect(retryAfterMs(undefined)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
});
