import pino from 'pino';
import { ConfigError } from './config';
import { createGateway } from './server';
import { loadStartup } from './startup';

/**
 * CLI entry: `npm start` with no config runs demo mode (the built-in config, every source
 * simulated); `--config file` / `CRMGRAPH_CONFIG` / `./crmgraph.config.json` runs that config,
 * whose sources may be real vendors or `"simulator": true`. `PORT` overrides the port.
 */
async function main(): Promise<void> {
  const startup = await loadStartup(process.argv.slice(2), process.env, process.cwd());
  const { config, demo } = startup;
  const logger = pino({ level: config.server.logLevel, base: { service: 'crmgraph' } });
  const gateway = await createGateway({ config, logger, demo });
  // Handlers first, then the ready line: a signal sent the moment a supervisor reads that line
  // must find them in place. The first signal drains (readiness false, no new connections,
  // operations in flight finish within the grace period), then exits 0; a second exits at once.
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.server.shutdownGraceMs }, 'draining');
    const clean = await gateway.shutdown();
    await startup.stop();
    logger.info({ clean }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const url = await gateway.listen();
  logger.info({ mode: demo ? 'demo' : 'configured', sources: config.sources.map((s) => s.id) }, 'gateway started');
  // The one line a newcomer needs, printed plainly whatever the log format.
  process.stdout.write(`\ncrmgraph ${demo ? 'demo ' : ''}ready: ${url}\n`);
  const simulators = startup.describe();
  if (simulators) process.stdout.write(`Simulators: ${simulators}\n`);
  if (demo) process.stdout.write('Open the URL in a browser for the playground.\n\n');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`crmgraph failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
