import type { Connector, CreateResult } from '../../core/connector';
import { InputRejected, type UserError } from '../../core/errors';
import type { AnyRecord, Entity } from '../../core/records';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { InputReader, readAccount, readContact, readOpportunity } from './inputs';

interface Outcome<T> {
  record: T | null;
  userErrors: UserError[];
  warnings: string[];
}

/**
 * The one path of every create: resolve the source, read the input, let the connector check
 * its vendor's rules and write. Input problems come back as `userErrors` on `input.*` fields
 * with nothing written; source faults are GraphQL errors with a typed code.
 */
async function create<C, T extends AnyRecord>(
  ctx: GatewayContext,
  sourceId: string,
  entity: Entity,
  read: (reader: InputReader) => C,
  write: (connector: Connector, command: C) => Promise<CreateResult<T>>,
): Promise<Outcome<T>> {
  if (!ctx.sources.has(sourceId)) {
    return rejected([{ field: ['input', 'source'], message: `no source "${sourceId}" is configured`, code: 'NOT_FOUND' }]);
  }
  const connector = ctx.sources.require(sourceId, entity, 'CREATE', 'input.source');
  const reader = new InputReader(sourceId);
  const command = read(reader);
  if (reader.errors.length > 0) return rejected(reader.errors.map(underInput));
  try {
    const { record, warnings } = await write(connector, command);
    ctx.loaders.prime(record);
    return { record, userErrors: [], warnings };
  } catch (err) {
    if (err instanceof InputRejected) return rejected(err.userErrors.map(underInput));
    throw err;
  }
}

function rejected<T>(userErrors: UserError[]): Outcome<T> {
  return { record: null, userErrors, warnings: [] };
}

function underInput(e: UserError): UserError {
  return { ...e, field: e.field ? ['input', ...e.field] : null };
}

export const Mutation: MutationResolvers<GatewayContext> = {
  createContact: async (_p, { input }, ctx) => {
    const o = await create(ctx, input.source, 'CONTACT', (r) => readContact(input, r), (c, cmd) =>
      c.createContact(cmd, ctx.call),
    );
    return { contact: o.record, userErrors: o.userErrors, warnings: o.warnings };
  },
  createAccount: async (_p, { input }, ctx) => {
    const o = await create(ctx, input.source, 'ACCOUNT', (r) => readAccount(input, r), (c, cmd) =>
      c.createAccount(cmd, ctx.call),
    );
    return { account: o.record, userErrors: o.userErrors, warnings: o.warnings };
  },
  createOpportunity: async (_p, { input }, ctx) => {
    const o = await create(ctx, input.source, 'OPPORTUNITY', (r) => readOpportunity(input, r), (c, cmd) =>
      c.createOpportunity(cmd, ctx.call),
    );
    return { opportunity: o.record, userErrors: o.userErrors, warnings: o.warnings };
  },
};
