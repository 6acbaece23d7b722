import type { GraphiQLProps } from 'graphiql';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * POSTs each operation to the endpoint the page was served at, with the headers from the
 * headers editor, and hands GraphiQL the whole JSON answer, so `errors` and `extensions`
 * (`vendorRequests`, `cost`) show in the response pane as the gateway sent them.
 */
export function createFetcher(endpoint: string): Fetcher {
  return async (params, opts) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The GraphQL-over-HTTP media type first: request errors then keep their 4xx status.
        accept: 'application/graphql-response+json, application/json',
        ...opts?.headers,
      },
      body: JSON.stringify(params),
    });
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json')) return (await res.json()) as Record<string, unknown>;
    // Anything else (a proxy's error page, say) is shown as an error rather than a parse failure.
    return { errors: [{ message: `HTTP ${res.status}: ${(await res.text()).slice(0, 500)}` }] };
  };
}
