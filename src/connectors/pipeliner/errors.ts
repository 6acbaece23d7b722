import { GatewayError, InputRejected, type UserError } from '../../core/errors';
import type { Vendor } from '../../core/records';
import { pipelinerError } from './wire';
import type { FieldMap } from '../kit/fieldMap';


/**
 * Turns a Pipeliner error answer into our error (vendor notes §5): 422
 * ERROR_ENTITY_VALIDATION → `InputRejected` with one userError per `field_errors` item mapped
 * onto input fields; a 404 that is not about a record → `misconfigured` (the source's
 * settings are wrong); 400/404/409 and anything else → SOURCE_REJECTED naming the operation.
 */
export function pipelinerFailure(
  source: string,
  vendor: Vendor,
  operation: string,
  status: number,
  body: unknown,
  fields: FieldMap,
): Error {
  const parsed = pipelinerError.safeParse(body);
  const err = parsed.success ? parsed.data : null;
  if (status === 422 && err) {
    const userErrors: UserError[] = (err.field_errors ?? []).map((f) => {
      const name = f.field_name ?? '';
      const inner = f.errors?.[0];
      const missing = inner?.code === 119 || inner?.name === 'ERROR_PARAMETER_MISSING';
      return {
        field: fields[name] ?? null,
        message: `Pipeliner rejected ${operation}: ${inner?.message ?? f.message ?? `field '${name}' is invalid`}`,
        code: missing ? 'REQUIRED' : 'REJECTED',
      };
    });
    if (userErrors.length === 0) {
      userErrors.push({ field: null, message: `Pipeliner rejected ${operation}: ${firstLine(err.message)}`, code: 'REJECTED' });
    }
    return new InputRejected(userErrors);
  }
  if (status === 404) {
    const kind = notFoundKind(body);
    if (kind !== 'record') return misconfigured(source, vendor, operation, kind, body);
  }
  return new GatewayError('SOURCE_REJECTED', `Pipeliner rejected ${operation} (HTTP ${status})`, {
    source,
    vendor,
    httpStatus: status,
    ...(err?.name ? { vendorCode: err.name } : {}),
    ...(err?.message ? { vendorMessage: firstLine(err.message) } : {}),
  });
}

/** One batch item's inline Error (same shape as a 422 body) as the input problems it names. */
export function pipelinerItemRejection(operation: string, error: unknown, fields: FieldMap): InputRejected {
  const mapped = pipelinerFailure('', 'PIPELINER', operation, 422, error, fields);
  return mapped instanceof InputRejected
    ? mapped
    : new InputRejected([{ field: null, message: `Pipeliner rejected ${operation}`, code: 'REJECTED' }]);
}

/** An answer whose shape we do not recognise: the vendor changed or a proxy interfered. */
export function unexpectedAnswer(source: string, vendor: Vendor, what: string, cause?: unknown): GatewayError {
  return new GatewayError('SOURCE_UNAVAILABLE', `Source "${source}" sent an unexpected answer to ${what}`, { source, vendor }, { cause });
}

/**
 * A write the vendor answered with success in a shape we cannot read: something was written,
 * but we cannot say what, so it must not be retried blindly.
 */
export function writtenUnread(source: string, what: string, cause?: unknown): GatewayError {
  return new GatewayError(
    'SOURCE_OUTCOME_UNKNOWN',
    `Source "${source}" accepted ${what} but its answer could not be read; the records may or may not exist`,
    { source, vendor: 'PIPELINER' },
    { cause },
  );
}

/**
 * What a 404 means (vendor notes §5 lists three bodies): `record` — the Error schema's
 * `ERROR_NOT_FOUND` about the record asked for, the only 404 that is "no such record";
 * `space` — the same name about the space (the space id is wrong); `type` —
 * `ERROR_UNKNOWN_TYPE` (the entity path is wrong); `route` — the web framework's body without
 * `success` (the base URL is wrong), or anything else we cannot read as the API's Error.
 */
export type NotFoundKind = 'record' | 'space' | 'type' | 'route';

export function notFoundKind(body: unknown): NotFoundKind {
  const parsed = pipelinerError.safeParse(body);
  if (!parsed.success || parsed.data.success !== false) return 'route';
  const { name, message } = parsed.data;
  if (name === 'ERROR_UNKNOWN_TYPE') return 'type';
  if (name !== 'ERROR_NOT_FOUND') return 'route';
  // The only public sample for a wrong space says "Space not found."; a record's message
  // names its entity instead.
  return /\bspace\b/i.test(message ?? '') ? 'space' : 'record';
}

const MISCONFIGURED: Record<Exclude<NotFoundKind, 'record'>, string> = {
  space: 'its spaceId names no space at that service URL',
  type: 'the service does not know the entity asked for (is baseUrl a Pipeliner v100 service?)',
  route: 'its baseUrl does not lead to the Pipeliner v100 API',
};

/**
 * A 404 that is not about a record: the source's configuration is wrong, so every read would
 * fail the same way. Typed, never retried, and never a silent null.
 */
export function misconfigured(source: string, vendor: Vendor, operation: string, kind: Exclude<NotFoundKind, 'record'>, body: unknown): GatewayError {
  const parsed = pipelinerError.safeParse(body);
  const err = parsed.success ? parsed.data : null;
  return new GatewayError('SOURCE_REJECTED', `Source "${source}" is misconfigured: ${MISCONFIGURED[kind]} (HTTP 404 ${operation})`, {
    source,
    vendor,
    httpStatus: 404,
    vendorCode: kind === 'route' ? 'ROUTE_NOT_FOUND' : (err?.name ?? 'ERROR_NOT_FOUND'),
    ...(err?.message ? { vendorMessage: firstLine(err.message) } : {}),
  });
}

function firstLine(message: string | null | undefined): string {
  return (message ?? 'no reason given').split('\n')[0] ?? '';
}
