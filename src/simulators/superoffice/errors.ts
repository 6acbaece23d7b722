import type { SimResponse } from '../kit';

/**
 * An error answer of the simulated WebAPI. Two body shapes exist on the wire:
 * - 'so': the documented REST error object `{Error, ErrorType, ErrorMessage, ErrorSource}`
 *   (vendor notes §4, the 404 sample of the REST docs);
 * - 'aspnet': ASP.NET Web API's own `{Message}` body, which the WebAPI host answers before its
 *   controllers run (vendor notes §4 quote the model-binding variant); used for 401 and for
 *   URLs that match no route.
 */
export class SoError extends Error {
  override readonly name = 'SoError';
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    readonly shape: 'so' | 'aspnet' = 'so',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Where the docs' sample says NetServer errors come from. */
const ERROR_SOURCE = 'SuperOffice.Services.Implementation';

/** Renders an error; `messageKey` is open question 3 ('ErrorMessage' in the docs, 'Message' in a client mock). */
export function errorResponse(err: SoError, messageKey: 'ErrorMessage' | 'Message'): SimResponse {
  const body =
    err.shape === 'aspnet'
      ? { Message: err.message }
      : {
          Error: true,
          ErrorType: err.errorType,
          [messageKey]: err.message,
          ErrorSource: ERROR_SOURCE,
        };
  return { status: err.status, body, headers: err.headers };
}

/** 404 for a missing id, worded like the docs' sample "Contact id 99999 not found". */
export function notFound(entity: string, id: number | string): SoError {
  return new SoError(404, 'SoNotFoundException', `${entity} id ${id} not found`);
}

/** 400 for a malformed request (query option, body, filter). */
export function badRequest(message: string): SoError {
  return new SoError(400, 'ArgumentException', message);
}

/** ASP.NET's answer for a URL no controller serves. */
export function noRoute(url: string): SoError {
  return new SoError(404, 'HttpException', `No HTTP resource was found that matches the request URI '${url}'.`, 'aspnet');
}
