/**
 * Record ids. Pipeliner's own ids for new records are time-ordered: the first 48 bits are the
 * creation time in milliseconds (e.g. `0190978c-d6d1-…` for July 2024 in the recorded
 * create-note capture, vendor notes §5 S4), so the default id order is roughly creation order.
 * The rest comes from a seeded generator, which keeps seeded data byte-identical per seed.
 */

/** mulberry32: small, fast, good enough for ids and fully deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class IdFactory {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  private hex(digits: number): string {
    let out = '';
    while (out.length < digits)
      out += Math.floor(this.random() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return out.slice(0, digits);
  }

  /** A UUID-shaped id whose first 12 hex digits are `atMicros` in milliseconds. */
  timeOrdered(atMicros: number): string {
    const ms = Math.max(0, Math.floor(atMicros / 1000));
    const t = ms.toString(16).padStart(12, '0').slice(-12);
    return `${t.slice(0, 8)}-${t.slice(8, 12)}-${this.hex(4)}-${this.hex(4)}-${this.hex(12)}`;
  }
}

/** System-style client ids, like the recorded `00000000-0000-0000-0000-000000008e97`. */
export function systemClientId(n: number): string {
  return `00000000-0000-0000-0000-${(0x8e97 + n).toString(16).padStart(12, '0')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
