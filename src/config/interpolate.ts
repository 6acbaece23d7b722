import type { ConfigPath } from './paths';

/** A `${NAME}` whose variable is not set, and the key that asked for it. */
export interface MissingEnv {
  path: ConfigPath;
  name: string;
}

/**
 * Replaces `${NAME}` in every string of a parsed config with the environment variable NAME,
 * so secrets stay out of the file. A missing variable is recorded with the key that asked for
 * it (its place becomes empty); values are never echoed.
 */
export function interpolateEnv(
  value: unknown,
  env: NodeJS.ProcessEnv,
  path: ConfigPath = [],
  missing: MissingEnv[] = [],
): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
      const v = env[name];
      if (v === undefined) {
        missing.push({ path, name });
        return '';
      }
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateEnv(v, env, [...path, i], missing));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolateEnv(v, env, [...path, k], missing)]),
    );
  }
  return value;
}
