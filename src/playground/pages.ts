/**
 * The two HTML pages a browser can get at the GraphQL endpoint. Both are static: the IDE reads
 * its examples from `examples.json` at runtime, so nothing in the HTML depends on the config.
 */

/**
 * Where the IDE's files are, relative to the endpoint's own URL (`/graphql` → `graphql/ide/`).
 * Relative, so the page still finds them when a proxy mounts the gateway under a prefix.
 */
export function assetBase(endpointPath: string): string {
  return `${endpointPath.slice(endpointPath.lastIndexOf('/') + 1)}/ide/`;
}

/**
 * The IDE: one stylesheet and one module script from the gateway; the app mounts into #graphiql.
 * The empty icon keeps the browser from asking the gateway for a /favicon.ico it does not have.
 */
export function ideHtml(endpointPath: string): string {
  const base = assetBase(endpointPath);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crmgraph playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}graphiql.css">
<script type="module" src="${base}graphiql.js"></script>
</head>
<body>
<div id="graphiql"><p class="crmgraph-loading">Loading the playground…</p></div>
<noscript><p>The playground is a JavaScript app. Without JavaScript, send GraphQL requests to this URL with POST.</p></noscript>
</body>
</html>
`;
}

/** Said instead of the IDE when `server.playground` is off (the default outside demo mode). */
export const DISABLED_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>crmgraph: the playground is off</title>
</head>
<body>
<h1>The playground is off</h1>
<p>This is crmgraph's GraphQL endpoint. GraphQL clients send their operations here with POST
(or GET with <code>?query=</code>) and <code>Accept: application/json</code>.</p>
<p>To explore the API in this browser, switch the playground on in the config file
(<code>crmgraph.config.json</code>, <code>--config</code> or <code>CRMGRAPH_CONFIG</code>) and restart:</p>
<pre>{ "server": { "playground": true, "introspection": true } }</pre>
<p>Completion and the docs explorer need <code>introspection</code> too. Demo mode
(<code>npm start</code> without a config file) has both on.</p>
</body>
</html>
`;

/** Said when the IDE's bundle is missing and could not be built; the reason is in the gateway's log. */
export const UNAVAILABLE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>crmgraph: the playground is unavailable</title></head>
<body>
<h1>The playground could not be built</h1>
<p>The gateway's log says why. Run <code>npm run build:playground</code> and restart the gateway.</p>
</body>
</html>
`;
