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
  /**
   * Records that came with others (primed) before anything asked a loader for them, readable
   * synchronously; a key a load asked for first stays the loader's (the first answer is kept,
   * as DataLoader's own `prime` keeps it). Primed records never enter a DataLoader: priming 50
   * of them would cost 50 promises that nothing may ever read.
   */
  private readonly primed = new Map<string, AnyRecord>();
  private readonly asked = new Set<string>();
  /** Related records that came with some fields only (`loaded`), first kept; never in a loader. */
  private readonly partial = new Map<string, AnyRecord>();

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
    const key = recordKey(entity, source, remoteId);
    const known = this.primed.get(key);
    if (known) return known as RecordOf[E];
    this.asked.add(key);
    return (await this.loader(entity, source).load(remoteId)) as RecordOf[E] | null;
  }

  /**
   * The record itself when it came with another (primed), else a promise of it. Relations
   * that arrive embedded in a list are the common case: answering them synchronously spares
   * graphql-js a promise for every record of the page, and for every object above it.
   */
  loadKnown<E extends Exclude<Entity, 'PIPELINE' | 'CURRENCY'>>(
    entity: E,
    source: string,
    remoteId: string,
    /** The fields the caller will read; a record that came with only some answers only these. */
    selected?: ReadonlySet<string>,
  ): RecordOf[E] | Promise<RecordOf[E] | null> {
    const key = recordKey(entity, source, remoteId);
    const known = this.primed.get(key);
    if (known) return known as RecordOf[E];
    const partial = this.partial.get(key);
    if (partial && selected && covers(partial.loaded!, selected)) return partial as RecordOf[E];
    return this.load(entity, source, remoteId);
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
    const key = recordKey(record.entity, record.source, record.remoteId);
    if (record.loaded) {
      // Some fields only: it may answer a selection it covers, never stand for the record.
      if (!this.partial.has(key)) this.partial.set(key, record);
      return;
    }
    if (!this.asked.has(key) && !this.primed.has(key)) this.primed.set(key, record);
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

function recordKey(entity: Entity, source: string, remoteId: string): string {
  return `${source}\u0000${entity}\u0000${remoteId}`;
}

function covers(loaded: ReadonlySet<string>, selected: ReadonlySet<string>): boolean {
  for (const name of selected) if (!loaded.has(name)) return false;
  return true;
}
