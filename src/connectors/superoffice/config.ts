import { z } from 'zod';
import { sourceBaseSchema } from '../kit/sourceConfig';

/**
 * A SuperOffice CRM source (WebAPI REST v1). `baseUrl` is the tenant's API host — online the
 * numbered host from the id token's `webapi_url` (e.g. `https://sod2.superoffice.com`), never
 * the un-numbered auth host, which answers 421 (vendor notes §1 "Base URL"). `tenant` is the
 * path segment before `/api/v1`: the ContextId online (`Cust12345`), the web application's
 * folder onsite.
 */
export const superOfficeSourceSchema = sourceBaseSchema.extend({
  vendor: z.literal('superoffice'),
  tenant: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'must be the ContextId (e.g. Cust12345) or the web app folder'),
  /**
   * Vendor notes §1 "Authorization header schemes": a SuperID access token (`Bearer`), or a
   * ticket (`SOTicket`) which online must come with the app's client secret as `SO-AppToken`.
   */
  credentials: z.discriminatedUnion('scheme', [
    z.strictObject({
      scheme: z.literal('bearer'),
      accessToken: z.string().min(1, 'is empty'),
      appToken: z.string().min(1, 'is empty').optional(),
    }),
    z.strictObject({
      scheme: z.literal('soticket'),
      ticket: z.string().min(1, 'is empty'),
      appToken: z.string().min(1, 'is empty'),
    }),
  ]),
  options: z
    .strictObject({
      /** Sale type of created sales when the input names no pipeline; else the tenant's default (`GET /Sale/default`). */
      defaultSaleTypeId: z.number().int().positive().optional(),
      /** Owner of created records when the input names none; else the signed-in associate. */
      defaultOwnerId: z.number().int().positive().optional(),
      /** `SO-Language`: without one, multi-language list names come back raw (vendor notes §1). */
      language: z
        .string()
        .regex(/^[a-z]{2}$/, 'must be a two-letter language code')
        .default('en'),
      /**
       * How `Rate`/`Units` convert to the base currency (vendor notes, open question 7):
       * `divideByRate` = amount / Rate * Units (CRMScript how-to), `multiplyByRate` the inverse.
       */
      baseAmountFormula: z.enum(['divideByRate', 'multiplyByRate']).default('divideByRate'),
    })
    .default({ language: 'en', baseAmountFormula: 'divideByRate' }),
});

export type SuperOfficeSourceConfig = z.infer<typeof superOfficeSourceSchema>;
