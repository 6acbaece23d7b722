import pino from 'pino';
import { ConfigError, configPath, loadConfigFile, type GatewayConfig } from './config';
import { startDemo, type Demo } from './demo';
import { createGateway } from './server';

/**
 * CLI entry: `npm start` with no config runs demo mode (every simulator with seeded data);
 * `--config file` / `CRMGRAPH_CONFIG` / `./crmgraph.config.json` runs against real vendors.
 * `PORT` overrides the configured port.
 */
async function main(): Promise<void> {
  const path = configPath(process.argv.slice(2), process.env, process.cwd());
  let demo: Demo | null = null;
  let config: GatewayConfig;
  if (path) {
    config = loadConfigFile(path, process.env);
  } else {
    demo = await startDemo();
    config = demo.config;
  }
  const port = process.env['PORT'];
  if (port !== undefined) {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new ConfigError('PORT', [`PORT: "${port}" is not a port number`]);
    config = { ...config, server: { ...config.server, port: n } };
  }
  const logger = pino({ level: config.server.logLevel, base: { service: 'crmgraph' } });
  const gateway = await createGateway({ config, logger });
  const url = await gateway.listen();
  logger.info({ mode: demo ? 'demo' : 'configured', sources: config.sources.map((s) => s.id) }, 'gateway started');
  // The one line a newcomer needs, printed plainly whatever the log format.
  process.stdout.write(`\ncrmgraph ${demo ? 'demo ' : ''}ready: ${url}\n`);
  if (demo) process.stdout.write(`Simulators: ${demo.describe()}\nOpen the URL in a browser for the playground.\n\n`);

  // First signal: drain (readiness false, no new connections, operations in flight finish
  // within the grace period), then exit 0. A second signal exits at once.
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.server.shutdownGraceMs }, 'draining');
    const clean = await gateway.shutdown();
    await demo?.stop();
    logger.info({ clean }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`crmgraph failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
