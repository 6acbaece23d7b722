import { parseArgs } from 'node:util';
import type { LoggedRequest, SimulatorServer } from './kit';
import { STANDALONE_VENDORS, startStandalone, type StandaloneOptions, type StandaloneVendor } from './standalone';

const USAGE = `usage: npm run simulator -- <${STANDALONE_VENDORS.join('|')}> [--port N] [--limits real|off] [--size N] [--log-requests]`;

class UsageError extends Error {}

function integer(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max)
    throw new UsageError(`--${name}: must be a whole number from 0 to ${max}`);
  return Number(text);
}

interface Invocation {
  vendor: StandaloneVendor;
  options: StandaloneOptions;
  logRequests: boolean;
}

function parse(argv: string[]): Invocation {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      limits: { type: 'string' },
      size: { type: 'string' },
      'log-requests': { type: 'boolean' },
    },
  });
  const [vendor, ...rest] = positionals;
  if (vendor === undefined || !(STANDALONE_VENDORS as readonly string[]).includes(vendor) || rest.length > 0) {
    throw new UsageError(vendor === undefined ? 'which vendor?' : `unknown vendor "${[vendor, ...rest].join(' ')}"`);
  }
  const limits = values.limits ?? 'real';
  if (limits !== 'real' && limits !== 'off') throw new UsageError('--limits: must be real or off');
  const size = integer('size', values.size, 1_000_000);
  return {
    vendor: vendor as StandaloneVendor,
    options: { port: integer('port', values.port, 65_535) ?? 0, limits, ...(size === undefined ? {} : { size }) },
    logRequests: values['log-requests'] ?? false,
  };
}

/**
 * With `--log-requests`, one JSON line per request answered, on stderr (stdout carries only the
 * source line): what several gateways sent to one vendor, e.g. to check a shared rate budget.
 * The kit keeps a bounded window of requests; this reads what was added since the last look.
 */
function streamRequests(server: SimulatorServer): () => void {
  let seen = 0;
  const flush = (): void => {
    const total = server.droppedFromLog + server.log.length;
    const fresh: LoggedRequest[] = server.log.slice(Math.max(0, server.log.length - (total - seen)));
    seen = total;
    for (const r of fresh)
      process.stderr.write(`${JSON.stringify({ at: r.at, method: r.method, path: r.path, status: r.status })}\n`);
  };
  const timer = setInterval(flush, 100);
  return () => {
    clearInterval(timer);
    flush();
  };
}

/**
 * `npm run simulator -- <vendor>`: one vendor simulator on its own, so several gateway processes
 * share one simulated vendor (one rate budget, one set of records). Prints one JSON line — the
 * keys a source config needs — and serves until SIGTERM or SIGINT, then exits 0.
 */
async function main(): Promise<void> {
  const { vendor, options, logRequests } = parse(process.argv.slice(2));
  const sim = await startStandalone(vendor, options);
  const stopLog = logRequests ? streamRequests(sim.server) : () => undefined;
  const stop = (): void => {
    stopLog();
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`${JSON.stringify(sim.source)}\n`);
}

main().catch((err: unknown) => {
  const usage =
    err instanceof UsageError ||
    (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(
    usage
      ? `${err.message}\n${USAGE}\n`
      : `simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(usage ? 2 : 1);
});
