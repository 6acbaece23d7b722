import { GatewayError, InputRejected, type UserError } from '../../core/errors';
import { logisenseErrorBody, logisenseLoginError } from './wire';

const VENDOR = 'LOGISENSE' as const;

/**
 * Request paths (as the vendor names them in its messages, e.g.
 * `details.contacts.items[0].details.contactPoints.items[1].value`) → the create-input field
 * they came from; null = no single input field. Longest match wins.
 */
export type FieldMap = ReadonlyArray<readonly [wirePath: string, field: string[] | null]>;

/**
 * A refused write (vendor notes §5): 400 with `errors[]` → `InputRejected`, one userError per
 * vendor error (all of them: the vendor reports every problem at once), each mapped onto the
 * input field its message names. Anything else → SOURCE_REJECTED naming the operation.
 */
export function logisenseWriteFailure(
  source: string,
  operation: string,
  status: number,
  body: unknown,
  fields: FieldMap,
): Error {
  const parsed = logisenseErrorBody.safeParse(body);
  if (status === 400 && parsed.success && parsed.data.errors.length > 0) {
    return new InputRejected(
      parsed.data.errors.map((e): UserError => {
        const message = e.message ?? `error ${String(e.code ?? 'without a code')}`;
        return {
          field: fieldOf(message, fields),
          message: `LogiSense rejected the ${operation}: ${message}`,
          code: 'REJECTED',
        };
      }),
    );
  }
  return rejected(source, `the ${operation}`, status, body);
}

/** A refused read, or any answer we cannot use: SOURCE_REJECTED with the vendor's code kept aside. */
export function rejected(source: string, operation: string, status: number, body: unknown): GatewayError {
  const parsed = logisenseErrorBody.safeParse(body);
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  return new GatewayError('SOURCE_REJECTED', `Source "${source}" (LOGISENSE) refused ${operation} (HTTP ${status})`, {
    source,
    vendor: VENDOR,
    httpStatus: status,
    ...(first?.code != null ? { vendorCode: String(first.code) } : {}),
    ...(first?.message ? { vendorMessage: first.message } : {}),
  });
}

/**
 * A refused login (the vendor documents no failure answer, notes §9 q6; OAuth-style bodies are
 * read when present). The message names the source only: never the user, client id, secret or
 * host. The vendor's `error` word (`invalid_grant`…) is kept as the debug-only vendor code; its
 * description is not, as a server may echo the user name in it.
 */
export function loginFailure(source: string, status: number, body: unknown): GatewayError {
  const parsed = logisenseLoginError.safeParse(body);
  const code = parsed.success ? parsed.data.error : undefined;
  const credentials =
    code === undefined || code === 'invalid_grant' || code === 'invalid_client' || code === 'unauthorized_client';
  const why = credentials ? 'rejected the configured credentials' : 'refused the login request';
  return new GatewayError('SOURCE_AUTH_FAILED', `Source "${source}" (LOGISENSE) ${why} (HTTP ${status})`, {
    source,
    vendor: VENDOR,
    httpStatus: status,
    ...(code ? { vendorCode: code } : {}),
  });
}

/**
 * Whether a 404 is LogiSense saying "no such record": its own error envelope (`errors[]`, notes
 * §5), which only the resource application writes once a route matched. A 404 without it — the
 * Web API framework's `{message}` for a route that does not exist, or the web server's HTML page
 * for a path outside the application — means the request never reached a LogiSense route.
 */
export function isUnknownRecord(status: number, body: unknown): boolean {
  if (status !== 404) return false;
  const parsed = logisenseErrorBody.safeParse(body);
  return parsed.success && parsed.data.errors.length > 0;
}

/**
 * A 404 that is not about a record: the route does not exist where the source points, so every
 * call would fail the same way. Told apart from a refusal so the operator looks at the source's
 * configuration (its `baseUrl`, the tenant host), never reported as "no such record".
 */
export function routeNotFound(source: string, operation: string, status: number, body: unknown): GatewayError {
  const framework = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return new GatewayError(
    'SOURCE_REJECTED',
    `Source "${source}" has no LogiSense v6 API at its configured baseUrl: ${operation} answered HTTP ${status} (route not found). Check the source's baseUrl in the configuration; it is the tenant host, without /ResourceServer or /AuthorizationServer`,
    {
      source,
      vendor: VENDOR,
      httpStatus: status,
      vendorCode: 'ROUTE_NOT_FOUND',
      ...(typeof framework === 'string' ? { vendorMessage: framework.slice(0, 300) } : {}),
    },
  );
}

/** An answer whose shape we do not recognise: the vendor changed or a proxy interfered. */
export function unexpectedAnswer(source: string, what: string, cause?: unknown): GatewayError {
  return new GatewayError(
    'SOURCE_UNAVAILABLE',
    `Source "${source}" sent an unexpected answer to ${what}`,
    { source, vendor: VENDOR },
    { cause },
  );
}

/**
 * A write LogiSense answered 200 for, whose answer does not say which record it made: it was
 * written, so it must not be sent again, and we cannot name what it wrote.
 */
export function unconfirmedWrite(source: string, what: string, cause?: unknown): GatewayError {
  return new GatewayError(
    'SOURCE_OUTCOME_UNKNOWN',
    `Source "${source}" (LOGISENSE) accepted ${what} but its answer does not identify the record written`,
    { source, vendor: VENDOR },
    { cause },
  );
}

/** What LogiSense has no equivalent of (vendor notes §2.4: no Opportunity or Pipeline; no users). */
export function unsupported(source: string, why: string): GatewayError {
  return new GatewayError('UNSUPPORTED_BY_SOURCE', `Source "${source}" (LOGISENSE) ${why}`, { source, vendor: VENDOR });
}

/** The input field a vendor message names, by the longest request path found in it as a whole token. */
export function fieldOf(message: string, fields: FieldMap): string[] | null {
  let best: { length: number; field: string[] | null } | null = null;
  for (const [path, field] of fields) {
    if (best && path.length <= best.length) continue;
    const token = new RegExp(`(^|[\\s'"(])${escape(path)}(?=$|[\\s.'":,)])`);
    if (token.test(message)) best = { length: path.length, field };
  }
  return best?.field ?? null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
