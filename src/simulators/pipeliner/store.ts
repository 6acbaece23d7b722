import { ENTITIES } from './entities';
import type { IdFactory } from './ids';

/**
 * One stored record: the entity's stored fields (never links, URL arrays or derived values)
 * plus internal bookkeeping keys starting with `_`, which are never rendered. Rows are
 * replaced, never mutated, so a row handed out stays a consistent snapshot.
 */
export type Row = Readonly<Record<string, unknown>> & { readonly id: string };

type UndoEntry = { plural: string; id: string; previous: Row | undefined; revision: number };

/**
 * The in-memory space: one table per entity, an index on every relation-id field (for
 * `x_relations` lookups and cascades), the space-wide revision counter (the recorded
 * create/update captures show `revision` jumping 1791 → 1794: one counter for the whole space)
 * and an undo journal so a failed write or an all-or-nothing batch leaves no trace.
 */
export class PipelinerStore {
  private readonly tables = new Map<string, Map<string, Row>>();
  private readonly indexes = new Map<string, Map<string, Map<string, Set<string>>>>();
  private journal: UndoEntry[] | null = null;
  revision = 0;

  constructor(readonly ids: IdFactory) {
    for (const def of ENTITIES.values()) {
      this.tables.set(def.plural, new Map());
      const byField = new Map<string, Map<string, Set<string>>>();
      for (const f of def.fields) {
        if (f.kind === 'fk' && f.name !== 'id') byField.set(f.name, new Map());
      }
      this.indexes.set(def.plural, byField);
    }
  }

  private table(plural: string): Map<string, Row> {
    const t = this.tables.get(plural);
    if (!t) throw new Error(`unknown table ${plural}`);
    return t;
  }

  get(plural: string, id: string): Row | undefined {
    return this.tables.get(plural)?.get(id);
  }

  /** A live row (not soft-deleted) or undefined. */
  live(plural: string, id: string): Row | undefined {
    const row = this.get(plural, id);
    return row && row['is_deleted'] !== true ? row : undefined;
  }

  rows(plural: string, includeDeleted = false): Row[] {
    const all = [...this.table(plural).values()];
    return includeDeleted ? all : all.filter((r) => r['is_deleted'] !== true);
  }

  count(plural: string, includeDeleted = false): number {
    return this.rows(plural, includeDeleted).length;
  }

  /** Rows of `plural` whose relation-id `field` equals `value`, in insertion order. */
  referencing(plural: string, field: string, value: string, includeDeleted = false): Row[] {
    const ids = this.indexes.get(plural)?.get(field)?.get(value);
    if (!ids) return [];
    const table = this.table(plural);
    const out: Row[] = [];
    for (const id of ids) {
      const row = table.get(id);
      if (row && (includeDeleted || row['is_deleted'] !== true)) out.push(row);
    }
    return out;
  }

  nextRevision(): number {
    this.revision += 1;
    return this.revision;
  }

  /** Inserts or replaces a row and keeps the relation indexes in step. */
  put(plural: string, row: Row): void {
    const table = this.table(plural);
    const previous = table.get(row.id);
    this.journal?.push({ plural, id: row.id, previous, revision: this.revision });
    if (previous) this.unindex(plural, previous);
    table.set(row.id, row);
    this.index(plural, row);
  }

  private index(plural: string, row: Row): void {
    for (const [field, byValue] of this.indexes.get(plural) ?? []) {
      const v = row[field];
      if (typeof v !== 'string') continue;
      let set = byValue.get(v);
      if (!set) byValue.set(v, (set = new Set()));
      set.add(row.id);
    }
  }

  private unindex(plural: string, row: Row): void {
    for (const [field, byValue] of this.indexes.get(plural) ?? []) {
      const v = row[field];
      if (typeof v === 'string') byValue.get(v)?.delete(row.id);
    }
  }

  /**
   * Runs `work` as one unit: if it throws, or returns a result marked `rollback`, every `put`
   * it made is undone (and the revision counter restored). Nested calls join the outer unit.
   */
  atomically<T>(work: () => T, shouldRollback: (result: T) => boolean = () => false): T {
    if (this.journal) {
      const mark = this.journal.length;
      try {
        const result = work();
        if (shouldRollback(result)) this.undoTo(mark);
        return result;
      } catch (err) {
        this.undoTo(mark);
        throw err;
      }
    }
    this.journal = [];
    try {
      const result = work();
      if (shouldRollback(result)) this.undoTo(0);
      return result;
    } catch (err) {
      this.undoTo(0);
      throw err;
    } finally {
      this.journal = null;
    }
  }

  private undoTo(mark: number): void {
    const journal = this.journal;
    if (!journal) return;
    while (journal.length > mark) {
      const entry = journal.pop();
      if (!entry) break;
      const table = this.table(entry.plural);
      const current = table.get(entry.id);
      if (current) this.unindex(entry.plural, current);
      if (entry.previous) {
        table.set(entry.id, entry.previous);
        this.index(entry.plural, entry.previous);
      } else {
        table.delete(entry.id);
      }
      this.revision = entry.revision;
    }
  }

  /** Every table as stable JSON: same seed and options → byte-identical text. */
  snapshot(): string {
    const out: Record<string, Row[]> = {};
    for (const [plural, table] of this.tables) out[plural] = [...table.values()];
    return JSON.stringify({ revision: this.revision, tables: out });
  }
}
