import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import type { TraceParent, VendorCallEvent } from '../core/call';
import type { Vendor } from '../core/records';
import { routeTemplate } from './routeTemplate';

/** What is known of a vendor call attempt before it is sent. */
export interface VendorCallStart {
  source: string;
  vendor: Vendor;
  method: string;
  /** Path below the source's base URL, without query string. */
  path: string;
  attempt: number;
}

/**
 * Starts the span of one attempt of a vendor call, a child of the operation's span. Its name and
 * attributes hold the route template only: no host, query string, header, body or record id,
 * so nothing in a trace can carry a credential (OpenTelemetry HTTP client conventions, with
 * `url.template` instead of `url.full`).
 */
export function startVendorCallSpan(trace: TraceParent, start: VendorCallStart): Span {
  const template = routeTemplate(start.path);
  return trace.tracer.startSpan(
    `${start.method} ${template}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'crmgraph.source': start.source,
        'crmgraph.vendor': start.vendor,
        'http.request.method': start.method,
        'url.template': template,
        'crmgraph.attempt': start.attempt,
        ...(start.attempt > 1 ? { 'http.request.resend_count': start.attempt - 1 } : {}),
      },
    },
    trace.parent,
  );
}

/** Ends an attempt's span with what came back; a failed attempt gets error status with its code. */
export function endVendorCallSpan(span: Span, event: VendorCallEvent): void {
  if (event.status !== null) span.setAttribute('http.response.status_code', event.status);
  if (event.retryAfterMs !== undefined) span.setAttribute('crmgraph.retry_after_ms', event.retryAfterMs);
  if (event.error) {
    span.setAttributes({ 'error.type': event.error, 'crmgraph.will_retry': event.willRetry ?? false });
    // The code only: a GatewayError's message is safe, but a code is what dashboards group by.
    span.setStatus({ code: SpanStatusCode.ERROR, message: event.error });
  }
  span.end();
}
