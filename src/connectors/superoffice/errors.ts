import { GatewayError, InputRejected, type UserError } from '../../core/errors';
import { superOfficeError } from './wire';
import type { FieldMap } from '../kit/fieldMap';


/** Statuses of a refused save: 400 by default (open question 2), 409/422 in case a tenant answers so. */
const REFUSED_SAVE = new Set([400, 409, 422]);

/**
 * Turns a SuperOffice error answer into our error (vendor notes §4). A refused save (`fields`
 * given) becomes `InputRejected`, one userError per `Field: message` part of the vendor's
 * message ("Cannot save SaleEntity. Heading: …; Person: …"), mapped onto input fields; 421
 * (tenant moved host) and anything else become SOURCE_REJECTED naming the operation.
 */
export function superOfficeFailure(
  source: string,
  operation: string,
  status: number,
  body: unknown,
  fields?: FieldMap,
): Error {
  const parsed = superOfficeError.safeParse(body);
  const err = parsed.success ? parsed.data : null;
  const message = err?.ErrorMessage ?? err?.Message ?? null;
  const detail = {
    source,
    vendor: 'SUPEROFFICE' as const,
    httpStatus: status,
    ...(err?.ErrorType ? { vendorCode: err.ErrorType } : {}),
    ...(message ? { vendorMessage: message } : {}),
  };
  if (status === 421) {
    // Vendor notes §1: "Wrong subdomain used to access tenant" — the tenant moved to another host.
    return new GatewayError(
      'SOURCE_REJECTED',
      `Source "${source}" answered that the tenant lives on another host (HTTP 421); its baseUrl must be the tenant's webapi_url`,
      detail,
    );
  }
  if (fields && REFUSED_SAVE.has(status)) return new InputRejected(userErrorsOf(operation, message, fields));
  return new GatewayError('SOURCE_REJECTED', `SuperOffice rejected ${operation} (HTTP ${status})`, detail);
}

/** `Cannot save SaleEntity. Heading: Sale heading is mandatory; Person: …` → one userError per part. */
export function userErrorsOf(operation: string, message: string | null, fields: FieldMap): UserError[] {
  const text = (message ?? 'no reason given').trim();
  const parts = text.replace(/^Cannot save \w+\.\s*/, '').split(/;\s*/);
  const errors: UserError[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z][A-Za-z0-9]*)\s*:\s*(.+)$/.exec(part);
    if (!m) continue;
    const [, property = '', reason = ''] = m;
    errors.push({
      field: fields[property] ?? fieldOf(property, fields),
      message: `SuperOffice rejected ${operation}: ${reason}`,
      code: /mandatory|required/i.test(reason) ? 'REQUIRED' : /not found/i.test(reason) ? 'NOT_FOUND' : 'REJECTED',
    });
  }
  if (errors.length === 0)
    errors.push({ field: null, message: `SuperOffice rejected ${operation}: ${firstLine(text)}`, code: 'REJECTED' });
  return errors;
}

/** Property names match case-insensitively on the vendor side; do the same here. */
function fieldOf(property: string, fields: FieldMap): string[] | null {
  const key = Object.keys(fields).find((k) => k.toLowerCase() === property.toLowerCase());
  return key ? (fields[key] ?? null) : null;
}

/** An answer whose shape we do not recognise: the vendor changed or a proxy interfered. */
export function unexpectedAnswer(source: string, what: string, cause?: unknown): GatewayError {
  return new GatewayError(
    'SOURCE_UNAVAILABLE',
    `Source "${source}" sent an unexpected answer to ${what}`,
    { source, vendor: 'SUPEROFFICE' },
    { cause },
  );
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}
