import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SimRequest, SimResponse } from '../kit';
import { formatVendorDate } from './dates';
import { unauthorizedAnswer } from './envelopes';
import type { OwnerRow } from './store';
import type { LogiSenseSwitches } from './switches';

/** What the authorization server accepts (vendor notes §1.2: client_id plus user/password or secret). */
export interface LogiSenseCredentials {
  /** 32 hex digits, issued by LogiSense support. */
  clientId: string;
  username: string;
  password: string;
  /** The v10 option, generated in the UI; accepted here too with `grant_type=password`. */
  clientSecret: string;
}

/**
 * The authorization server: `POST …/Access/Login` with a form body issues an access token that
 * the resource server then requires as `Authorization: Bearer <token>` (vendor notes §1.2, §1.3).
 * Tokens are JWT-shaped but only the issuing simulator knows them; clients must treat them as
 * opaque.
 */
export class TokenAuthority {
  private readonly secret = randomBytes(32);
  private readonly tokens = new Map<string, { expiresAt: number }>();

  constructor(
    private readonly credentials: LogiSenseCredentials,
    private readonly switches: LogiSenseSwitches,
    private readonly now: () => number,
    private readonly owner: () => OwnerRow,
  ) {}

  /**
   * The token endpoint. Error bodies are the OAuth2 `{error, error_description}` form
   * (RFC 6749 §5.2): the vendor documents none, and its `.issued`/`.expires` fields are those of
   * an OWIN OAuth server, which answers that way. [inferred]
   */
  login(req: SimRequest): SimResponse {
    if (req.method !== 'POST') return this.oauthError(400, 'invalid_request', 'The token endpoint accepts POST only.');
    const contentType = String(req.headers['content-type'] ?? '');
    if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return this.oauthError(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams(req.rawBody);
    const grantType = form.get('grant_type');
    if (!grantType) return this.oauthError(400, 'invalid_request', 'grant_type is required.');
    // No refresh request is documented (notes §1.2): clients log in again.
    if (grantType !== 'password') return this.oauthError(400, 'unsupported_grant_type', `grant_type '${grantType}' is not supported.`);
    const clientId = form.get('client_id');
    if (!clientId) return this.oauthError(400, 'invalid_request', 'client_id is required.');
    const username = form.get('username');
    const password = form.get('password');
    const clientSecret = form.get('client_secret');
    const rejected = this.switches.badCredentialsStatus;
    if (clientId !== this.credentials.clientId) {
      return this.oauthError(rejected, 'invalid_client', 'The client_id is not valid.');
    }
    if (clientSecret !== null) {
      if (clientSecret !== this.credentials.clientSecret) {
        return this.oauthError(rejected, 'invalid_client', 'The client secret is incorrect.');
      }
    } else if (username === null || password === null) {
      return this.oauthError(400, 'invalid_request', 'Send username and password, or client_secret.');
    } else if (username !== this.credentials.username || password !== this.credentials.password) {
      return this.oauthError(rejected, 'invalid_grant', 'The user name or password is incorrect.');
    }
    return this.issue(clientId);
  }

  /** Null when the request carries a live token; otherwise the 401 answer to send. */
  check(headers: IncomingHttpHeaders): SimResponse | null {
    const header = headers.authorization?.trim();
    if (!header) return unauthorizedAnswer();
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    const token = bearer?.[1] ?? (this.switches.acceptTokenWithoutBearer && !/\s/.test(header) ? header : undefined);
    const entry = token === undefined ? undefined : this.tokens.get(token);
    if (!entry || this.now() >= entry.expiresAt) return unauthorizedAnswer();
    return null;
  }

  /** Every token issued so far stops working now; new logins still succeed. */
  expireAll(): void {
    const now = this.now();
    for (const entry of this.tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
  }

  /** Tokens that would still be accepted. */
  liveTokens(): number {
    const now = this.now();
    return [...this.tokens.values()].filter((t) => now < t.expiresAt).length;
  }

  /** Response fields and token claims as in vendor notes §1.2. */
  private issue(clientId: string): SimResponse {
    const issued = this.now();
    const lifetime = this.switches.tokenLifetimeSeconds;
    const expiresAt = issued + lifetime * 1000;
    const owner = String(this.owner().identity);
    const seconds = (ms: number) => Math.floor(ms / 1000);
    const accessToken = this.jwt('http://www.w3.org/2001/04/xmldsig-more#hmac-sha512', {
      ownerId: owner,
      actingOwnerId: owner,
      userId: '2',
      roleId: '1',
      isInteractive: 'False',
      unique_name: this.credentials.username,
      sub: this.credentials.username,
      iss: 'http://authorizationserver.logisense.com',
      aud: clientId,
      exp: seconds(expiresAt),
      nbf: seconds(issued),
      // Unique per issuance, so a re-login within the same second never revives an expired token.
      jti: randomUUID(),
    });
    const refreshToken = this.jwt('HS512', {
      refreshTokenGuid: randomUUID(),
      jti: randomUUID(),
      iat: seconds(issued),
    });
    this.tokens.set(accessToken, { expiresAt });
    return {
      status: 200,
      headers: { 'cache-control': 'no-cache', pragma: 'no-cache' },
      body: {
        access_token: accessToken,
        refresh_token: refreshToken,
        token_type: 'bearer',
        expires_in: this.switches.expiresInType === 'string' ? String(lifetime) : lifetime,
        audience: clientId,
        '.issued': formatVendorDate(issued),
        '.expires': formatVendorDate(expiresAt),
        actingOwnerId: this.owner().identity,
      },
    };
  }

  private jwt(alg: string, claims: Record<string, unknown>): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    const unsigned = `${part({ typ: 'JWT', alg })}.${part(claims)}`;
    const signature = createHmac('sha512', this.secret).update(unsigned).digest('base64url');
    return `${unsigned}.${signature}`;
  }

  private oauthError(status: number, error: string, description: string): SimResponse {
    return { status, body: { error, error_description: description } };
  }
}

/** The form body with its secrets replaced, for the request log (secrets are never logged). */
export function redactLoginForm(rawBody: string): string {
  const form = new URLSearchParams(rawBody);
  for (const key of ['password', 'client_secret', 'refresh_token']) {
    if (form.has(key)) form.set(key, '[redacted]');
  }
  return form.toString();
}
