import { graphql } from './gql';

/**
 * The two operations of this client. Codegen reads them from here and types them against the
 * gateway's SDL: a change in the contract that breaks them fails `npm run frontend:check`.
 */

/** One page of contacts across the given sources (every CRM when `sources` is null); `after` continues a page. */
export const ContactsPageDocument = graphql(`
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
`);

/** A contact create: refused input comes back as `userErrors`, a dry run as `plannedRequests`. */
export const CreateContactDocument = graphql(`
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
`);
