import type { IncomingMessage, ServerResponse } from 'node:http';
import { digestMatches } from '../auth/apiKeys';
import type { OpsConfig } from '../config/schema';
import type { GatewayMetrics } from '../metrics';
import type { Lifecycle } from './lifecycle';
import type { SourceStates } from './readiness';
import { sendError, sendJson } from './respond';

/** Where an operational request arrived: the main listener, or the ops listener of its own. */
export type Listener = 'main' | 'ops';

/**
 * `/healthz`, `/readyz` and `/metrics` (DESIGN §10 Lifecycle, Observability). Liveness and the
 * readiness status stay open for probes; the per-source detail of `/readyz` and `/metrics` are
 * operators' business: with `server.ops.port` they are served on that listener only, and with
 * `server.ops.tokenSha256` only to `Authorization: Bearer <token>`.
 */
export function opsEndpoints(options: { ops: OpsConfig; metrics: GatewayMetrics; lifecycle: Lifecycle; states: SourceStates }) {
  const { ops, metrics, lifecycle, states } = options;
  const separate = ops.port !== undefined;
  const authorized = (req: IncomingMessage): boolean => {
    if (ops.tokenSha256 === undefined) return true;
    const m = /^\s*bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    return m !== null && digestMatches(m[1]!, ops.tokenSha256);
  };
  /** Whether this request may see what only operators see. */
  const privileged = (req: IncomingMessage, listener: Listener): boolean => (listener === 'ops' || !separate) && authorized(req);

  return {
    /** False when `path` is not one of them. */
    async handle(path: string, req: IncomingMessage, res: ServerResponse, listener: Listener): Promise<boolean> {
      switch (path) {
        case '/healthz':
          sendJson(res, 200, { status: 'ok' });
          return true;
        case '/readyz': {
          const ready = lifecycle.phase === 'serving' && states.canServe();
          const status = lifecycle.phase === 'serving' ? (ready ? 'ready' : 'sources failing') : lifecycle.phase;
          sendJson(res, ready ? 200 : 503, privileged(req, listener) ? { status, sources: states.all() } : { status });
          return true;
        }
        case '/metrics': {
          if (listener === 'main' && separate) return false;
          if (!authorized(req)) {
            sendError(res, 401, 'UNAUTHENTICATED', '/metrics needs the operations token: Authorization: Bearer <token>', {}, {
              'www-authenticate': 'Bearer realm="crmgraph-ops"',
            });
            return true;
          }
          const text = await metrics.render();
          res.writeHead(200, { 'content-type': metrics.contentType }).end(text);
          return true;
        }
        default:
          return false;
      }
    },
  };
}
