import type { CallContext } from '../../core/call';
import type { CurrencyRecord } from '../../core/records';
import type { LogiSenseClient } from './client';
import { fromLogiSenseCurrency } from './map';
import {
  logisenseContactPointType,
  logisenseContactType,
  logisenseCurrency,
  type LogiSenseContactPointType,
  type LogiSenseContactType,
} from './wire';

/**
 * Lookup tables of a tenant, each one `GET X` (the unpaged list, notes §3). Identical GETs within
 * an operation are shared by the HTTP client, so asking twice costs one request; nothing is
 * kept across operations.
 */
export class LogiSenseReference {
  constructor(
    private readonly source: string,
    private readonly client: LogiSenseClient,
  ) {}

  async currencies(call: CallContext): Promise<CurrencyRecord[]> {
    const rows = await this.client.getAll('Currency', logisenseCurrency, call);
    return rows.map((c) => fromLogiSenseCurrency(this.source, c));
  }

  contactTypes(call: CallContext): Promise<LogiSenseContactType[]> {
    return this.client.getAll('ContactType', logisenseContactType, call);
  }

  /** Every contact point type; each belongs to one contact type (notes §2.2). */
  contactPointTypes(call: CallContext): Promise<LogiSenseContactPointType[]> {
    return this.client.getAll('ContactPointType', logisenseContactPointType, call);
  }
}
