import { createCin7Simulator, type Cin7Simulator, type Cin7SimulatorOptions } from '../../../../src/simulators/cin7';

/** One HTTP answer: status, headers, parsed JSON body (or the text when not JSON). */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface Harness {
  sim: Cin7Simulator;
  /** GET `${apiBase}${path}` with the main key's Basic auth unless `headers` override it. */
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  /** A request with a JSON body (strings are sent as they are). */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

/** A listening simulator; rate limits are off unless the options turn them on. */
export async function startSim(options: Cin7SimulatorOptions = {}): Promise<Harness> {
  const sim = createCin7Simulator({ rateLimits: false, ...options });
  await sim.listen();
  const send: Harness['send'] = async (method, path, body, headers) => {
    const h: Record<string, string> = {};
    for (const [k, v] of Object.entries({ accept: 'application/json', ...sim.authHeaders(), ...headers })) h[k.toLowerCase()] = v;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    return toReply(await fetch(`${sim.apiBase}${path}`, { method, headers: h, ...(payload === undefined ? {} : { body: payload }) }));
  };
  return { sim, get: (path, headers) => send('GET', path, undefined, headers), send, close: () => sim.close() };
}

export async function toReply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** `where`/`fields`/`order` values encoded as any proper URL encoder would (`%` → `%25`). */
export function query(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** Ids of a list answer. */
export const ids = (reply: Reply): number[] => (reply.body as Array<{ id: number }>).map((r) => r.id);

/** Fails the test when a scripted fault was left unused (STYLE P16). */
export function expectNoPendingFaults(h: Harness): void {
  const pending = h.sim.server.pendingFaults();
  if (pending !== 0) throw new Error(`${pending} scripted fault(s) were never consumed`);
}
