import type { Resolvers } from '../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from '../scalars';
import { Mutation } from './Mutation';
import {
  CreateAccountPayload,
  CreateContactPayload,
  CreateOpportunityPayload,
  DeleteAccountPayload,
  DeleteContactPayload,
  DeleteOpportunityPayload,
  UpdateAccountPayload,
  UpdateContactPayload,
  UpdateOpportunityPayload,
} from './payloads';
import { Query } from './Query';
import {
  Account,
  Contact,
  ContactAccountLink,
  Currency,
  Money,
  Node,
  Opportunity,
  Pipeline,
  PipelineStage,
  Source,
  User,
} from './records';

export const resolvers: Resolvers<GatewayContext> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  JSON: JSONScalar,
  Query,
  Mutation,
  CreateContactPayload,
  CreateAccountPayload,
  CreateOpportunityPayload,
  UpdateContactPayload,
  UpdateAccountPayload,
  UpdateOpportunityPayload,
  DeleteContactPayload,
  DeleteAccountPayload,
  DeleteOpportunityPayload,
  Node,
  Source,
  Contact,
  ContactAccountLink,
  Account,
  Opportunity,
  Money,
  Pipeline,
  PipelineStage,
  Currency,
  User,
};
