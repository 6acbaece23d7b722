import {
  createPipelinerSimulator,
  type PipelinerSimulator,
  type PipelinerSimulatorOptions,
} from '../../../src/simulators/pipeliner';

/** A fixed "today" so dates in assertions never depend on the wall clock. */
export const REFERENCE_DATE = new Date(Date.UTC(2026, 0, 15));

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON (text for non-JSON answers); tests assert the shape they rely on. */
  body: any;
}

export interface CallOptions {
  body?: unknown;
  /** A raw request body, sent verbatim (for malformed JSON). */
  raw?: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** false = no Authorization header; a string = that header value. */
  auth?: false | string;
}

export interface Harness {
  sim: PipelinerSimulator;
  /** A request under the space base, e.g. `call('GET', '/entities/Contacts')`. */
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** A request to any path on the simulator's host. */
  callUrl(method: string, url: string, options?: CallOptions): Promise<Answer>;
}

/**
 * Starts one simulator per test file (real HTTP on a free port), resets its data before each
 * test, and fails a test that leaves a scripted fault unused.
 */
export function useSimulator(options: PipelinerSimulatorOptions = {}): Harness {
  const sim = createPipelinerSimulator({ referenceDate: REFERENCE_DATE, ...options });
  beforeAll(async () => {
    await sim.listen();
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
    sim.server.clearLog();
    sim.server.latencyMs = 0;
    sim.server.setOutage(null);
  });
  afterEach(() => {
    expect(sim.server.pendingFaults()).toBe(0);
  });

  async function callUrl(method: string, url: string, o: CallOptions = {}): Promise<Answer> {
    const target = new URL(url);
    for (const [k, v] of Object.entries(o.query ?? {})) target.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', ...(o.headers ?? {}) };
    if (o.auth !== false) headers['authorization'] = o.auth ?? sim.authorization;
    let payload: string | undefined;
    if (o.raw !== undefined) payload = o.raw;
    else if (o.body !== undefined) payload = JSON.stringify(o.body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(target, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
    const body = text === '' ? undefined : isJson ? (JSON.parse(text) as unknown) : text;
    return { status: res.status, headers: res.headers, body };
  }

  return {
    sim,
    callUrl,
    call: (method, path, o) => callUrl(method, `${sim.apiBase}${path}`, o),
  };
}

/** A Basic Authorization header value. */
export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** The id at the end of a relation URL. */
export function idOf(url: unknown): string {
  if (typeof url !== 'string') throw new Error(`not a relation URL: ${String(url)}`);
  return url.slice(url.lastIndexOf('/') + 1);
}

export function decodeCursor(cursor: string): unknown {
  return JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
}
