import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCin7Simulator } from '../../src/simulators/cin7';
import type { SimulatorServer } from '../../src/simulators/kit';
import { createLogiSenseSimulator } from '../../src/simulators/logisense';
import { createPipelinerSimulator } from '../../src/simulators/pipeliner';
import { createSuperOfficeSimulator } from '../../src/simulators/superoffice';

export const ROOT = join(__dirname, '..', '..');

export interface Cli {
  child: ChildProcess;
  /** The printed GraphQL URL. */
  url: string;
  base: string;
  output(): string;
  /** Resident memory of the gateway process, from /proc (MB), or null where /proc is absent. */
  rssMb(): number | null;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string | null>;
}

/**
 * Starts the real CLI — the same `node --import tsx src/main.ts` that `npm start` runs — and
 * resolves once it prints its ready line. `args` go to the CLI (`--config file`).
 */
export function startCli(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Cli> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, CRMGRAPH_CONFIG: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /ready: (http:\/\/\S+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        const url = m[1]!;
        resolve({ child, url, base: url.replace(/\/graphql$/, ''), output: () => out, rssMb: () => rssMb(child.pid), exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)}:\n${out}`));
    });
  });
}

function rssMb(pid: number | undefined): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Writes `config` to a fresh temporary file and returns its path. Access is open
 * (`auth.mode: "none"`) unless `config` has an `auth` of its own: only test/auth is about it.
 */
export function writeConfig(config: Record<string, unknown>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crmgraph-')), 'crmgraph.config.json');
  writeFileSync(file, JSON.stringify({ auth: { mode: 'none' }, ...config }, null, 2));
  return file;
}

/**
 * The four vendor simulators in this process, so a test can read their request logs while the
 * gateway runs in another; `sources` is the config that points a gateway at them.
 */
export interface Vendors {
  /** Source configs pointing at the simulators, by the vendor's name as id. */
  sources: Array<Record<string, unknown> & { id: string }>;
  /** The simulators' kit servers (request log, latency, faults) by source id. */
  servers: Record<string, SimulatorServer>;
  vendorRequests(): number;
  latency(ms: number): void;
  stop(): Promise<void>;
}

export async function startVendors(): Promise<Vendors> {
  const pipeliner = createPipelinerSimulator();
  const superoffice = createSuperOfficeSimulator();
  const cin7 = createCin7Simulator();
  const logisense = createLogiSenseSimulator();
  const [pipelinerUrl, superofficeUrl, , logisenseUrl] = await Promise.all([
    pipeliner.listen(),
    superoffice.listen(),
    cin7.listen(),
    logisense.listen(),
  ]);
  const all = [pipeliner, superoffice, cin7, logisense];
  return {
    servers: { pipeliner: pipeliner.server, superoffice: superoffice.server, cin7: cin7.server, logisense: logisense.server },
    sources: [
      { id: 'pipeliner', vendor: 'pipeliner', baseUrl: pipelinerUrl, spaceId: pipeliner.spaceId, credentials: pipeliner.credentials },
      {
        id: 'superoffice',
        vendor: 'superoffice',
        baseUrl: superofficeUrl,
        tenant: superoffice.tenant,
        credentials: { scheme: 'bearer', accessToken: superoffice.credentials.accessToken },
      },
      { id: 'cin7', vendor: 'cin7', baseUrl: cin7.apiBase, credentials: { username: cin7.credentials.username, apiKey: cin7.credentials.apiKey } },
      {
        id: 'logisense',
        vendor: 'logisense',
        baseUrl: logisenseUrl,
        credentials: {
          clientId: logisense.credentials.clientId,
          username: logisense.credentials.username,
          password: logisense.credentials.password,
        },
      },
    ],
    vendorRequests: () => all.reduce((n, s) => n + s.server.requests().length, 0),
    latency: (ms) => {
      for (const s of all) s.server.latencyMs = ms;
    },
    stop: async () => {
      await Promise.all(all.map((s) => s.close()));
    },
  };
}
