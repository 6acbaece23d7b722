import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lockedOut } from './authSchema';
import { configDocumentSchema, duplicateSourceIds, isSimulated, toGatewayConfig, type ConfigDocument, type GatewayConfig } from './gatewayConfig';
import { interpolateEnv, type MissingEnv } from './interpolate';
import { findJsonSyntaxError } from './jsonSyntax';
import { formatPath, isWithin } from './paths';
import { describeIssues } from './problems';

/** A configuration that cannot be used; `problems` name each bad key. Never holds a value. */
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

/**
 * Interpolates `${ENV}` and validates a parsed config document. Every problem is reported at
 * once: missing variables and schema problems together (a schema problem at a key whose variable
 * is missing is that same problem, so it is left out).
 */
export function parseConfigDocument(raw: unknown, env: NodeJS.ProcessEnv, file = DEFAULT_CONFIG_FILE): ConfigDocument {
  const missing: MissingEnv[] = [];
  const interpolated = interpolateEnv(raw, env, [], missing);
  const result = configDocumentSchema.safeParse(interpolated);
  const schemaProblems = [
    ...(result.success ? [] : describeIssues(result.error.issues, interpolated)),
    ...duplicateSourceIds(interpolated),
    ...lockedOut(interpolated),
  ].filter((p) => !missing.some((m) => isWithin(p.path, m.path)));
  const problems = [
    ...missing.map((m) => `${formatPath(m.path)}: environment variable ${m.name} is not set`),
    ...schemaProblems.map((p) => `${formatPath(p.path)}: ${p.message}`),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(file, problems.length > 0 ? [...new Set(problems)] : ['(root): is not a valid configuration']);
}

/** Reads and validates a config file; a JSON error is reported by line and column only. */
export function readConfigFile(file: string, env: NodeJS.ProcessEnv): ConfigDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [`(file): cannot be read${code ? ` (${code})` : ''}`]);
  }
  // An editor's byte order mark is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    const at = findJsonSyntaxError(text);
    throw new ConfigError(file, [at ? `(file): not valid JSON at line ${at.line}, column ${at.column}: ${at.reason}` : '(file): not valid JSON']);
  }
  return parseConfigDocument(raw, env, file);
}

/**
 * A config whose sources all name their endpoints, ready for the gateway. A source with
 * `"simulator": true` needs its simulator started first: `startSimulatedSources`, or
 * `loadStartup` for the whole CLI path.
 */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv, file = DEFAULT_CONFIG_FILE): GatewayConfig {
  return withoutSimulators(parseConfigDocument(raw, env, file), file);
}

function withoutSimulators(document: ConfigDocument, file: string): GatewayConfig {
  const simulated = document.sources.flatMap((s, i) => (isSimulated(s) ? [i] : []));
  if (simulated.length > 0) {
    throw new ConfigError(
      file,
      simulated.map((i) => `sources[${i}].simulator: needs its simulator started (start the gateway with loadStartup)`),
    );
  }
  return toGatewayConfig(document);
}
