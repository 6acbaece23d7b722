import type { Resolvers } from '../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { GatewayError } from '../../core/errors';
import { supports } from '../../core/connector';
import { emptyConnection, resolveConnection } from './lists';
import { globalId } from './ids';
import { rawForbidden } from '../access';
import { selectedFields } from '../selection';

type R = Resolvers<GatewayContext>;

/**
 * `remoteData` carries every vendor field and the vendor's URLs, so it needs the `raw` scope.
 * Without it this field alone is FORBIDDEN (null with an error at its path); the rest answers.
 */
function remoteData(record: { remoteData: unknown }, ctx: GatewayContext): unknown {
  const refusal = rawForbidden(ctx.principal);
  if (refusal) throw new GatewayError('FORBIDDEN', refusal);
  return record.remoteData;
}

/** Related records resolve through the per-request loaders; nothing here speaks a vendor. */
export const Contact: R['Contact'] = {
  id: (c) => globalId('Contact', c),
  version: (c) => c.version ?? null,
  source: (c, _a, ctx) => ctx.sources.get(c.source),
  primaryAccount: (c, _a, ctx, info) =>
    c.primaryAccountId ? ctx.loaders.loadKnown('ACCOUNT', c.source, c.primaryAccountId, selectedFields(info)) : null,
  owner: (c, _a, ctx, info) => (c.ownerId ? ctx.loaders.loadKnown('USER', c.source, c.ownerId, selectedFields(info)) : null),
  remoteData: (c, _a, ctx) => remoteData(c, ctx),
};

export const ContactAccountLink: R['ContactAccountLink'] = {
  account: (l, _a, ctx, info) => ctx.loaders.loadKnown('ACCOUNT', l.source, l.accountId, selectedFields(info)),
};

export const Account: R['Account'] = {
  id: (a) => globalId('Account', a),
  version: (a) => a.version ?? null,
  source: (a, _a, ctx) => ctx.sources.get(a.source),
  owner: (a, _a, ctx, info) => (a.ownerId ? ctx.loaders.loadKnown('USER', a.source, a.ownerId, selectedFields(info)) : null),
  remoteData: (a, _a, ctx) => remoteData(a, ctx),
  contacts: (a, { first, after }, ctx, info) =>
    resolveConnection(
      {
        entity: 'CONTACT',
        connectors: [ctx.sources.require(a.source, 'CONTACT', 'LIST')],
        filter: { accountId: a.remoteId },
        first,
        after,
      },
      ctx,
      info,
    ),
  opportunities: (a, { first, after }, ctx, info) => {
    const connector = ctx.sources.get(a.source);
    if (!supports(connector, 'OPPORTUNITY', 'LIST')) {
      // The field is non-null in the contract: answer empty and say why at this path.
      ctx.reportPartial(
        new GatewayError('UNSUPPORTED_BY_SOURCE', `Source "${a.source}" (${connector.vendor}) has no opportunities`, {
          source: a.source,
          vendor: connector.vendor,
        }),
        info,
      );
      return emptyConnection(null);
    }
    return resolveConnection(
      { entity: 'OPPORTUNITY', connectors: [connector], filter: { accountId: a.remoteId }, first, after },
      ctx,
      info,
    );
  },
};

export const Opportunity: R['Opportunity'] = {
  id: (o) => globalId('Opportunity', o),
  version: (o) => o.version ?? null,
  source: (o, _a, ctx) => ctx.sources.get(o.source),
  pipeline: (o, _a, ctx) => {
    const pipelineId = o.pipelineId ?? o.stage?.pipelineId ?? null;
    return pipelineId ? ctx.loaders.load('PIPELINE', o.source, pipelineId) : null;
  },
  stage: async (o, _a, ctx) => {
    if (o.stage) return o.stage;
    if (!o.stageId) return null;
    const pipelines = await ctx.loaders.all('PIPELINE', o.source);
    return pipelines.flatMap((p) => p.stages).find((s) => s.remoteId === o.stageId) ?? null;
  },
  account: (o, _a, ctx, info) => (o.accountId ? ctx.loaders.loadKnown('ACCOUNT', o.source, o.accountId, selectedFields(info)) : null),
  contacts: async (o, _a, ctx) => {
    const contacts = await ctx.loaders.loadMany('CONTACT', o.source, o.contactIds);
    return contacts.filter((c) => c !== null);
  },
  primaryContact: (o, _a, ctx, info) =>
    o.primaryContactId ? ctx.loaders.loadKnown('CONTACT', o.source, o.primaryContactId, selectedFields(info)) : null,
  owner: (o, _a, ctx, info) => (o.ownerId ? ctx.loaders.loadKnown('USER', o.source, o.ownerId, selectedFields(info)) : null),
  remoteData: (o, _a, ctx) => remoteData(o, ctx),
};

export const Money: R['Money'] = {
  currency: async (m, _a, ctx) => {
    const connector = ctx.sources.get(m.source);
    if (!supports(connector, 'CURRENCY', 'LIST')) return null;
    const currencies = await ctx.loaders.all('CURRENCY', m.source);
    return (
      currencies.find((c) => (m.currencyId ? c.remoteId === m.currencyId : c.code === m.currencyCode)) ?? null
    );
  },
};

export const Pipeline: R['Pipeline'] = {
  id: (p) => globalId('Pipeline', p),
  source: (p, _a, ctx) => ctx.sources.get(p.source),
};

export const PipelineStage: R['PipelineStage'] = {
  id: (s) => globalId('Stage', s),
};

export const Currency: R['Currency'] = {
  id: (c) => globalId('Currency', c),
  source: (c, _a, ctx) => ctx.sources.get(c.source),
};

export const User: R['User'] = {
  id: (u) => globalId('User', u),
  source: (u, _a, ctx) => ctx.sources.get(u.source),
};

export const Source: R['Source'] = {
  id: (c) => c.id,
  vendor: (c) => c.vendor,
  name: (c) => c.name,
  capabilities: (c) => [...c.capabilities],
};

const TYPE_OF_ENTITY = {
  CONTACT: 'Contact',
  ACCOUNT: 'Account',
  OPPORTUNITY: 'Opportunity',
  PIPELINE: 'Pipeline',
  CURRENCY: 'Currency',
  USER: 'User',
} as const;

export const Node: R['Node'] = {
  __resolveType: (record) => TYPE_OF_ENTITY[record.entity],
};
