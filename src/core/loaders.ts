import DataLoader from 'dataloader';
import type { CallContext } from './call';
import type { ReferenceEntity } from './connector';
import type { AnyRecord, Entity, RecordOf } from './records';
import type { SourceRegistry } from './sources';

/**
 * Per-operation record access. One DataLoader per (source, entity) batches ids into the
 * connector's `getMany` and caches for this operation only; reference lists (pipelines,
 * currencies, users) are read once per operation. Built fresh for every request, never shared.
 */
export class RecordLoaders {
  private readonly loaders = new Map<string, DataLoader<string, AnyRecord | null>>();
  private readonly references = new Map<string, Promise<AnyRecord[]>>();

  constructor(
    private readonly sources: SourceRegistry,
    private readonly call: CallContext,
  ) {}

  /** The record, or null when the source has none with that id. */
  async load<E extends Entity>(entity: E, source: string, remoteId: string): Promise<RecordOf[E] | null> {
    if (entity === 'PIPELINE' || entity === 'CURRENCY') {
      const all = await this.all(entity, source);
      return (all.find((r) => r.remoteId === remoteId) as RecordOf[E] | undefined) ?? null;
    }
    return (await this.loader(entity, source).load(remoteId)) as RecordOf[E] | null;
  }

  /** Records aligned with `remoteIds`; a failed batch rejects. */
  async loadMany<E extends Entity>(
    entity: E,
    source: string,
    remoteIds: readonly string[],
  ): Promise<Array<RecordOf[E] | null>> {
    return Promise.all(remoteIds.map((id) => this.load(entity, source, id)));
  }

  /** Makes a record fetched along with another (an expanded relation) free to load. */
  prime(record: AnyRecord): void {
    this.loader(record.entity, record.source).prime(record.remoteId, record);
  }

  /** Every pipeline, currency or user of a source, read once per operation. */
  all<E extends ReferenceEntity>(entity: E, source: string): Promise<Array<RecordOf[E]>> {
    const key = `${source}\u0000${entity}`;
    let pending = this.references.get(key);
    if (!pending) {
      pending = this.sources.get(source).listAll(entity, this.call);
      this.references.set(key, pending);
    }
    return pending as Promise<Array<RecordOf[E]>>;
  }

  private loader(entity: Entity, source: string): DataLoader<string, AnyRecord | null> {
    const key = `${source}\u0000${entity}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      const connector = this.sources.get(source);
      loader = new DataLoader<string, AnyRecord | null>(
        (ids) => connector.getMany(entity, ids, this.call),
        { maxBatchSize: connector.maxBatchSize, name: `${source}:${entity}` },
      );
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
