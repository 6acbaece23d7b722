/** Where a key sits in a config document: `['sources', 0, 'baseUrl']`. */
export type ConfigPath = ReadonlyArray<string | number>;

/** `sources.0.credentials.password` → `sources[0].credentials.password`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return (
    path
      .map((p, i) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? `[${String(p)}]` : `${i ? '.' : ''}${String(p)}`))
      .join('') || '(root)'
  );
}

/** Whether `path` is `prefix` or lies below it. */
export function isWithin(path: ReadonlyArray<PropertyKey>, prefix: ConfigPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));
}

/** The value at `path` in a parsed document, or undefined. */
export function valueAt(document: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let at: unknown = document;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
