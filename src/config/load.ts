import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gatewayConfigSchema, type GatewayConfig } from './gatewayConfig';
import { formatPath, interpolateEnv } from './interpolate';

/** A configuration that cannot be used; `problems` name each bad key. Never holds secret values. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export const DEFAULT_CONFIG_FILE = 'crmgraph.config.json';

/**
 * The config file to use: `--config`, else `CRMGRAPH_CONFIG`, else `crmgraph.config.json` in the
 * working directory if present; null means demo mode.
 */
export function configPath(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | null {
  const flag = argv.indexOf('--config');
  if (flag >= 0 && argv[flag + 1]) return resolve(cwd, argv[flag + 1] as string);
  const inline = argv.find((a) => a.startsWith('--config='));
  if (inline) return resolve(cwd, inline.slice('--config='.length));
  if (env['CRMGRAPH_CONFIG']) return resolve(cwd, env['CRMGRAPH_CONFIG']);
  const local = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(local) ? local : null;
}

/** Parses, interpolates `${ENV}` and validates a config document. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv, file = DEFAULT_CONFIG_FILE): GatewayConfig {
  const missing: string[] = [];
  const interpolated = interpolateEnv(raw, env, [], missing);
  if (missing.length > 0) throw new ConfigError(file, missing);
  const result = gatewayConfigSchema.safeParse(interpolated);
  if (!result.success) {
    throw new ConfigError(
      file,
      result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    );
  }
  return result.data;
}

export function loadConfigFile(file: string, env: NodeJS.ProcessEnv): GatewayConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new ConfigError(file, [`(file): ${err instanceof SyntaxError ? `not valid JSON (${err.message})` : 'cannot be read'}`]);
  }
  return parseConfig(raw, env, file);
}
