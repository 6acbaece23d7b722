/**
 * Monaco runs each language service in a web worker and asks `MonacoEnvironment.getWorker` for
 * one. GraphiQL's ready-made setups load them from esm.sh or expect Vite/webpack; here each is
 * its own file of the bundle, beside this script, so the editor works with no network beyond
 * the gateway and under `worker-src 'self'`. Must run before Monaco loads (GraphiQL loads it
 * lazily, after the first render).
 */
const WORKER_FILES: Readonly<Record<string, string>> = {
  graphql: 'graphql.worker.js',
  json: 'json.worker.js',
};

const here = import.meta.url;

Object.assign(globalThis, {
  MonacoEnvironment: {
    getWorker(_workerId: string, label: string): Worker {
      return new Worker(new URL(WORKER_FILES[label] ?? 'editor.worker.js', here), { name: label });
    },
  },
});
