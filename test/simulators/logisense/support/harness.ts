import {
  createLogiSenseSimulator,
  type LogiSenseSimulator,
  type LogiSenseSimulatorOptions,
  type LogiSenseSwitches,
} from '../../../../src/simulators/logisense';

/**
 * The notes §3 reading of PATCH: children inside `details`, `patchClientId` echoed, the parent
 * always listed. The write-rule suites use it (their rules hold in either layout); the seed 004
 * layout, the default, has its own suite (seed-layout.test.ts).
 */
export const NOTES_LAYOUT: Partial<LogiSenseSwitches> = {
  patchChildrenAt: 'details',
  echoPatchClientId: true,
  patchParentItem: 'always',
};

/** One HTTP answer, body parsed when it is JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export interface Harness {
  sim: LogiSenseSimulator;
  /** A token from a fresh password login. */
  login(): Promise<string>;
  /** A resource call under `/ResourceServer/api/v6/`, with a Bearer token unless `token: null`. */
  call(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string>; token?: string | null }): Promise<Answer>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  /** POST form fields to a login path (default: the versioned one). */
  postLogin(fields: Record<string, string>, path?: string): Promise<Answer>;
  close(): Promise<void>;
}

export async function startSimulator(options: LogiSenseSimulatorOptions = {}): Promise<Harness> {
  const sim = createLogiSenseSimulator(options);
  await sim.listen();
  let token: string | null = null;
  const postLogin = async (fields: Record<string, string>, path = '/AuthorizationServer/api/v6/Access/Login') =>
    toAnswer(
      await fetch(`${sim.url}${path}`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
    );
  const login = async () => {
    const c = sim.credentials;
    const answer = await postLogin({ grant_type: 'password', username: c.username, password: c.password, client_id: c.clientId });
    if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${answer.text}`);
    return String(answer.body['access_token']);
  };
  const call: Harness['call'] = async (method, path, init = {}) => {
    if (token === null && init.token === undefined) token = await login();
    const bearer = init.token === undefined ? token : init.token;
    const headers: Record<string, string> = { accept: 'application/json', ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return toAnswer(
      await fetch(`${sim.resourceBase}/${path}`, {
        method,
        headers: { ...headers, ...init.headers },
        ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      }),
    );
  };
  return {
    sim,
    login,
    call,
    get: (path, headers) => call('GET', path, headers ? { headers } : {}),
    postLogin,
    close: () => sim.close(),
  };
}

async function toAnswer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not JSON: tests read `text`
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** The `Pagination` request header (vendor notes §4). */
export function pagination(pageNumber: number, pageSize: number, excludeTotalCount?: boolean): Record<string, string> {
  return { pagination: JSON.stringify({ pageNumber, pageSize, ...(excludeTotalCount === undefined ? {} : { excludeTotalCount }) }) };
}

/** Deep read of a JSON value; undefined when a step is missing. */
export function dig(value: unknown, ...keys: Array<string | number>): unknown {
  let cur: unknown = value;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A JSON array of objects (throws otherwise, so the test fails with the reason). */
export function objects(value: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
    throw new Error(`expected an array of objects, got ${JSON.stringify(value)?.slice(0, 200)}`);
  }
  return value as Array<Record<string, unknown>>;
}

export function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected an object, got ${JSON.stringify(value)?.slice(0, 200)}`);
  }
  return value as Record<string, unknown>;
}

/** Fails the test when a scripted fault was left unused (STYLE P16). */
export function expectNoPendingFaults(h: Harness): void {
  const pending = h.sim.server.pendingFaults();
  if (pending !== 0) throw new Error(`${pending} scripted fault(s) were never consumed`);
}
