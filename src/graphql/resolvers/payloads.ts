import type { PlannedRequest } from '../../core/connector';
import type { GatewayError, UserError } from '../../core/errors';
import type { AccountRecord, ContactRecord, OpportunityRecord } from '../../core/records';

/**
 * A write payload (create, update or delete) as resolvers hold it. `failure` is the source fault that kept the record
 * from being confirmed: the record field answers it as an error at that field's path, so the
 * payload — and every other payload of a batch — still stands (DESIGN §6).
 */
export interface CreatePayload<T> {
  record: T | null;
  failure: GatewayError | null;
  userErrors: UserError[];
  warnings: string[];
  plannedRequests: PlannedRequest[] | null;
}

export type ContactPayload = CreatePayload<ContactRecord>;
export type AccountPayload = CreatePayload<AccountRecord>;
export type OpportunityPayload = CreatePayload<OpportunityRecord>;
/** A delete's payload: its record is the global id of what was removed. */
export type DeletePayload = CreatePayload<{ id: string }>;

/** The payload's record, or its failure thrown at the record field. */
export function recordOf<T>(payload: CreatePayload<T>): T | null {
  if (payload.failure) throw payload.failure;
  return payload.record;
}

export const CreateContactPayload = { contact: (p: ContactPayload) => recordOf(p) };
export const CreateAccountPayload = { account: (p: AccountPayload) => recordOf(p) };
export const CreateOpportunityPayload = { opportunity: (p: OpportunityPayload) => recordOf(p) };

export const UpdateContactPayload = CreateContactPayload;
export const UpdateAccountPayload = CreateAccountPayload;
export const UpdateOpportunityPayload = CreateOpportunityPayload;

const deletedId = { deletedId: (p: DeletePayload) => recordOf(p)?.id ?? null };
export const DeleteContactPayload = deletedId;
export const DeleteAccountPayload = deletedId;
export const DeleteOpportunityPayload = deletedId;
