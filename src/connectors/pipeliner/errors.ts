import { GatewayError, InputRejected, type UserError } from '../../core/errors';
import type { Vendor } from '../../core/records';
import { pipelinerError } from './wire';
import type { FieldMap } from '../kit/fieldMap';


/**
 * Turns a Pipeliner error answer into our error (vendor notes §5): 422
 * ERROR_ENTITY_VALIDATION → `InputRejected` with one userError per `field_errors` item mapped
 * onto input fields; 400/404/409 and anything else → SOURCE_REJECTED naming the operation.
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

function firstLine(message: string | null | undefined): string {
  return (message ?? 'no reason given').split('\n')[0] ?? '';
}
