import { randomUUID } from 'node:crypto';
import type { SimResponse } from '../kit';
import type { LogiSenseSwitches } from './switches';

/**
 * The resource server's answer envelopes (vendor notes §3, §5, §8 checklist; seed 004 samples).
 * Every answer carries a fresh GUID `trackingId` (notes §5) and every success is HTTP 200.
 */

/** One validation problem as the vendor reports it: `{code, message}` (notes §5). */
export interface Problem {
  code: number;
  message: string;
}

/**
 * Error codes. The vendor's codes are 8-digit internal numbers (examples 10400000, 11900000) whose
 * meanings are not documented, so these values are the simulator's own in the same form: a
 * connector may log them but must not branch on them.
 */
export const ErrorCode = {
  malformedRequest: 10000400,
  notFound: 10000404,
  required: 11900001,
  invalidValue: 11900002,
  unknownReference: 11900003,
  ruleViolation: 11900004,
  readOnlyField: 11900005,
  unknownField: 11900006,
} as const;

/** Operation names used as the envelope `type`; `get`/`search` are inferred (no sample shows a read error). */
export type EnvelopeType = 'create' | 'update' | 'patch' | 'delete' | 'get' | 'search';

/** One entry of `results.items` in a create/update/patch answer. */
export interface ResultItem {
  identity: number;
  action: 'created' | 'updated' | 'deleted' | 'retrieved' | 'attached' | 'detached';
  dtoTypeKey: string;
  /** The request row's `patchClientId`, echoed only with the `echoPatchClientId` switch (seed 004 has none). */
  patchClientId?: number;
  instance: Record<string, unknown>;
}

export function trackingId(): string {
  return randomUUID();
}

export function ok(body: Record<string, unknown>): SimResponse {
  return { status: 200, body: { trackingId: trackingId(), ...body } };
}

/** `GET X`: `{trackingId, totalCount, items}` (notes §3, seed 004). */
export function listAnswer(items: unknown[]): SimResponse {
  return ok({ totalCount: items.length, items });
}

/** `GET X/{id}`: `{trackingId, instance}` (seed 004), or a one-item list (switch `singleGetShape`). */
export function singleAnswer(instance: Record<string, unknown>, switches: LogiSenseSwitches): SimResponse {
  return switches.singleGetShape === 'instance' ? ok({ instance }) : listAnswer([instance]);
}

/**
 * Create (`type: "create"`), update (`"update"`, seed 004 PUT) and patch (`"patch"`) answers:
 * `{trackingId, type, results: {totalCount, items}}`. Create/update items are wrapped like patch
 * items (notes §3, §8) unless `writeItemShape` is `bare` (the seed 004 POST/PUT samples); items
 * carry no `patchClientId`, as in seed 004's PATCH answer, unless `echoPatchClientId` is on.
 */
export function writeAnswer(type: 'create' | 'update' | 'patch', items: ResultItem[], switches: LogiSenseSwitches): SimResponse {
  const shaped =
    type !== 'patch' && switches.writeItemShape === 'bare'
      ? items.map((i) => i.instance)
      : items.map((i) => ({
          identity: i.identity,
          action: i.action,
          dtoTypeKey: i.dtoTypeKey,
          ...(i.patchClientId === undefined || !switches.echoPatchClientId ? {} : { patchClientId: i.patchClientId }),
          instance: i.instance,
        }));
  return ok({ type, results: { totalCount: shaped.length, items: shaped } });
}

/** `{trackingId, type, errors: [{code, message}]}` with every problem found (notes §5). */
export function errorAnswer(status: number, type: EnvelopeType, problems: Problem[]): SimResponse {
  return { status, body: { trackingId: trackingId(), type, errors: problems } };
}

export function notFoundAnswer(type: EnvelopeType, entity: string, id: number): SimResponse {
  return errorAnswer(404, type, [{ code: ErrorCode.notFound, message: `${entity} ${id} was not found.` }]);
}

/*
 * Framework answers. The vendor documents no body for these (notes §9 q6); the server is an
 * ASP.NET Web API application (`{id:int}` route constraints, notes §6), so these use that
 * framework's standard `{message}` bodies, with the `trackingId` every answer carries.
 */

export function unauthorizedAnswer(): SimResponse {
  return {
    status: 401,
    headers: { 'www-authenticate': 'Bearer' },
    body: { trackingId: trackingId(), message: 'Authorization has been denied for this request.' },
  };
}

export function noRouteAnswer(url: string): SimResponse {
  return {
    status: 404,
    body: { trackingId: trackingId(), message: `No HTTP resource was found that matches the request URI '${url}'.` },
  };
}

/**
 * A path outside both IIS applications (a base URL without `/ResourceServer`, a wrong host path):
 * neither application answers, so the web server's own HTML page comes back, without the
 * `trackingId` only the applications add.
 */
export function hostNotFoundAnswer(): SimResponse {
  return {
    status: 404,
    headers: { 'content-type': 'text/html' },
    text: '<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2></body></html>',
  };
}

export function methodNotAllowedAnswer(method: string, allow: string[]): SimResponse {
  return {
    status: 405,
    headers: { allow: allow.join(', ') },
    body: { trackingId: trackingId(), message: `The requested resource does not support http method '${method}'.` },
  };
}

export function unsupportedMediaAnswer(contentType: string): SimResponse {
  return {
    status: 415,
    body: {
      trackingId: trackingId(),
      message: `The request entity's media type '${contentType}' is not supported for this resource.`,
    },
  };
}
