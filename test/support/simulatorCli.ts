import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli';

export interface Simulator {
  child: ChildProcess;
  source: Record<string, unknown>;
  /** The `--log-requests` lines printed so far. */
  requests(): Array<{ at: number; method: string; path: string; status: number }>;
  exited: Promise<number | string | null>;
}

export const SCRIPT = 'src/simulators/cli.ts';

/** `npm run simulator -- …`'s command, run directly so the test signals the simulator itself. */
export function startSimulator(args: string[]): Promise<Simulator> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, SCRIPT), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const requests = () =>
    err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no source line in 20 s:\n${out}${err}`)), 20_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').length > 1 ? out.split('\n')[0] : undefined;
      if (line !== undefined) {
        clearTimeout(timer);
        resolve({ child, source: JSON.parse(line), requests, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${String(code)}:\n${out}${err}`));
    });
  });
}

