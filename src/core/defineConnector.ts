import type { CallContext } from './call';
import type { Capability, Connector, FilterOf, Lacks, ListArgs, Operation, Page, PagedEntity, ReferenceEntity } from './connector';
import type { Entity, RecordOf, Vendor } from './records';
import { unsupported } from './sources';
import type { DeletesTable, UpdatesTable, WritesTable } from './writes';

/** A vendor's read functions by entity; an entity left out cannot be read or listed there. */
export interface ReadTable {
  get: { [E in Entity]?: (ids: readonly string[], call: CallContext) => Promise<Array<RecordOf[E] | null>> };
  list: { [E in PagedEntity]?: (args: ListArgs<FilterOf[E]>, call: CallContext) => Promise<Page<RecordOf[E]>> };
  all: { [E in ReferenceEntity]?: (call: CallContext) => Promise<Array<RecordOf[E]>> };
}

/** The filter fields each paged entity has in the GraphQL filter inputs. */
const FILTER_FIELDS: { [E in PagedEntity]: ReadonlyArray<keyof FilterOf[E] & string> } = {
  CONTACT: ['email', 'name', 'accountId', 'updatedSince'],
  ACCOUNT: ['name', 'email', 'updatedSince'],
  OPPORTUNITY: ['accountId', 'status', 'pipelineId', 'stageId', 'updatedSince'],
};

/** Everything a vendor states about one source; `defineConnector` derives the rest. */
export interface ConnectorDeclaration {
  id: string;
  vendor: Vendor;
  name: string;
  limits: {
    /** Largest `first` the vendor accepts on a list call. */
    maxPageSize: number;
    /** Largest number of ids one loader batch hands to `reads.get`. */
    maxBatchSize: number;
    /** Ids one vendor request answers: 1 where each record is a GET of its own; omitted = a batch read. */
    idsPerRead?: number;
  };
  /** Relation fields whose records come embedded in the record's own answer (cost estimate). */
  embeds?: Partial<Record<Entity, readonly string[]>>;
  reads: ReadTable;
  /** The filters the vendor applies, per paged entity it lists. */
  filters: { [E in PagedEntity]?: ReadonlyArray<keyof FilterOf[E] & string> };
  writes: WritesTable;
  /** Update paths by entity; omitted = the vendor updates nothing here. */
  updates?: UpdatesTable;
  /** Delete paths by entity; omitted = the vendor deletes nothing here. */
  deletes?: DeletesTable;
  /** Why the vendor lacks an entity it does not declare, for the UNSUPPORTED_BY_SOURCE message. */
  lacks?: Lacks;
  close(): Promise<void>;
}

const REFERENCE: ReadonlySet<Entity> = new Set<Entity>(['PIPELINE', 'CURRENCY', 'USER']);
const ENTITIES: readonly Entity[] = ['CONTACT', 'ACCOUNT', 'OPPORTUNITY', 'PIPELINE', 'CURRENCY', 'USER'];

/**
 * A connector from its declaration. Capabilities are derived from what is declared — READ where
 * there is a `get` (or, for reference data, a full list), LIST where there is a list, CREATE
 * where there is a write path, BATCH_CREATE where that path batches, UPDATE / BATCH_UPDATE /
 * DELETE likewise — so a capability can never
 * promise what the connector does not do. A declaration that contradicts itself (filters on an
 * entity it cannot list, a filter the schema has no field for) is refused when built, naming
 * the mismatch.
 */
export function defineConnector(d: ConnectorDeclaration): Connector {
  checkDeclaration(d);
  const updates = d.updates ?? {};
  const deletes = d.deletes ?? {};
  const capabilities = ENTITIES.flatMap((entity): Capability[] => {
    const operations = operationsOf(d, entity);
    if (operations.length === 0) return [];
    const filters = (d.filters as Partial<Record<Entity, readonly string[]>>)[entity] ?? [];
    const writes = d.writes[entity as keyof WritesTable];
    const update = updates[entity as keyof UpdatesTable];
    const versionCheck = update?.versionCheck ?? deletes[entity as keyof DeletesTable]?.versionCheck ?? null;
    return [
      {
        entity,
        operations,
        filters: [...filters],
        requiredOnCreate: [...(writes?.requiredOnCreate ?? [])],
        updatableFields: [...(update?.updatableFields ?? [])],
        versionCheck,
      },
    ];
  });
  const source = { id: d.id, vendor: d.vendor, ...(d.lacks ? { lacks: d.lacks } : {}) };

  return {
    id: d.id,
    vendor: d.vendor,
    name: d.name,
    capabilities,
    maxPageSize: d.limits.maxPageSize,
    maxBatchSize: d.limits.maxBatchSize,
    ...(d.limits.idsPerRead !== undefined ? { idsPerRead: d.limits.idsPerRead } : {}),
    ...(d.embeds ? { embeds: d.embeds } : {}),
    writes: d.writes,
    updates,
    deletes,
    ...(d.lacks ? { lacks: d.lacks } : {}),
    async getMany<E extends Entity>(entity: E, ids: readonly string[], call: CallContext) {
      const get = d.reads.get[entity];
      if (get) return get(ids, call);
      const all = REFERENCE.has(entity) ? d.reads.all[entity as ReferenceEntity] : undefined;
      if (!all) throw unsupported(source, entity, 'READ');
      const byId = new Map((await all(call)).map((r) => [r.remoteId, r]));
      return ids.map((id) => (byId.get(id) ?? null) as RecordOf[E] | null);
    },
    async list<E extends PagedEntity>(entity: E, args: ListArgs<FilterOf[E]>, call: CallContext): Promise<Page<RecordOf[E]>> {
      const list = d.reads.list[entity];
      if (!list) throw unsupported(source, entity, 'LIST');
      return list(args, call);
    },
    async listAll<E extends ReferenceEntity>(entity: E, call: CallContext): Promise<Array<RecordOf[E]>> {
      const all = d.reads.all[entity];
      if (!all) throw unsupported(source, entity, 'LIST');
      return all(call);
    },
    close: () => d.close(),
  };
}

function operationsOf(d: ConnectorDeclaration, entity: Entity): Operation[] {
  const ops: Operation[] = [];
  const reference = REFERENCE.has(entity) ? d.reads.all[entity as ReferenceEntity] : undefined;
  if (d.reads.get[entity] || reference) ops.push('READ');
  if (d.reads.list[entity as PagedEntity] || reference) ops.push('LIST');
  const writes = d.writes[entity as keyof WritesTable];
  if (writes) ops.push('CREATE');
  if (writes && writes.batchSize > 1) ops.push('BATCH_CREATE');
  const update = d.updates?.[entity as keyof UpdatesTable];
  if (update) ops.push('UPDATE');
  if (update && update.batchSize > 1) ops.push('BATCH_UPDATE');
  if (d.deletes?.[entity as keyof DeletesTable]) ops.push('DELETE');
  return ops;
}

function checkDeclaration(d: ConnectorDeclaration): void {
  const problems: string[] = [];
  for (const [entity, filters] of Object.entries(d.filters) as Array<[PagedEntity, readonly string[]]>) {
    if (!d.reads.list[entity]) problems.push(`declares filters for ${entity} but no list of it`);
    const known: readonly string[] = FILTER_FIELDS[entity];
    for (const f of filters) if (!known.includes(f)) problems.push(`declares filter "${f}" on ${entity}, which has no such filter field`);
  }
  for (const [entity, writes] of Object.entries(d.writes)) {
    if (writes && !(writes.batchSize >= 1)) problems.push(`declares a batch size of ${writes.batchSize} for ${entity} creates`);
    if (writes && !d.reads.get[entity as Entity]) problems.push(`creates ${entity} records but cannot read them back by id`);
  }
  for (const [entity, update] of Object.entries(d.updates ?? {})) {
    if (update && !(update.batchSize >= 1)) problems.push(`declares a batch size of ${update.batchSize} for ${entity} updates`);
    if (update && update.updatableFields.length === 0) problems.push(`updates ${entity} records but declares no field it can change`);
    if (update && !d.reads.get[entity as Entity]) problems.push(`updates ${entity} records but cannot read them by id`);
  }
  for (const [entity, del] of Object.entries(d.deletes ?? {})) {
    if (del && !d.reads.get[entity as Entity]) problems.push(`deletes ${entity} records but cannot read them by id`);
  }
  if (!(d.limits.maxPageSize >= 1)) problems.push(`declares maxPageSize ${d.limits.maxPageSize}`);
  if (!(d.limits.maxBatchSize >= 1)) problems.push(`declares maxBatchSize ${d.limits.maxBatchSize}`);
  if (problems.length > 0) throw new TypeError(`connector "${d.id}" (${d.vendor}): ${problems.join('; ')}`);
}
