/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ContactsPage($first: Int!, $after: String, $sources: [ID!], $filter: ContactFilter) {\n    contacts(first: $first, after: $after, sources: $sources, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          jobTitle\n          emails\n          primaryAccount {\n            id\n            name\n          }\n          source {\n            id\n            vendor\n          }\n        }\n      }\n    }\n  }\n": typeof types.ContactsPageDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      contact {\n        id\n        name\n        emails\n        source {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n      warnings\n      plannedRequests {\n        method\n        path\n        body\n      }\n    }\n  }\n": typeof types.CreateContactDocument,
};
const documents: Documents = {
    "\n  query ContactsPage($first: Int!, $after: String, $sources: [ID!], $filter: ContactFilter) {\n    contacts(first: $first, after: $after, sources: $sources, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          jobTitle\n          emails\n          primaryAccount {\n            id\n            name\n          }\n          source {\n            id\n            vendor\n          }\n        }\n      }\n    }\n  }\n": types.ContactsPageDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      contact {\n        id\n        name\n        emails\n        source {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n      warnings\n      plannedRequests {\n        method\n        path\n        body\n      }\n    }\n  }\n": types.CreateContactDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactsPage($first: Int!, $after: String, $sources: [ID!], $filter: ContactFilter) {\n    contacts(first: $first, after: $after, sources: $sources, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          jobTitle\n          emails\n          primaryAccount {\n            id\n            name\n          }\n          source {\n            id\n            vendor\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ContactsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      contact {\n        id\n        name\n        emails\n        source {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n      warnings\n      plannedRequests {\n        method\n        path\n        body\n      }\n    }\n  }\n"): typeof import('./graphql').CreateContactDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
