/**
 * A small seeded generator (mulberry32) for simulators whose seed data draws from their own
 * word lists: the same seed gives the same data in demo mode, tests and benchmarks, whatever
 * the installed packages. (The Pipeliner simulator uses faker with a seed instead.)
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability = 0.5): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i += 1) out += String(this.int(0, 9));
    return out;
  }

  /** An instant between two others, whole seconds. */
  between(from: Date, to: Date): Date {
    const span = to.getTime() - from.getTime();
    const ms = from.getTime() + Math.floor(this.next() * span);
    return new Date(Math.floor(ms / 1000) * 1000);
  }
}
