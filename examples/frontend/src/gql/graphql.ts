/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ContactFilter = {
  /** Contacts linked to this account (global id). */
  accountId?: string | null | undefined;
  /** Exact e-mail address, case-insensitive. Pipeliner searches the first e-mail slot (`email1`). */
  email?: string | null | undefined;
  /** Part of the display name, case-insensitive. */
  name?: string | null | undefined;
  /** Changed at or after this instant. */
  updatedSince?: string | null | undefined;
};

export type CreateContactInput = {
  /** Account to link the contact to, as its primary account (global id of the same source). */
  accountId?: string | null | undefined;
  /**
   * Checks the input against the vendor's rules, applies the defaults, and answers the vendor
   * requests it would send (`plannedRequests`) without writing anything.
   */
  dryRun?: boolean | null | undefined;
  emails?: Array<string> | null | undefined;
  firstName?: string | null | undefined;
  /**
   * Makes the create safe to repeat: the same key with the same input answers the first result
   * for 24 hours without writing again; the same key with another input is refused
   * (`userErrors` code CONFLICT). Scoped per mutation; shared across gateway instances when
   * Redis is configured.
   */
  idempotencyKey?: string | null | undefined;
  /** Job title; Pipeliner stores it on the account link (`account_position`), or as `position` without one. */
  jobTitle?: string | null | undefined;
  lastName?: string | null | undefined;
  middleName?: string | null | undefined;
  /** Owner (global id of a User); omitted = the source's default owner. */
  ownerId?: string | null | undefined;
  phones?: Array<string> | null | undefined;
  /** Source id to create the contact in. */
  source: string;
  /** Salutation or academic title. */
  title?: string | null | undefined;
};

export type UserErrorCode =
  /** The records referenced contradict each other (a stage of another pipeline, a contact of another account). */
  | 'CONFLICT'
  /** The value has the wrong form or is out of range. */
  | 'INVALID'
  /** A referenced record does not exist. */
  | 'NOT_FOUND'
  /** The vendor refused the value for a reason of its own. */
  | 'REJECTED'
  /** A required field is missing or empty. */
  | 'REQUIRED'
  /** The value is longer than the vendor allows. */
  | 'TOO_LONG'
  /** This source cannot store this field; nothing was written. */
  | 'UNSUPPORTED'
  /** A referenced record belongs to another source. */
  | 'WRONG_SOURCE';

/** The CRM products crmgraph speaks to. */
export type Vendor =
  | 'CIN7_OMNI'
  | 'LOGISENSE'
  | 'PIPELINER'
  | 'SUPEROFFICE';

export type ContactsPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  sources?: Array<string> | string | null | undefined;
  filter?: ContactFilter | null | undefined;
}>;


export type ContactsPageQuery = { contacts: { totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string | null, jobTitle: string | null, emails: Array<string>, primaryAccount: { id: string, name: string } | null, source: { id: string, vendor: Vendor } } }> } };

export type CreateContactMutationVariables = Exact<{
  input: CreateContactInput;
}>;


export type CreateContactMutation = { createContact: { warnings: Array<string>, contact: { id: string, name: string | null, emails: Array<string>, source: { id: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }>, plannedRequests: Array<{ method: string, path: string, body: unknown }> | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ContactsPageDocument = new TypedDocumentString(`
    query ContactsPage($first: Int!, $after: String, $sources: [ID!], $filter: ContactFilter) {
  contacts(first: $first, after: $after, sources: $sources, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        jobTitle
        emails
        primaryAccount {
          id
          name
        }
        source {
          id
          vendor
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ContactsPageQuery, ContactsPageQueryVariables>;
export const CreateContactDocument = new TypedDocumentString(`
    mutation CreateContact($input: CreateContactInput!) {
  createContact(input: $input) {
    contact {
      id
      name
      emails
      source {
        id
      }
    }
    userErrors {
      field
      message
      code
    }
    warnings
    plannedRequests {
      method
      path
      body
    }
  }
}
    `) as unknown as TypedDocumentString<CreateContactMutation, CreateContactMutationVariables>;