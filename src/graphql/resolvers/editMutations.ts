import type { Connector, DeleteCommand } from '../../core/connector';
import type { IdKind } from '../../core/globalId';
import type { AnyRecord, DeletedRecord } from '../../core/records';
import type { UpdateTypes, WritableEntity } from '../../core/writes';
import type {
  MutationResolvers,
  UpdateAccountInput,
  UpdateContactInput,
  UpdateOpportunityInput,
} from '../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { readAccountChanges, readContactChanges, readOpportunityChanges } from './changes';
import { deletedAnswer, editAll, unchangeable, type EditInput, type EditSpec } from './edits';
import type { InputReader } from './inputs';
import { checkBatchSize } from './batch';

type Record_<E extends WritableEntity> = UpdateTypes[E]['record'];
type Command<E extends WritableEntity> = UpdateTypes[E]['command'];

/** The update of `entity`: its changes read from the input, checked against what the source can change. */
function updates<E extends WritableEntity, I extends EditInput>(
  entity: E,
  kind: IdKind,
  read: (input: I, reader: InputReader) => Command<E>['changes'],
): EditSpec<I, Command<E>, Record_<E>, Record_<E>> {
  return {
    operation: 'update',
    entity,
    kind,
    path: (c: Connector) => c.updates[entity],
    command(input, remoteId, reader, connector) {
      unchangeable(input, connector.updates[entity]?.updatableFields ?? [], connector, reader);
      const changes = read(input, reader);
      return { id: remoteId, ...(input.expectedVersion != null ? { expectedVersion: input.expectedVersion } : {}), changes };
    },
    answer: (record) => record,
  };
}

function deletes(entity: WritableEntity, kind: IdKind): EditSpec<EditInput, DeleteCommand, DeletedRecord, { id: string }> {
  return {
    operation: 'delete',
    entity,
    kind,
    path: (c) => c.deletes[entity],
    command: (input, remoteId) => ({ id: remoteId, ...(input.expectedVersion != null ? { expectedVersion: input.expectedVersion } : {}) }),
    answer: deletedAnswer(kind),
  };
}

const CONTACT = updates<'CONTACT', UpdateContactInput>('CONTACT', 'Contact', readContactChanges);
const ACCOUNT = updates<'ACCOUNT', UpdateAccountInput>('ACCOUNT', 'Account', readAccountChanges);
const OPPORTUNITY = updates<'OPPORTUNITY', UpdateOpportunityInput>('OPPORTUNITY', 'Opportunity', readOpportunityChanges);

const single = (): string[] => ['input'];
const batch = (i: number): string[] => ['inputs', String(i)];

/** Updated records are primed, so a read of them later in the operation sees the new state. */
async function primed<P extends { record: AnyRecord | null }>(ctx: GatewayContext, run: Promise<P[]>): Promise<P[]> {
  const out = await run;
  for (const p of out) if (p.record) ctx.loaders.prime(p.record);
  return out;
}

export const editMutations: Pick<
  MutationResolvers<GatewayContext>,
  | 'updateContact'
  | 'updateAccount'
  | 'updateOpportunity'
  | 'updateContacts'
  | 'updateAccounts'
  | 'updateOpportunities'
  | 'deleteContact'
  | 'deleteAccount'
  | 'deleteOpportunity'
> = {
  updateContact: async (_p, { input }, ctx) => (await primed(ctx, editAll(ctx, CONTACT, [input], single)))[0]!,
  updateAccount: async (_p, { input }, ctx) => (await primed(ctx, editAll(ctx, ACCOUNT, [input], single)))[0]!,
  updateOpportunity: async (_p, { input }, ctx) => (await primed(ctx, editAll(ctx, OPPORTUNITY, [input], single)))[0]!,
  updateContacts: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    return (await primed(ctx, editAll(ctx, CONTACT, inputs, batch)));
  },
  updateAccounts: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    return (await primed(ctx, editAll(ctx, ACCOUNT, inputs, batch)));
  },
  updateOpportunities: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    return (await primed(ctx, editAll(ctx, OPPORTUNITY, inputs, batch)));
  },
  deleteContact: async (_p, { input }, ctx) => (await editAll(ctx, deletes('CONTACT', 'Contact'), [input], single))[0]!,
  deleteAccount: async (_p, { input }, ctx) => (await editAll(ctx, deletes('ACCOUNT', 'Account'), [input], single))[0]!,
  deleteOpportunity: async (_p, { input }, ctx) => (await editAll(ctx, deletes('OPPORTUNITY', 'Opportunity'), [input], single))[0]!,
};
