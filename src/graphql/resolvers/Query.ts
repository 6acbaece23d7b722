import type { GraphQLResolveInfo } from 'graphql';
import type { ReferenceEntity } from '../../core/connector';
import { GatewayError, toGatewayError } from '../../core/errors';
import { decodeId, type DecodedId } from '../../core/globalId';
import type { AnyRecord, Entity, RecordOf } from '../../core/records';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { expectId } from './ids';
import { resolveConnection } from './lists';
import { ENTITY_OF_TYPE } from '../entityTypes';

/** Loads the record a decoded id names: NOT_FOUND for an unknown source, null for no record. */
async function loadDecoded(id: DecodedId, ctx: GatewayContext, argument: string): Promise<AnyRecord | null> {
  const entity = ENTITY_OF_TYPE[id.kind];
  if (!entity) throw new GatewayError('BAD_USER_INPUT', `${argument} names a ${id.kind}, which is not a node`);
  ctx.sources.require(id.source, entity, 'READ', argument);
  return ctx.loaders.load(entity, id.source, id.remoteId);
}

function loadById<E extends Entity>(
  entity: E,
  kind: DecodedId['kind'],
  id: string,
  ctx: GatewayContext,
): Promise<RecordOf[E] | null> {
  const decoded = expectId(id, kind, 'id');
  ctx.sources.require(decoded.source, entity, 'READ', 'id');
  return ctx.loaders.load(entity, decoded.source, decoded.remoteId);
}

/**
 * Reference lists over sources; a failing source is left out with an error at this field and
 * the rest answer (the list is non-null: throwing would blank the whole response).
 */
async function referenceList<E extends ReferenceEntity>(
  entity: E,
  sources: readonly string[] | null | undefined,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<Array<RecordOf[E]>> {
  const connectors = ctx.sources.select(sources, entity, 'LIST');
  const settled = await Promise.allSettled(connectors.map((c) => ctx.loaders.all(entity, c.id)));
  const failures = settled.filter((s) => s.status === 'rejected');
  for (const f of failures) ctx.reportPartial(toGatewayError(f.reason), info);
  return settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []));
}

/** Decodes an optional id filter of `kind` that must belong to the one source listed. */
function remoteOf(
  id: string | null | undefined,
  kind: DecodedId['kind'],
  argument: string,
  sources: readonly string[] | null | undefined,
  ctx: GatewayContext,
): { sources: readonly string[] | null | undefined; remoteId?: string } {
  if (!id) return { sources };
  const decoded = expectId(id, kind, argument);
  ctx.sources.get(decoded.source, argument);
  if (sources && !sources.includes(decoded.source)) {
    throw new GatewayError('BAD_USER_INPUT', `${argument} belongs to source "${decoded.source}", which is not among the sources asked`);
  }
  return { sources: [decoded.source], remoteId: decoded.remoteId };
}

export const Query: QueryResolvers<GatewayContext> = {
  node: async (_p, { id }, ctx) => loadDecoded(decodeId(id), ctx, 'id'),

  nodes: async (_p, { ids }, ctx) => {
    if (ids.length > 100) throw new GatewayError('BAD_USER_INPUT', `ids takes at most 100 ids, got ${ids.length}`);
    // Per-item errors: graphql-js reports an Error in a list at that item's path.
    return Promise.all(
      ids.map(async (id, i) => {
        try {
          return await loadDecoded(decodeId(id, `ids[${i}]`), ctx, `ids[${i}]`);
        } catch (e) {
          return toGatewayError(e);
        }
      }),
    ) as never;
  },

  sources: (_p, _a, ctx) => ctx.sources.all(),

  contact: (_p, { id }, ctx) => loadById('CONTACT', 'Contact', id, ctx),
  account: (_p, { id }, ctx) => loadById('ACCOUNT', 'Account', id, ctx),
  opportunity: (_p, { id }, ctx) => loadById('OPPORTUNITY', 'Opportunity', id, ctx),

  contacts: (_p, { sources, filter, first, after }, ctx, info) => {
    const scope = remoteOf(filter?.accountId, 'Account', 'filter.accountId', sources, ctx);
    return resolveConnection(
      {
        entity: 'CONTACT',
        connectors: ctx.sources.select(scope.sources, 'CONTACT', 'LIST'),
        filter: {
          email: filter?.email ?? undefined,
          name: filter?.name ?? undefined,
          accountId: scope.remoteId,
          updatedSince: filter?.updatedSince ?? undefined,
        },
        first,
        after,
      },
      ctx,
      info,
    );
  },

  accounts: (_p, { sources, filter, first, after }, ctx, info) =>
    resolveConnection(
      {
        entity: 'ACCOUNT',
        connectors: ctx.sources.select(sources, 'ACCOUNT', 'LIST'),
        filter: {
          name: filter?.name ?? undefined,
          email: filter?.email ?? undefined,
          updatedSince: filter?.updatedSince ?? undefined,
        },
        first,
        after,
      },
      ctx,
      info,
    ),

  opportunities: (_p, { sources, filter, first, after }, ctx, info) => {
    const byAccount = remoteOf(filter?.accountId, 'Account', 'filter.accountId', sources, ctx);
    const byPipeline = remoteOf(filter?.pipelineId, 'Pipeline', 'filter.pipelineId', byAccount.sources, ctx);
    const byStage = remoteOf(filter?.stageId, 'Stage', 'filter.stageId', byPipeline.sources, ctx);
    return resolveConnection(
      {
        entity: 'OPPORTUNITY',
        connectors: ctx.sources.select(byStage.sources, 'OPPORTUNITY', 'LIST'),
        filter: {
          accountId: byAccount.remoteId,
          status: filter?.status ?? undefined,
          pipelineId: byPipeline.remoteId,
          stageId: byStage.remoteId,
          updatedSince: filter?.updatedSince ?? undefined,
        },
        first,
        after,
      },
      ctx,
      info,
    );
  },

  pipelines: (_p, { sources }, ctx, info) => referenceList('PIPELINE', sources, ctx, info),
  currencies: (_p, { sources }, ctx, info) => referenceList('CURRENCY', sources, ctx, info),
  users: (_p, { sources }, ctx, info) => referenceList('USER', sources, ctx, info),
};
