import type { Request } from './client';
import type {
  ContactFilter,
  ContactsPageQuery,
  ContactsPageQueryVariables,
  CreateContactInput,
  CreateContactMutation,
} from './gql/graphql';
import { ContactsPageDocument, CreateContactDocument } from './operations';

export type Contact = ContactsPageQuery['contacts']['edges'][number]['node'];
type Payload = CreateContactMutation['createContact'];

export interface ContactPage {
  contacts: Contact[];
  /** Null unless every source involved reports a total. */
  totalCount: number | null;
  /** Messages of sources that left their part of this page out. */
  problems: string[];
}

/**
 * Every contact of the given sources (all CRMs when omitted), page by page: each page
 * continues with `after` from the previous page's `endCursor`, one cursor across sources.
 */
export async function* contactPages(
  request: Request,
  options: { pageSize?: number; sources?: string[]; filter?: ContactFilter } = {},
): AsyncGenerator<ContactPage> {
  let after: string | null = null;
  for (;;) {
    // Typed apart: `after` comes from the previous answer, a loop TypeScript does not infer through.
    const variables: ContactsPageQueryVariables = {
      first: options.pageSize ?? 25,
      after,
      sources: options.sources ?? null,
      filter: options.filter ?? null,
    };
    const { data, errors } = await request(ContactsPageDocument, variables);
    const { edges, pageInfo, totalCount } = data.contacts;
    yield {
      contacts: edges.map((e) => e.node),
      totalCount: totalCount ?? null,
      problems: errors.map((e) => e.message),
    };
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return;
    after = pageInfo.endCursor;
  }
}

/** What a create came to: written, planned (a dry run) or refused with the fields at fault. */
export type CreateOutcome =
  | { kind: 'created'; contact: NonNullable<Payload['contact']>; warnings: string[] }
  | { kind: 'planned'; requests: NonNullable<Payload['plannedRequests']>; warnings: string[] }
  | { kind: 'refused'; userErrors: Payload['userErrors'] };

export async function createContact(request: Request, input: CreateContactInput): Promise<CreateOutcome> {
  const { data } = await request(CreateContactDocument, { input });
  const payload = data.createContact;
  if (payload.userErrors.length > 0) return { kind: 'refused', userErrors: payload.userErrors };
  if (payload.plannedRequests)
    return { kind: 'planned', requests: payload.plannedRequests, warnings: payload.warnings };
  if (payload.contact) return { kind: 'created', contact: payload.contact, warnings: payload.warnings };
  throw new Error('createContact answered neither a contact, a plan nor userErrors');
}
