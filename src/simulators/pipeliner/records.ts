import { entityDef, isModelled, LABEL_FLAG, type EntityDef, type FieldDef, type UnflaggedLabel } from './entities';
import type { PipelinerStore, Row } from './store';
import { formatTimestamp, MICROS_PER_DAY } from './time';

/**
 * Turns stored rows into wire records (vendor notes §3 conventions, checklist 5): fields in
 * spec order, to-one relations as `x_id` plus an `x` URL built from the request's own origin
 * and space, to-many relations as URL arrays, derived values computed from relation rows,
 * `expand` swapping URLs for objects and `load-only` trimming fields (both dotted).
 */

export interface RenderContext {
  store: PipelinerStore;
  /** `http://host:port` as the client addressed the simulator. */
  origin: string;
  spaceId: string;
  /** How an opportunity without a label flag renders `label_flag` (options.ts). */
  unflaggedLabel?: UnflaggedLabel;
  /** IANA zone from the `Timezone` header; UTC when absent. */
  timeZone?: string;
  /** The request's instant (µs), for values such as `days_in_step`. */
  now: number;
}

/** A parsed `expand` or `load-only` list: each name maps to its dotted children. */
export type FieldTree = Map<string, FieldTree>;

export function entityUrl(ctx: RenderContext, plural: string, id: string): string {
  return `${ctx.origin}/api/v100/rest/spaces/${encodeURIComponent(ctx.spaceId)}/entities/${plural}/${id}`;
}

function byCreated(a: Row, b: Row): number {
  const ca = Number(a['created']);
  const cb = Number(b['created']);
  return ca !== cb ? ca - cb : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The live primary relation row of a contact or opportunity, if any. */
export function primaryRelation(store: PipelinerStore, plural: string, fk: string, ownerId: string): Row | undefined {
  return store.referencing(plural, fk, ownerId).find((r) => r['is_primary'] === true);
}

/** Live rows behind a to-many field, in a stable order (steps by `sort_order`). */
export function relatedRows(store: PipelinerStore, def: EntityDef, f: FieldDef, row: Row): Row[] {
  if (!f.by || !isModelled(f.target)) return [];
  const rows = store.referencing(f.target, f.by, row.id);
  if (def.plural === 'Pipelines' && f.name === 'steps') {
    return rows.sort((a, b) => Number(a['sort_order']) - Number(b['sort_order']) || byCreated(a, b));
  }
  return rows.sort(byCreated);
}

/** The id a link field points at (stored via its fk, or derived from relation rows). */
export function linkId(store: PipelinerStore, def: EntityDef, f: FieldDef, row: Row): string | null {
  if (f.via) {
    const v = row[f.via];
    return typeof v === 'string' ? v : null;
  }
  switch (`${def.plural}.${f.name}`) {
    case 'Contacts.primary_account':
      return strOrNull(primaryRelation(store, 'ContactAccountRelations', 'contact_id', row.id)?.['account_id']);
    case 'Opportunities.primary_account':
      return strOrNull(primaryRelation(store, 'LeadOpptyAccountRelations', 'lead_oppty_id', row.id)?.['account_id']);
    case 'Opportunities.primary_contact':
      return strOrNull(primaryRelation(store, 'LeadOpptyContactRelations', 'lead_oppty_id', row.id)?.['contact_id']);
    case 'LeadOpptyAccountRelations.oppty':
    case 'LeadOpptyContactRelations.oppty': {
      // `lead_oppty_id` names a lead or an opportunity; only opportunities are modelled.
      const target = strOrNull(row['lead_oppty_id']);
      return target && store.get('Opportunities', target) ? target : null;
    }
    default:
      return null;
  }
}

function strOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * The scalar value of a field as filters and `order-by` see it: stored values, plus derived
 * ones (formatted names, positions, days in step). Datetimes stay as microseconds here.
 */
export function scalarValue(ctx: RenderContext, def: EntityDef, row: Row, f: FieldDef): unknown {
  if (!f.derived) {
    const stored = row[f.name] ?? f.def ?? null;
    return stored === null && f.name === LABEL_FLAG && ctx.unflaggedLabel === 'zero' ? 0 : stored;
  }
  const key = `${def.plural}.${f.name}`;
  switch (key) {
    case 'Contacts.formatted_name':
      // The create-contact tutorial: the name is first + middle + last (notes §3.1).
      return [row['first_name'], row['middle_name'], row['last_name']]
        .filter((p): p is string => typeof p === 'string' && p !== '')
        .join(' ');
    case 'Contacts.primary_account_position':
      return primaryRelation(ctx.store, 'ContactAccountRelations', 'contact_id', row.id)?.['position'] ?? '';
    case 'Contacts.account_position': {
      // Spec: position at the primary account, else the contact's quick account position.
      const primary = primaryRelation(ctx.store, 'ContactAccountRelations', 'contact_id', row.id);
      return primary ? (primary['position'] ?? '') : (row['position'] ?? '');
    }
    case 'Accounts.formatted_name':
    case 'Opportunities.formatted_name':
      return row['name'] ?? '';
    case 'Clients.formatted_name':
      return row['name'] || row['email'] || '';
    case 'Opportunities.table_name':
      return 'opportunity';
    case 'Opportunities.days_in_step': {
      const since = Number(row['_step_changed'] ?? row['created']);
      return Math.max(0, Math.floor((ctx.now - since) / MICROS_PER_DAY));
    }
    default:
      return null;
  }
}

const EMBEDDED_STEP_FIELDS = [
  'description',
  'has_readonly_form',
  'has_version_increment',
  'lead_process_id',
  'name',
  'percent',
  'quote_process_id',
  'timeframe',
  'revision',
  'documents',
  'step_checklists',
  'id',
];

/**
 * Renders one row. `expand` and `only` are the subtrees for this level; a dotted `load-only`
 * path through a relation implies expanding it (`load-only=id,owner.email`).
 */
export function renderRecord(
  ctx: RenderContext,
  def: EntityDef,
  row: Row,
  expand?: FieldTree,
  only?: FieldTree,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of def.fields) {
    if (only && only.size > 0 && !only.has(f.name)) continue;
    const subExpand = expand?.get(f.name);
    const subOnlyRaw = only?.get(f.name);
    const subOnly = subOnlyRaw && subOnlyRaw.size > 0 ? subOnlyRaw : undefined;
    const asObject = subExpand !== undefined || subOnly !== undefined;
    out[f.name] = renderField(ctx, def, row, f, asObject, subExpand, subOnly);
  }
  return out;
}

function renderField(
  ctx: RenderContext,
  def: EntityDef,
  row: Row,
  f: FieldDef,
  asObject: boolean,
  subExpand: FieldTree | undefined,
  subOnly: FieldTree | undefined,
): unknown {
  switch (f.kind) {
    case 'link': {
      const id = linkId(ctx.store, def, f, row);
      if (id === null || !f.target) return null;
      if (asObject && isModelled(f.target)) {
        const target = ctx.store.get(f.target, id);
        if (target) return renderRecord(ctx, entityDef(f.target), target, subExpand, subOnly);
      }
      return entityUrl(ctx, f.target, id);
    }
    case 'many': {
      const rows = relatedRows(ctx.store, def, f, row);
      const target = f.target ?? '';
      if (asObject && isModelled(target)) {
        return rows.map((r) => renderRecord(ctx, entityDef(target), r, subExpand, subOnly));
      }
      if (def.plural === 'Pipelines' && f.name === 'steps') {
        // Unexpanded, the spec types Pipeline.steps as embedded batchStepInput objects.
        const stepDef = entityDef('Steps');
        const shape: FieldTree = new Map(EMBEDDED_STEP_FIELDS.map((n) => [n, new Map<string, FieldTree>()]));
        return rows.map((r) => renderRecord(ctx, stepDef, r, undefined, shape));
      }
      return rows.map((r) => entityUrl(ctx, target, r.id));
    }
    case 'datetime': {
      const v = f.derived ? scalarValue(ctx, def, row, f) : row[f.name];
      return typeof v === 'number' ? formatTimestamp(v, ctx.timeZone) : null;
    }
    case 'object':
    case 'list': {
      const v = row[f.name] ?? f.def ?? null;
      return v === null ? null : structuredClone(v);
    }
    case 'text':
    case 'int':
    case 'number':
    case 'bool':
    case 'date':
    case 'fk':
      return scalarValue(ctx, def, row, f);
  }
}
