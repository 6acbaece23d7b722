import { z } from 'zod';
import { wireRecord } from '../kit/wireRecord';
import type { CallContext } from '../../core/call';
import { GatewayError } from '../../core/errors';
import type { CurrencyRecord, PipelineRecord, StageRecord, UserRecord } from '../../core/records';
import type { SuperOfficeClient } from './client';
import type { SuperOfficeSourceConfig } from './config';
import { USER_COLUMNS } from './columns';
import {
  currencyInfo,
  fromSuperOfficeCurrency,
  fromSuperOfficeSaleType,
  probabilityInExtraInfo,
  userRecord,
  type CurrencyInfo,
} from './map';
import { fromSuperOfficeUserRow } from './mapRows';
import {
  superOfficeAssociate,
  superOfficeCurrencyEntity,
  superOfficeListItem,
  superOfficeMdoItem,
  superOfficeSaleStageEntity,
  superOfficeSaleTypeEntity,
  type SuperOfficeCurrencyEntity,
  type SuperOfficeMdoItem,
} from './wire';

/** Rows per `GET /User` page; tenants have tens of users, rarely more. */
const USER_PAGE = 500;

/**
 * Reference data of a tenant: sale types with their stages (pipelines), currencies with the
 * base currency, associates (users), countries, and the defaults creates need. Every read is a
 * GET shared within the operation (the HTTP client dedupes identical GETs per call context), so
 * asking twice in one operation costs one vendor request; nothing is kept across operations.
 */
export class SuperOfficeReference {
  constructor(
    private readonly config: SuperOfficeSourceConfig,
    private readonly client: SuperOfficeClient,
  ) {}

  private get source(): string {
    return this.config.id;
  }

  /**
   * `GET List/SaleType/Items`: one call for every pipeline with its stages. A stage's
   * probability is read from its item's ExtraInfo; only if some item lacks it is the Rating
   * list (`GET List/Rating/Items`, SaleStageEntity.Probability) read as well.
   */
  async pipelines(call: CallContext): Promise<PipelineRecord[]> {
    const types = (await this.client.read('/List/SaleType/Items', z.array(superOfficeSaleTypeEntity), call)).filter(
      (t) => t.Deleted !== true,
    );
    const lacking = types.some((t) =>
      (t.Stages ?? []).some((s) => s.Selected === true && probabilityInExtraInfo(s.ExtraInfo) === null),
    );
    const ratings = lacking
      ? await this.client.read('/List/Rating/Items', z.array(superOfficeSaleStageEntity), call)
      : [];
    const probability = new Map(ratings.map((r) => [r.SaleStageId, r.Probability ?? null]));
    return [...types]
      .sort((a, b) => (a.Rank ?? 0) - (b.Rank ?? 0) || a.SaleTypeId - b.SaleTypeId)
      .map((t) => fromSuperOfficeSaleType(this.source, t, (id) => probability.get(id) ?? null));
  }

  async stages(call: CallContext): Promise<Map<string, StageRecord>> {
    const byId = new Map<string, StageRecord>();
    for (const p of await this.pipelines(call)) for (const s of p.stages) byId.set(s.remoteId, s);
    return byId;
  }

  /** Every currency with its base flag, in the vendor's rank order. */
  async currencies(call: CallContext): Promise<CurrencyRecord[]> {
    const { list, baseId } = await this.currencyList(call);
    return list.map((c) =>
      fromSuperOfficeCurrency(this.source, c, c.CurrencyId === baseId, this.config.options.baseAmountFormula),
    );
  }

  async currencyInfos(call: CallContext): Promise<Map<number, CurrencyInfo>> {
    const { list, baseId } = await this.currencyList(call);
    return new Map(list.map((c) => [c.CurrencyId, currencyInfo(c, c.CurrencyId === baseId)]));
  }

  /**
   * `GET List/Currency/Items`, and which one is the base. The base currency is the one with
   * rate 1 (vendor notes §2 "Currency"): when exactly one currency has Rate/Units = 1 it is the
   * base; otherwise the Agents API is asked (`POST Agents/List/GetBaseCurrency`), as REST has
   * no such call.
   */
  private async currencyList(call: CallContext): Promise<{ list: SuperOfficeCurrencyEntity[]; baseId: number | null }> {
    const list = (await this.client.read('/List/Currency/Items', z.array(superOfficeCurrencyEntity), call)).filter(
      (c) => c.Deleted !== true,
    );
    const atPar = list.filter((c) => c.Units > 0 && Math.abs(c.Rate / c.Units - 1) < 1e-9);
    if (atPar.length === 1) return { list, baseId: atPar[0]?.CurrencyId ?? null };
    const base = await this.client.baseCurrency(superOfficeCurrencyEntity, call);
    return { list, baseId: base.CurrencyId };
  }

  /**
   * Associates as users, by id: the AllUsers archive behind `GET /User` (its associate columns
   * sort by initials, so the order is set here); where a tenant does not serve
   * it (open question 10, Online restrictions) the `associate` MDO list, which has no e-mail.
   */
  async users(call: CallContext): Promise<UserRecord[]> {
    try {
      const out: UserRecord[] = [];
      for (let skip = 0; ; skip += USER_PAGE) {
        const page = await this.client.archive(
          '/User',
          { select: USER_COLUMNS, orderBy: 'associateDbId', top: USER_PAGE, skip },
          call,
        );
        out.push(...page.rows.map((r) => fromSuperOfficeUserRow(this.source, r)));
        if (page.rows.length < USER_PAGE) return out.sort((a, b) => Number(a.remoteId) - Number(b.remoteId));
      }
    } catch (err) {
      if (!(err instanceof GatewayError) || err.detail.httpStatus !== 404) throw err;
      const items = await this.client.read('/MDOList/associate', z.array(superOfficeMdoItem), call);
      return items.filter((a) => a.Id > 0).map((a) => userRecord(this.source, String(a.Id), a.Name ?? null, null, a));
    }
  }

  /** The signed-in associate (`GET User/currentAssociate`, available online). */
  async currentAssociateId(call: CallContext): Promise<number> {
    return (await this.client.read('/User/currentAssociate', superOfficeAssociate, call)).AssociateId;
  }

  /** The owner of a record created without one: the configured default, else the signed-in associate. */
  async defaultOwnerId(call: CallContext): Promise<number> {
    return this.config.options.defaultOwnerId ?? (await this.currentAssociateId(call));
  }

  /**
   * The sale type of a sale created without one: the configured default, else the tenant's own
   * (its preference shows in `GET Sale/default`, vendor notes §6.7); null when neither names one.
   */
  async defaultSaleTypeId(call: CallContext): Promise<number | null> {
    if (this.config.options.defaultSaleTypeId) return this.config.options.defaultSaleTypeId;
    const query = new URLSearchParams({ $select: 'SaleType' });
    const blank = await this.client.read(
      '/Sale/default',
      wireRecord({ SaleType: superOfficeListItem.nullish() }),
      call,
      query,
    );
    return blank.SaleType?.Id || null;
  }

  /** `GET MDOList/country`: the tenant's countries by name. */
  async countries(call: CallContext): Promise<SuperOfficeMdoItem[]> {
    return (await this.client.read('/MDOList/country', z.array(superOfficeMdoItem), call)).filter(
      (c) => c.Deleted !== true,
    );
  }
}
