import type { TypedDocumentString } from './gql/graphql';

/** One entry of a GraphQL response's `errors`, as crmgraph fills it in. */
export interface GatewayError {
  message: string;
  path?: Array<string | number>;
  extensions?: {
    /** One of a closed set: UNSUPPORTED_BY_SOURCE, SOURCE_TIMEOUT, LIMIT_EXCEEDED, … */
    code?: string;
    /** The source that failed, for errors of one source. */
    source?: string;
    retryable?: boolean;
    [key: string]: unknown;
  };
}

/**
 * An answer with data and, possibly, errors: a source that fails leaves its part out and names
 * itself in `errors` while the others answer, so a page can show what came and say what did not.
 */
export interface Answer<TResult> {
  data: TResult;
  errors: GatewayError[];
}

/** No data at all: the request was refused (syntax, limits, auth) or the gateway is unreachable. */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GatewayError[],
  ) {
    super(message);
    this.name = 'RequestFailed';
  }
}

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** Sent with every request (an `authorization` header, say). */
  headers?: Record<string, string>;
}

/** Operations without variables take none; the others require theirs. */
type VariablesOf<TVariables> = TVariables extends Record<string, never> ? [] : [variables: TVariables];

export type Request = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...variables: VariablesOf<TVariables>
) => Promise<Answer<TResult>>;

/** A typed GraphQL-over-HTTP client on plain `fetch` (browsers and Node 20 alike). */
export function createClient(options: ClientOptions): Request {
  return async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: VariablesOf<TVariables>
  ): Promise<Answer<TResult>> {
    const res = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...options.headers,
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: TResult | null; errors?: GatewayError[] };
    const errors = body.errors ?? [];
    if (body.data == null) throw new RequestFailed(errors[0]?.message ?? `HTTP ${res.status}`, res.status, errors);
    // `data` has the document's result type: codegen checked the document against the schema.
    return { data: body.data, errors };
  };
}
