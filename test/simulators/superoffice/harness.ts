import { createSuperOfficeSimulator, type SuperOfficeSimulator, type SuperOfficeSimulatorOptions } from '../../../src/simulators/superoffice';

/** A listening simulator plus one-line HTTP helpers; every test file uses it over real HTTP. */
export interface Harness {
  sim: SuperOfficeSimulator;
  /** GET `${apiBase}${path}` with bearer auth unless headers say otherwise. */
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when not JSON, or undefined when empty. */
  body: any;  
}

export async function startSim(options: SuperOfficeSimulatorOptions = {}): Promise<Harness> {
  const sim = createSuperOfficeSimulator(options);
  await sim.listen();
  const send = async (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply> => {
    const url = path.startsWith('http') ? path : `${sim.apiBase}${path}`;
    const h: Record<string, string> = { ...sim.authHeaders('bearer'), ...(headers ?? {}) };
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(url, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    sim,
    get: (path, headers) => send('GET', path, undefined, headers),
    send,
    close: () => sim.close(),
  };
}

/** Fetch without any default headers (for auth tests). */
export async function rawFetch(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * A fresh simulator for each test of the file (started before it, closed after it, and every
 * scripted fault used): the harness of the test running now.
 */
export function useFreshSim(options: SuperOfficeSimulatorOptions = {}): Harness {
  let current: Harness | null = null;
  beforeEach(async () => {
    current = await startSim(options);
  });
  afterEach(async () => {
    expect(current!.sim.server.pendingFaults()).toBe(0);
    await current!.close();
    current = null;
  });
  const now = (): Harness => {
    if (!current) throw new Error('useFreshSim: no test is running');
    return current;
  };
  return {
    get sim() {
      return now().sim;
    },
    get: (path, headers) => now().get(path, headers),
    send: (method, path, body, headers) => now().send(method, path, body, headers),
    close: () => now().close(),
  };
}
