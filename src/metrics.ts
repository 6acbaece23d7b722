import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { VendorCallEvent } from './core/call';
import type { GatewayContext } from './graphql/context';

/**
 * Prometheus metrics of one gateway (prom-client, its own registry so several gateways in one
 * process — tests — never clash): vendor requests by source and status, their latency, and
 * GraphQL operations with their duration. Labels never carry ids, hosts or credentials.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly vendorRequests = new Counter({
    name: 'crmgraph_vendor_requests_total',
    help: 'HTTP requests sent to vendors, retries included',
    labelNames: ['source', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly vendorRequestsSaved = new Counter({
    name: 'crmgraph_vendor_requests_saved_total',
    help: 'Vendor reads not sent because an identical read of another operation was in flight',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  private readonly vendorLatency = new Histogram({
    name: 'crmgraph_vendor_request_duration_seconds',
    help: 'Time from sending a vendor request to its full answer',
    labelNames: ['source'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly operations = new Histogram({
    name: 'crmgraph_graphql_operation_duration_seconds',
    help: 'GraphQL operations by type and outcome',
    labelNames: ['type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'crmgraph_' });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  observeVendorCall(event: VendorCallEvent): void {
    if (event.shared) {
      this.vendorRequestsSaved.inc({ source: event.source });
      return;
    }
    this.vendorRequests.inc({ source: event.source, method: event.method, status: String(event.status ?? 'none') });
    this.vendorLatency.observe({ source: event.source }, event.durationMs / 1000);
  }

  apolloPlugin(): ApolloServerPlugin<GatewayContext> {
    const operations = this.operations;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ operation, errors }) {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            operations.observe({ type: operation?.operation ?? 'unknown', outcome: errors?.length ? 'error' : 'ok' }, seconds);
          },
        };
      },
    };
  }
}
