import { requestMatches, type RequestMatch } from './requestMatch';

/** What every scripted fault and aftermath says about when it applies. */
export interface Scripted {
  match?: RequestMatch;
  /**
   * Which matching request it applies to first, counted from when it is scripted: 1 (the
   * default) is the next one, 2 lets one through first — "the second batch call fails".
   */
  nth?: number;
}

interface Entry<T extends Scripted> {
  script: T;
  /** Matching requests still to let through before it applies. */
  skip: number;
  /** Matching requests it still applies to. */
  times: number;
}

/**
 * Scripts waiting for their requests. Each request that arrives counts toward every matching
 * script's `nth` (so `nth: 2` and `nth: 3` scripted together hit the second and the third),
 * and is taken by the first script that is due. Taken on arrival, not on completion, so that
 * concurrent requests each meet the script meant for their place in line.
 */
export class ScriptQueue<T extends Scripted> {
  private readonly entries: Entry<T>[] = [];

  add(script: T, times: number): void {
    const nth = script.nth ?? 1;
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`nth must be a whole number >= 1, got ${nth}`);
    if (!Number.isInteger(times) || times < 1) throw new Error(`times must be a whole number >= 1, got ${times}`);
    this.entries.push({ script, skip: nth - 1, times });
  }

  /**
   * The script due for this request, if any, counting the request toward the others. With
   * `claim` false the request only counts (another queue's script answered it).
   */
  take(method: string, path: string, claim = true): T | null {
    let due: Entry<T> | null = null;
    for (const entry of this.entries) {
      if (!requestMatches(entry.script.match, method, path)) continue;
      if (entry.skip > 0) entry.skip -= 1;
      else due ??= entry;
    }
    if (!due || !claim) return null;
    due.times -= 1;
    if (due.times <= 0) this.entries.splice(this.entries.indexOf(due), 1);
    return due.script;
  }

  /** Requests the scripts will still apply to. */
  pending(): number {
    return this.entries.reduce((n, e) => n + e.times, 0);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
