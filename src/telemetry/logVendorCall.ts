import type { Logger } from 'pino';
import type { VendorCallEvent } from '../core/call';
import { routeTemplate } from './routeTemplate';

/**
 * One log line per vendor call attempt that failed or was a retry (DESIGN §10 Observability):
 * source, vendor, method, route template, status, attempt, duration, and the error code,
 * whether it is retried and the vendor's Retry-After when there are. `warn` for an attempt whose
 * failure reaches the caller, `info` for one that is retried or a retry that succeeded. A plain
 * first-try answer logs nothing: the operation line counts those.
 *
 * The route template stands in for the path, so no record id, query string or host is logged;
 * the event has no headers or bodies, so no credential can be. Call it from the connectors'
 * `observeFn`.
 */
export function logVendorCall(logger: Logger, event: VendorCallEvent): void {
  const failed = event.error !== undefined;
  if ((!failed && event.attempt === 1) || event.shared) return;
  const line = {
    source: event.source,
    ...(event.vendor ? { vendor: event.vendor } : {}),
    method: event.method,
    route: routeTemplate(event.path),
    status: event.status,
    attempt: event.attempt,
    durationMs: event.durationMs,
    ...(event.error ? { error: event.error, willRetry: event.willRetry ?? false } : {}),
    ...(event.retryAfterMs !== undefined ? { retryAfterMs: event.retryAfterMs } : {}),
  };
  if (failed && !event.willRetry) logger.warn(line, 'vendor call failed');
  else if (failed) logger.info(line, 'vendor call failed, retrying');
  else logger.info(line, 'vendor call succeeded on retry');
}
