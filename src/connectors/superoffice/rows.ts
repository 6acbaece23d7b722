import type { SuperOfficeArchiveRow } from './wire';

/**
 * Typed reads of one `$mode=full` archive row (vendor notes §3): each selected column is
 * `{RawValue, DisplayValue}`. Ids come from `RawValue` (numbers; numeric strings and `[I:n]`
 * tags accepted too, the undocumented encodings of raw values); names from `DisplayValue`.
 * A column the row lacks reads as empty, never as an error: rows stay total.
 */
export class ArchiveRow {
  constructor(readonly wire: SuperOfficeArchiveRow) {}

  /** The row's primary key as our remote id. */
  get key(): string {
    return String(this.wire.PrimaryKey);
  }

  /** A non-zero integer (an id), or null for 0 and empty. */
  id(column: string): number | null {
    const n = toInt(this.wire.Column[column]?.RawValue);
    return n === null || n === 0 ? null : n;
  }

  number(column: string): number | null {
    const raw = this.wire.Column[column]?.RawValue;
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    if (typeof raw === 'string' && raw.trim() !== '') {
      const n = Number(raw.replace(/^\[F:|\]$/g, ''));
      return Number.isFinite(n) ? n : null;
    }
    return null;
  }

  /** Text, null when empty. */
  text(column: string): string | null {
    const cell = this.wire.Column[column];
    const v =
      typeof cell?.RawValue === 'string'
        ? cell.RawValue
        : typeof cell?.DisplayValue === 'string'
          ? cell.DisplayValue
          : null;
    return v === null || v.trim() === '' ? null : v;
  }

  /** The display value of a list column (the item's name), null when empty. */
  display(column: string): string | null {
    const v = this.wire.Column[column]?.DisplayValue;
    return typeof v === 'string' && v.trim() !== '' ? v : null;
  }

  /** The raw value as sent, for date parsing. */
  raw(column: string): unknown {
    const cell = this.wire.Column[column];
    return typeof cell?.RawValue === 'string' ? cell.RawValue : cell?.DisplayValue;
  }
}

function toInt(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') {
    const m = /^\s*(?:\[I:)?(-?\d+)\]?\s*$/.exec(v);
    if (m) return Number(m[1]);
  }
  return null;
}
