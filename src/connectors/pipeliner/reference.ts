import type { CallContext } from '../../core/call';
import type { CurrencyRecord, PipelineRecord, StageRecord, UserRecord } from '../../core/records';
import type { PipelinerClient } from './client';
import { fromPipelinerClient, fromPipelinerCurrency, fromPipelinerPipeline, toPipelinerDateTime } from './map';
import {
  pipelinerClient,
  pipelinerCurrency,
  pipelinerExchangeRateList,
  pipelinerPipeline,
  type PipelinerClient as PipelinerClientRecord,
} from './wire';

/**
 * Reference data of a space: pipelines with steps, currencies with today's rates, clients.
 * Each read is an HTTP GET shared within the operation (the HTTP client dedupes identical
 * GETs per call context), so asking twice in one operation costs one vendor request.
 */
export class PipelinerReference {
  constructor(
    private readonly source: string,
    private readonly client: PipelinerClient,
  ) {}

  /** `GET Pipelines?expand=steps` (vendor notes §3.6: steps may be URLs unless expanded). */
  async pipelines(call: CallContext): Promise<PipelineRecord[]> {
    const rows = await this.client.listAll('Pipelines', pipelinerPipeline, { expand: ['steps'], orderBy: 'created' }, call);
    return rows.map((p) => fromPipelinerPipeline(this.source, p));
  }

  async stages(call: CallContext): Promise<Map<string, StageRecord>> {
    const byId = new Map<string, StageRecord>();
    for (const p of await this.pipelines(call)) for (const s of p.stages) byId.set(s.remoteId, s);
    return byId;
  }

  /**
   * Currencies plus the exchange-rate list in force: the latest `valid_from` not in the future
   * (vendor notes §3.7). Rates are multipliers from the base currency.
   */
  async currencies(call: CallContext): Promise<CurrencyRecord[]> {
    const [currencies, lists] = await Promise.all([
      this.client.listAll('Currencies', pipelinerCurrency, { orderBy: 'code' }, call),
      this.client.list(
        'CurrencyExchangeRatesLists',
        pipelinerExchangeRateList,
        {
          first: 1,
          orderBy: '-valid_from',
          filters: [['valid_from', 'lte', toPipelinerDateTime(endOfTodayUtc())]],
          expand: ['currency_exchange_rates'],
        },
        call,
      ),
    ]);
    const rates = new Map<string, number>();
    for (const r of lists.data[0]?.currency_exchange_rates ?? []) {
      if (typeof r !== 'string') rates.set(r.currency_id, r.exchange_rate);
    }
    return currencies.map((c) => fromPipelinerCurrency(this.source, c, rates.get(c.id) ?? null));
  }

  async clients(call: CallContext): Promise<PipelinerClientRecord[]> {
    return this.client.listAll('Clients', pipelinerClient, { orderBy: 'created' }, call);
  }

  async users(call: CallContext): Promise<UserRecord[]> {
    return (await this.clients(call)).map((c) => fromPipelinerClient(this.source, c));
  }
}

/**
 * The owner of a record created without one: the configured default owner, else the space's
 * first active client — not deleted (deleted rows are hidden by the API) and of type 0
 * Customer rather than 1 Support (Pipeliner's own staff). Null when the space has none.
 */
export function defaultOwnerOf(clients: readonly PipelinerClientRecord[], configured: string | undefined): PipelinerClientRecord | null {
  if (configured) return clients.find((c) => c.id === configured) ?? null;
  return clients.find((c) => c.is_deleted !== true && (c.type ?? 0) === 0) ?? null;
}

/**
 * Day granularity: the filter (and so the URL) stays the same all day, which lets identical
 * reads within an operation be shared. A list dated later today counts from the morning.
 */
function endOfTodayUtc(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 59, 59)).toISOString();
}
