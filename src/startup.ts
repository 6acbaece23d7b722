import {
  ConfigError,
  configPath,
  DEMO_CONFIG,
  DEMO_CONFIG_NAME,
  parseConfigDocument,
  readConfigFile,
  type ConfigDocument,
} from './config';
import { startSimulatedSources, type RunningConfig } from './config/simulated';

export interface Startup extends RunningConfig {
  /** No config file was found: the built-in demo config runs. */
  demo: boolean;
}

/**
 * Everything the CLI needs before it starts the gateway: the config file (`--config`,
 * `CRMGRAPH_CONFIG`, `./crmgraph.config.json`) or else the built-in demo config, validated,
 * `PORT` applied, and the simulators of `"simulator": true` sources started and filled in.
 * Throws `ConfigError` with every problem before anything is started.
 */
export async function loadStartup(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Startup> {
  const path = configPath(argv, env, cwd);
  const document = path === null ? parseConfigDocument(DEMO_CONFIG, env, DEMO_CONFIG_NAME) : readConfigFile(path, env);
  const running = await startSimulatedSources(withPortFromEnv(document, env));
  return { ...running, demo: path === null };
}

/** `PORT` overrides `server.port`, so one config serves on whatever port a platform assigns. */
function withPortFromEnv(document: ConfigDocument, env: NodeJS.ProcessEnv): ConfigDocument {
  const port = env['PORT'];
  if (port === undefined || port === '') return document;
  const n = Number(port);
  if (!/^\d+$/.test(port) || n > 65_535) throw new ConfigError('PORT', ['PORT: must be a port number from 0 to 65535']);
  return { ...document, server: { ...document.server, port: n } };
}
