import { parseWireDate } from './dates';
import { QueryError } from './errors';
import type { FieldSpec, ModelSpec } from './models';
import type { Row } from './predicate';

/**
 * `order`: `field [ASC|DESC]`, comma-separated (vendor notes §3), each field once. A term without a direction
 * takes `defaultOrderDirection` (numa reports DESC; Q5). Without `order` the rows come in id
 * order, as SQL Server returns a clustered primary key scan; ties under `order` are broken by id
 * too, so paging is deterministic. NULLs sort first ascending, text case-insensitively (SQL Server).
 */
export interface OrderTerm {
  spec: FieldSpec;
  descending: boolean;
}

const invalidOrder = (detail: string) => new QueryError(`The order argument is invalid: ${detail}.`);

export function parseOrder(text: string | null, model: ModelSpec, defaultDirection: 'ASC' | 'DESC'): OrderTerm[] {
  if (text === null || text.trim() === '') return [];
  const seen = new Set<string>();
  return text.split(',').map((raw) => {
    const words = raw.trim().split(/\s+/);
    const [name, dir, extra] = words;
    if (!name || extra !== undefined) throw invalidOrder(`'${raw.trim()}' is not 'field [ASC|DESC]'`);
    const spec = model.byLowerName.get(name.toLowerCase());
    if (!spec) throw invalidOrder(`'${name}' is not a field of ${model.name}`);
    if (spec.kind === 'object' || spec.kind === 'array') throw invalidOrder(`'${name}' cannot be sorted`);
    // SQL Server refuses an ORDER BY naming a column twice (error 169).
    if (seen.has(spec.wire)) throw invalidOrder(`'${name}' is specified more than once`);
    seen.add(spec.wire);
    const direction = (dir ?? defaultDirection).toUpperCase();
    if (direction !== 'ASC' && direction !== 'DESC') throw invalidOrder(`'${dir ?? ''}' is not ASC or DESC`);
    return { spec, descending: direction === 'DESC' };
  });
}

/** Rows sorted by `terms`, then by id ascending; the input is not changed. */
export function sortRows<T extends Row>(rows: readonly T[], terms: readonly OrderTerm[]): T[] {
  const byId = [...rows].sort((a, b) => Number(a['id']) - Number(b['id']));
  if (terms.length === 0) return byId;
  return byId.sort((a, b) => {
    for (const term of terms) {
      const c = compareValues(term.spec, a[term.spec.wire], b[term.spec.wire]);
      if (c !== 0) return term.descending ? -c : c;
    }
    return 0;
  });
}

function compareValues(spec: FieldSpec, a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? -1 : 1;
  switch (spec.kind) {
    case 'integer':
    case 'decimal':
    case 'boolean':
      return Number(a) - Number(b);
    case 'datetime':
      return (parseWireDate(text(a)) ?? 0) - (parseWireDate(text(b)) ?? 0);
    case 'string':
    case 'enum':
    case 'object':
    case 'array': {
      const x = text(a).toLowerCase();
      const y = text(b).toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}
