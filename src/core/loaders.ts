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
  private readonly references = new Map<string, Promise<AnyRecord[]>>();
  /**
   * Per source, then per entity: its loader and the records that came with others. Two map
   * lookups by the strings at hand instead of one by a key built for every record: a 50-record
   * page with its accounts built 100 such keys.
   */
  private readonly slots = new Map<string, Map<Entity, Slot>>();

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
    const slot = this.slot(entity, source);
    const known = slot.primed.get(remoteId);
    if (known) return known as RecordOf[E];
    slot.asked.add(remoteId);
    return (await this.loader(entity, source, slot).load(remoteId)) as RecordOf[E] | null;
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
    const slot = this.slot(entity, source);
    const known = slot.primed.get(remoteId);
    if (known) return known as RecordOf[E];
    const partial = slot.partial.get(remoteId);
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
    const slot = this.slot(record.entity, record.source);
    const id = record.remoteId;
    if (record.loaded) {
      // Some fields only: it may answer a selection it covers, never stand for the record.
      if (!slot.partial.has(id)) slot.partial.set(id, record);
      return;
    }
    if (!slot.asked.has(id) && !slot.primed.has(id)) slot.primed.set(id, record);
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

  private slot(entity: Entity, source: string): Slot {
    let bySource = this.slots.get(source);
    if (!bySource) this.slots.set(source, (bySource = new Map<Entity, Slot>()));
    let slot = bySource.get(entity);
    if (!slot) bySource.set(entity, (slot = { loader: null, primed: new Map(), asked: new Set(), partial: new Map() }));
    return slot;
  }

  private loader(entity: Entity, source: string, slot: Slot): DataLoader<string, AnyRecord | null> {
    if (!slot.loader) {
      const connector = this.sources.get(source);
      slot.loader = new DataLoader<string, AnyRecord | null>(
        (ids) => connector.getMany(entity, ids, this.call),
        { maxBatchSize: connector.maxBatchSize, name: `${source}:${entity}` },
      );
    }
    return slot.loader;
  }
}

/** One (source, entity) of an operation, by remote id. */
interface Slot {
  loader: DataLoader<string, AnyRecord | null> | null;
  /**
   * Records that came with others (primed) before anything asked a loader for them, readable
   * synchronously; an id a load asked for first stays the loader's (the first answer is kept,
   * as DataLoader's own `prime` keeps it). Primed records never enter a DataLoader: priming 50
   * of them would cost 50 promises that nothing may ever read.
   */
  primed: Map<string, AnyRecord>;
  asked: Set<string>;
  /** Related records that came with some fields only (`loaded`), first kept; never in a loader. */
  partial: Map<string, AnyRecord>;
}

function covers(loaded: ReadonlySet<string>, selected: ReadonlySet<string>): boolean {
  for (const name of selected) if (!loaded.has(name)) return false;
  return true;
}
