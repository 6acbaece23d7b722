import type { ArchiveEnv, ColumnDef, Provider, RawValue } from './columns';
import { formatDate, type DateContext } from './dates';
import { badRequest } from './errors';
import { parseFilter } from './filter';
import { compile } from './predicates';
import { assertRestrictable } from './restrictions';

/**
 * OData queries over an archive provider (vendor notes §3): `$select`, `$filter`,
 * `$orderby`/`$orderBy`, `$top`, `$skip`, `$mode` (SLIM|FULL), `$jsonSafe`. The answer is
 * `{"odata.metadata", "odata.nextLink", "value": [...]}`; SLIM rows carry `PrimaryKey` (a
 * string), `EntityName` and one key per selected column, spelled exactly as selected, holding
 * the display value. Paging has no documented cap, default or next link (open question 1),
 * so by default: no cap, all rows without `$top`, `odata.nextLink: null`.
 */

export interface ArchiveSettings {
  dates: DateContext;
  now: number;
  currentAssociateId: number;
  maxTop: number | null;
  defaultTop: number | null;
  emitNextLink: boolean;
  failUndocumentedOperators: boolean;
  /** Refuse columns and operators outside the archive reference (restrictions.ts). */
  strictFilters: boolean;
  /** Read `\'` inside a quoted literal as a quote (filter.ts). */
  backslashEscapesQuote: boolean;
  metadataUrl: string;
  /** The request URL without query, for next links. */
  selfUrl: string;
}

type Row = Record<string, unknown>;

export function runArchive<R>(provider: Provider<R>, env: ArchiveEnv, query: URLSearchParams, s: ArchiveSettings): Row {
  const q = (name: string): string | null => {
    for (const [k, v] of query) if (k.toLowerCase() === name.toLowerCase()) return v;
    return null;
  };
  const columns = new Map(provider.columns.map((c) => [c.name.toLowerCase(), c] as const));
  const column = (name: string, where: string): ColumnDef<R> => {
    const c = columns.get(name.toLowerCase());
    if (!c) throw badRequest(`${where}: unknown column '${name}' in archive provider '${provider.name}'`);
    return c;
  };

  const selectText = q('$select');
  const selected = (selectText ? selectText.split(',') : provider.defaultColumns)
    .map((c) => c.trim())
    .filter(Boolean)
    .map((asWritten) => {
      if (/[()]/.test(asWritten)) throw badRequest(`$select: aggregates are not supported ('${asWritten}')`);
      return { asWritten, def: column(asWritten, '$select') };
    });

  const filterText = q('$filter');
  const parsed = filterText ? parseFilter(filterText, s.backslashEscapesQuote) : null;
  if (parsed && s.strictFilters) assertRestrictable(parsed, provider, column);
  const predicate = parsed ? compile(parsed, column, s) : () => true;

  const orderText = q('$orderby');
  const order = (orderText ? orderText.split(',') : [])
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      const [name = '', dir = 'asc'] = o.split(/\s+/);
      if (!/^(asc|desc)$/i.test(dir)) throw badRequest(`$orderby: bad direction '${dir}'`);
      return { def: column(name, '$orderby'), desc: dir.toLowerCase() === 'desc' };
    });

  const skip = intParam(q('$skip'), '$skip') ?? 0;
  let top = intParam(q('$top'), '$top') ?? s.defaultTop;
  if (top !== null && s.maxTop !== null) top = Math.min(top, s.maxTop);

  const rows = provider
    .rows(env)
    .filter((r) => predicate(r, env))
    .sort((a, b) => {
      for (const o of order) {
        const c = compareValues(sortValue(o.def, a, env), sortValue(o.def, b, env));
        if (c !== 0) return o.desc ? -c : c;
      }
      return provider.key(a) - provider.key(b);
    });
  const page = top === null ? rows.slice(skip) : rows.slice(skip, skip + top);

  const full = (q('$mode') ?? '').toLowerCase() === 'full';
  const jsonSafe = (q('$jsonSafe') ?? '').toLowerCase() === 'true';
  const outKey = (name: string): string => (jsonSafe ? name.replace(/[^A-Za-z0-9_]/g, '_') : name);

  const value = page.map((r) => {
    const key = provider.key(r);
    if (!full) {
      const row: Row = { PrimaryKey: String(key), EntityName: provider.entityName };
      for (const c of selected) row[outKey(c.asWritten)] = displayValue(c.def, r, env, s.dates);
      return row;
    }
    const cols: Row = {};
    for (const c of selected) {
      const raw = c.def.raw(r, env);
      const shown = displayValue(c.def, r, env, s.dates);
      cols[outKey(c.asWritten)] = {
        RawValue: c.def.kind === 'date' ? shown : raw,
        DisplayValue: String(shown ?? ''),
        LinkHint: '',
        TooltipHint: `{${provider.entityName}_id=${key}}`,
      };
    }
    return {
      PrimaryKey: key,
      EntityName: provider.entityName,
      StyleHint: '',
      LinkHint: `nav=${provider.entityName}&${provider.entityName}_id=${key}`,
      TableRight: { Mask: 1, Reason: '' },
      Column: cols,
    };
  });

  let nextLink: string | null = null;
  if (s.emitNextLink && top !== null && skip + page.length < rows.length) {
    const next = new URLSearchParams(query);
    for (const k of [...next.keys()]) if (k.toLowerCase() === '$skip' || k.toLowerCase() === '$top') next.delete(k);
    next.set('$top', String(top));
    next.set('$skip', String(skip + page.length));
    nextLink = `${s.selfUrl}?${next.toString()}`;
  }
  return { 'odata.metadata': s.metadataUrl, 'odata.nextLink': nextLink, value };
}

function intParam(v: string | null, name: string): number | null {
  if (v === null || v === '') return null;
  if (!/^\d+$/.test(v.trim())) throw badRequest(`${name} must be a non-negative integer`);
  return Number(v);
}

function displayValue<R>(c: ColumnDef<R>, r: R, env: ArchiveEnv, dates: DateContext): unknown {
  if (c.display) return c.display(r, env);
  const raw = c.raw(r, env);
  if (c.kind === 'date') return formatDate(typeof raw === 'number' ? raw : null, dates);
  return raw;
}

function sortValue<R>(c: ColumnDef<R>, r: R, env: ArchiveEnv): RawValue {
  return c.display ? c.display(r, env) : c.raw(r, env);
}

function compareValues(a: RawValue, b: RawValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { sensitivity: 'base' });
  return a < b ? -1 : a > b ? 1 : 0;
}
