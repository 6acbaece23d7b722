import type { CallContext } from './call';
import type { FilterOf, ListArgs, Page, PagedEntity, ReferenceEntity } from './connector';
import { GatewayError } from './errors';
import type { Entity, RecordOf, Vendor } from './records';

/** A connector's read functions by entity; an entity left out answers UNSUPPORTED_BY_SOURCE. */
export interface ReadTable {
  get: { [E in Entity]?: (ids: readonly string[], call: CallContext) => Promise<Array<RecordOf[E] | null>> };
  list: { [E in PagedEntity]?: (args: ListArgs<FilterOf[E]>, call: CallContext) => Promise<Page<RecordOf[E]>> };
  all: { [E in ReferenceEntity]?: (call: CallContext) => Promise<Array<RecordOf[E]>> };
}

/**
 * The `getMany` / `list` / `listAll` part of a connector, dispatched by entity from a table,
 * so each vendor states only which function serves which entity. Reference entities without
 * a `get` entry are read by id from their full list (small, and one request for any number
 * of ids).
 */
export class TableReads {
  constructor(
    private readonly source: { readonly id: string; readonly vendor: Vendor },
    private readonly table: ReadTable,
  ) {}

  async getMany<E extends Entity>(entity: E, ids: readonly string[], call: CallContext): Promise<Array<RecordOf[E] | null>> {
    const get = this.table.get[entity];
    if (get) return get(ids, call);
    if (entity === 'PIPELINE' || entity === 'CURRENCY' || entity === 'USER') {
      const all = (await this.listAll(entity, call)) as Array<RecordOf[E]>;
      const byId = new Map(all.map((r) => [r.remoteId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }
    throw this.unsupported(entity, 'read');
  }

  list<E extends PagedEntity>(entity: E, args: ListArgs<FilterOf[E]>, call: CallContext): Promise<Page<RecordOf[E]>> {
    const list = this.table.list[entity];
    if (!list) throw this.unsupported(entity, 'list');
    return list(args, call);
  }

  listAll<E extends ReferenceEntity>(entity: E, call: CallContext): Promise<Array<RecordOf[E]>> {
    const all = this.table.all[entity];
    if (!all) throw this.unsupported(entity, 'list');
    return all(call);
  }

  private unsupported(entity: Entity, verb: string): GatewayError {
    return new GatewayError(
      'UNSUPPORTED_BY_SOURCE',
      `Source "${this.source.id}" (${this.source.vendor}) cannot ${verb} ${entity.toLowerCase()}s`,
      { source: this.source.id, vendor: this.source.vendor },
    );
  }
}
