import type { Entity } from '../core/records';

/** The GraphQL object type of each unified entity, by type name (also a global id's kind). */
export const ENTITY_OF_TYPE: Readonly<Record<string, Entity | undefined>> = {
  Contact: 'CONTACT',
  Account: 'ACCOUNT',
  Opportunity: 'OPPORTUNITY',
  Pipeline: 'PIPELINE',
  Currency: 'CURRENCY',
  User: 'USER',
};
