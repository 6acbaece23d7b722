import {
  Kind,
  OperationTypeNode,
  getNamedType,
  isListType,
  isNonNullType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Connector } from '../../core/connector';
import { supports } from '../../core/connector';
import { decodeId } from '../../core/globalId';
import type { Entity } from '../../core/records';
import type { SourceRegistry } from '../../core/sources';
import { ENTITY_OF_TYPE } from '../entityTypes';
import { DEFAULT_FIRST, MAX_FIRST } from '../resolvers/lists';
import { collectFields, type CollectedField } from './shape';

/**
 * The estimated number of vendor requests an operation sends, from its selection, its
 * arguments and the sources it would touch. Meant as a ceiling for what the operation asks:
 * relations count unless the source says they arrive embedded (`Connector.embeds`), reads are
 * never assumed shared. Requests a connector makes on its own account (a login, a lookup of
 * reference data) are not foreseen.
 *
 * - a root list: per source, `first` rows in pages of that source's largest page;
 * - a relation (owner, primaryAccount …) of N records: the N ids read in the source's
 *   batches — one request per id where the vendor reads one record at a time;
 * - a nested connection (`account.contacts`): one list request per parent;
 * - reference data (pipelines, currencies, users): one request per source;
 * - a create, update or delete: two requests (the write and its lookups or the read before it);
 *   a batch: one per input, or the source's batches (see `batchWrites`).
 *
 * Work is bounded: the estimate stops as soon as it passes `limit`, and at `maxVisits` fields.
 */
export function estimateCost(args: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
  sources: SourceRegistry;
  limit: number;
  maxVisits?: number;
}): { cost: number; complete: boolean } {
  const estimator = new Estimator(args, args.limit, args.maxVisits ?? 50_000);
  try {
    const root = args.operation.operation === OperationTypeNode.MUTATION ? args.schema.getMutationType() : args.schema.getQueryType();
    if (!root) return { cost: 0, complete: true };
    estimator.root(root.name, args.operation.selectionSet);
    return { cost: estimator.total, complete: true };
  } catch (err) {
    if (err === STOP) return { cost: estimator.total, complete: false };
    throw err;
  }
}

/** Thrown inside the walk to end it early; caught by `estimateCost`. */
class Stop extends Error {}
const STOP = new Stop('cost estimate stopped');

/** Records of one relation list (`opportunity.contacts`, `contact.accounts`) assumed per parent. */
const LIST_FANOUT = 5;
/** Reference records (pipelines, currencies, users) assumed per source. */
const REFERENCE_ROWS = 20;

const REFERENCE: ReadonlySet<Entity> = new Set(['PIPELINE', 'CURRENCY', 'USER']);

class Estimator {
  total = 0;
  private visits = 0;

  constructor(
    private readonly a: {
      schema: GraphQLSchema;
      fragments: ReadonlyMap<string, FragmentDefinitionNode>;
      variables: Readonly<Record<string, unknown>>;
      sources: SourceRegistry;
    },
    private readonly limit: number,
    private readonly maxVisits: number,
  ) {}

  root(typeName: string, set: SelectionSetNode): void {
    for (const group of collectFields([set], this.a.fragments).values()) {
      const found = this.field(typeName, group);
      if (!found) continue;
      const { node, def } = found;
      const named = getNamedType(def.type).name;
      const entity = entityOf(named);
      const all = this.a.sources.all();
      if (named.endsWith('Connection') && entity) {
        const sources = this.selected(node, entity, 'LIST');
        const first = this.first(node);
        this.add(sources.reduce((sum, c) => sum + Math.ceil(first / Math.max(1, c.maxPageSize)), 0));
        this.children(def.type, group, first, sources);
      } else if (entity && REFERENCE.has(entity) && isListType(unwrap(def.type))) {
        const sources = this.selected(node, entity, 'LIST');
        this.add(sources.length);
        this.children(def.type, group, REFERENCE_ROWS * sources.length, sources);
      } else if (typeName === this.a.schema.getMutationType()?.name) {
        // A batch create writes one item per request at worst; a single create also looks up defaults.
        const batch = def.args.some((arg) => arg.name === 'inputs');
        const n = batch ? this.listLength(node, 'inputs') : 1;
        this.add(batch ? this.batchWrites(node) : 2);
        this.children(def.type, group, n, all);
      } else if (def.args.some((arg) => arg.name === 'ids')) {
        const n = this.listLength(node, 'ids');
        this.add(this.reads(n, all, entity));
        this.children(def.type, group, n, all);
      } else if (def.args.some((arg) => arg.name === 'id')) {
        this.add(1);
        this.children(def.type, group, 1, all);
      } else {
        this.children(def.type, group, 1, all);
      }
    }
  }

  /**
   * Fields below a field of `type`, for `n` parent values coming from `sources`; `embedded` are
   * the sources that delivered these values inside their parent (a relation list's rows).
   */
  private children(
    type: GraphQLOutputType,
    group: readonly CollectedField[],
    n: number,
    sources: readonly Connector[],
    embedded: ReadonlySet<Connector> = new Set(),
  ): void {
    const sets = group.flatMap((f) => (f.node.selectionSet ? [f.node.selectionSet] : []));
    if (sets.length === 0 || n === 0) return;
    const parent = getNamedType(type).name;
    const parentEntity = entityOf(parent);
    for (const sub of collectFields(sets, this.a.fragments).values()) {
      const found = this.field(parent, sub);
      if (!found) continue;
      const { node, def } = found;
      const named = getNamedType(def.type).name;
      const entity = entityOf(named);
      const list = isListType(unwrap(def.type));
      // Sources whose parent record brought this field along: it costs them nothing.
      const brought = new Set(sources.filter((c) => embedded.has(c) || (parentEntity && c.embeds?.[parentEntity]?.includes(node.name.value))));
      if (named.endsWith('Connection') && entity) {
        // One list request per parent record.
        const first = this.first(node);
        this.add(n);
        this.children(def.type, sub, n * first, sources);
      } else if (entity) {
        const rows = list ? n * LIST_FANOUT : n;
        // An edge's node and a payload's record are the rows themselves, already read or written.
        const itself = parent.endsWith('Edge') || parent.endsWith('Payload');
        if (!itself) this.add(this.reads(rows, sources.filter((c) => !brought.has(c)), entity));
        this.children(def.type, sub, rows, sources);
      } else {
        // Embedded (edges, money, stages, links …): a connection's edges are its `first` rows already.
        const rows = list && !parent.endsWith('Connection') ? n * LIST_FANOUT : n;
        this.children(def.type, sub, rows, sources, parent.endsWith('Connection') || parent.endsWith('Edge') ? embedded : brought);
      }
    }
  }

  /**
   * A batch write's requests, per source its inputs name (a create's `source`, an update's
   * `id`). Creates: the source's batches where it writes in batches (plus one for lookups),
   * else one per input. Updates: the current records read in the source's read batches, then
   * its update batches where it has BATCH_UPDATE, else one per input, plus one for lookups.
   * Inputs naming no source the principal sees cost nothing.
   */
  private batchWrites(node: FieldNode): number {
    const inputs = this.argument(node, 'inputs');
    const list = Array.isArray(inputs) ? inputs : inputs == null ? [] : [inputs];
    const update = node.name.value.startsWith('update');
    const entity = entityOfBatch(node.name.value);
    const perSource = new Map<string, number>();
    for (const input of list) {
      const source = update ? sourceOfId((input as { id?: unknown } | null)?.id) : (input as { source?: unknown } | null)?.source;
      if (typeof source === 'string') perSource.set(source, (perSource.get(source) ?? 0) + 1);
    }
    let requests = 0;
    for (const [id, n] of perSource) {
      if (!this.a.sources.has(id)) continue;
      const c = this.a.sources.get(id);
      if (!update) {
        requests += supports(c, entity, 'BATCH_CREATE') ? Math.ceil(n / Math.max(1, c.maxBatchSize)) + 1 : n + 1;
        continue;
      }
      const batchSize = c.updates[entity as keyof typeof c.updates]?.batchSize ?? 1;
      const reads = Math.ceil(n / Math.max(1, c.idsPerRead ?? c.maxBatchSize));
      requests += reads + (batchSize > 1 ? Math.ceil(n / batchSize) : n) + 1;
    }
    return requests;
  }

  /** Requests to read `n` ids of `entity` from whichever of `sources` they belong to. */
  private reads(n: number, sources: readonly Connector[], entity: Entity | undefined): number {
    if (n === 0) return 0;
    const able = entity ? sources.filter((c) => supports(c, entity, 'READ') || supports(c, entity, 'LIST')) : sources;
    if (able.length === 0) return 0;
    if (entity && REFERENCE.has(entity)) return able.length;
    // All n from the source with the smallest batches, plus a partial batch at every other.
    const worst = Math.max(...able.map((c) => Math.ceil(n / Math.max(1, c.idsPerRead ?? c.maxBatchSize))));
    return worst + able.length - 1;
  }

  private field(typeName: string, group: readonly CollectedField[]): { node: FieldNode; def: GraphQLField<unknown, unknown> } | null {
    const first = group[0];
    if (!first || first.node.name.value.startsWith('__')) return null;
    this.visits += 1;
    if (this.visits > this.maxVisits) throw STOP;
    const type = this.a.schema.getType(first.typeCondition ?? typeName) ?? this.a.schema.getType(typeName);
    const fields = type && 'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : null;
    const def = fields?.[first.node.name.value] ?? this.onAnyType(typeName, first.node.name.value);
    return def ? { node: first.node, def } : null;
  }

  /** A field asked on an interface through a fragment of one of its types. */
  private onAnyType(typeName: string, field: string): GraphQLField<unknown, unknown> | undefined {
    const type = this.a.schema.getType(typeName);
    if (!type || !('getFields' in type)) return undefined;
    for (const t of this.a.schema.getPossibleTypes(type as never)) {
      const def = t.getFields()[field];
      if (def) return def;
    }
    return undefined;
  }

  private add(requests: number): void {
    this.total += requests;
    if (this.total > this.limit) throw STOP;
  }

  /** The sources a root list would ask: the named ones that can, else every one that can. */
  private selected(node: FieldNode, entity: Entity, operation: 'LIST'): Connector[] {
    const ids = this.argument(node, 'sources');
    const all = this.a.sources.all().filter((c) => supports(c, entity, operation));
    if (!Array.isArray(ids)) return all;
    const wanted = new Set(ids.filter((id): id is string => typeof id === 'string'));
    return all.filter((c) => wanted.has(c.id));
  }

  private first(node: FieldNode): number {
    const value = this.argument(node, 'first');
    const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : DEFAULT_FIRST;
    return Math.min(MAX_FIRST, Math.max(1, n));
  }

  private listLength(node: FieldNode, name: string): number {
    const value = this.argument(node, name);
    if (Array.isArray(value)) return value.length;
    return value === undefined || value === null ? 0 : 1;
  }

  private argument(node: FieldNode, name: string): unknown {
    const arg = node.arguments?.find((a) => a.name.value === name);
    return arg ? valueOf(arg.value, this.a.variables) : undefined;
  }
}

/** `createContacts` → CONTACT, `updateOpportunities` → OPPORTUNITY. */
function entityOfBatch(field: string): Entity {
  return entityOf(field.replace(/^(create|update)/, '').replace(/ies$/, 'y').replace(/s$/, '')) ?? 'CONTACT';
}

/** The source a global id names; undefined for anything that is not one. */
function sourceOfId(id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  try {
    return decodeId(id).source;
  } catch {
    return undefined;
  }
}

function entityOf(typeName: string): Entity | undefined {
  return ENTITY_OF_TYPE[typeName.replace(/Connection$/, '')];
}

function unwrap(type: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(type) ? type.ofType : type;
}

/** The plain value of an argument: literals as written, variables from the request. */
function valueOf(value: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return variables[value.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(value.value);
    case Kind.STRING:
    case Kind.ENUM:
      return value.value;
    case Kind.BOOLEAN:
      return value.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return value.values.map((v) => valueOf(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(value.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
  }
}
