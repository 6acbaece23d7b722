import { SourceRegistry } from '../core/sources';
import type { Principal } from './principal';

/**
 * Per-principal views of the configured sources (DESIGN §10 Access): a principal limited to
 * some sources gets a registry holding only those, so every resolver, the loaders and the
 * cost estimate treat the others exactly as sources that are not configured — absent from
 * `sources`, NOT_FOUND by id, left out of lists, a userError on a create's `input.source`.
 * Views are remembered per set of ids (a handful per deployment); they share the connectors.
 */
export class SourceViews {
  private readonly views = new Map<string, SourceRegistry>();

  constructor(private readonly all: SourceRegistry) {}

  /** The sources `principal` may use; the full registry when it may use every one. */
  for(principal: Principal): SourceRegistry {
    if (principal.sources === null) return this.all;
    const allowed = principal.sources;
    const visible = this.all.all().filter((c) => allowed.has(c.id));
    if (visible.length === this.all.all().length) return this.all;
    const key = visible.map((c) => c.id).join('\n');
    let view = this.views.get(key);
    if (!view) {
      view = new SourceRegistry(visible);
      // Bounded: JWT claims may name any set; the sets of a deployment are few.
      if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value as string);
      this.views.set(key, view);
    }
    return view;
  }
}

const MAX_VIEWS = 256;
