import type { Connector, Lacks, Operation } from './connector';
import { supports } from './connector';
import { GatewayError } from './errors';
import type { Entity, Vendor } from './records';

/** The configured connectors by source id, in configuration order. */
export class SourceRegistry {
  private readonly byId = new Map<string, Connector>();

  constructor(connectors: readonly Connector[]) {
    for (const c of connectors) {
      if (this.byId.has(c.id)) throw new Error(`duplicate source id "${c.id}"`);
      this.byId.set(c.id, c);
    }
  }

  all(): Connector[] {
    return [...this.byId.values()];
  }

  /** The connector of `id`; NOT_FOUND naming the argument when no such source is configured. */
  get(id: string, argument = 'source'): Connector {
    const c = this.byId.get(id);
    if (!c) throw new GatewayError('NOT_FOUND', `${argument}: no source "${id}" is configured`);
    return c;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The connector of `id` after checking it declares `operation` on `entity`. */
  require(id: string, entity: Entity, operation: Operation, argument = 'source'): Connector {
    const c = this.get(id, argument);
    if (!supports(c, entity, operation)) throw unsupported(c, entity, operation);
    return c;
  }

  /**
   * Sources a list or reference query spans: the named ones (each must exist and support the
   * operation), or every source that supports it when `ids` is omitted.
   */
  select(ids: readonly string[] | null | undefined, entity: Entity, operation: Operation): Connector[] {
    if (ids == null) return this.all().filter((c) => supports(c, entity, operation));
    return [...new Set(ids)].map((id) => this.require(id, entity, operation, 'sources'));
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((c) => c.close()));
  }
}

const OPERATION_WORDS: Record<Operation, string> = {
  READ: 'read',
  LIST: 'list',
  CREATE: 'create',
  BATCH_CREATE: 'batch-create',
  UPDATE: 'update',
  BATCH_UPDATE: 'batch-update',
  DELETE: 'delete',
};

/** The typed answer for anything a source does not declare. */
export function unsupported(
  c: { readonly id: string; readonly vendor: Vendor; readonly lacks?: Lacks },
  entity: Entity,
  operation: Operation,
  reason?: string,
): GatewayError {
  const lacked = c.lacks?.[entity];
  const why = reason ?? (typeof lacked === 'string' ? lacked : lacked?.[operation]);
  const what = `${entity.toLowerCase()}s`;
  return new GatewayError(
    'UNSUPPORTED_BY_SOURCE',
    `Source "${c.id}" (${c.vendor}) cannot ${OPERATION_WORDS[operation]} ${what}${why ? `: ${why}` : ''}`,
    { source: c.id, vendor: c.vendor },
  );
}
