import type { IncomingHttpHeaders } from 'node:http';
import { DEFAULT_RATE_LIMIT, type AuthConfig, type RateLimitConfig } from '../config/authSchema';
import { ApiKeyTable } from './apiKeys';
import { credentialOf } from './credentials';
import { JwtVerifier, TokenRefused } from './jwtVerifier';
import { ANONYMOUS, type Principal, type PrincipalRateLimit, type Scope } from './principal';

/** The edge's verdict on a request's credential. */
export type Authentication =
  | { ok: true; principal: Principal }
  | {
      ok: false;
      /** 401, or 503 when the verdict could not be reached (the issuer's keys are unreachable). */
      status: 401 | 503;
      /** Why, safe for the client and the log: never the key or token. */
      reason: string;
      /** The `WWW-Authenticate` value (RFC 6750 §3). */
      challenge: string;
      /** What was presented, for the log line. */
      presented: 'none' | 'apiKey' | 'jwt' | 'malformed';
    };

const REALM = 'crmgraph';

/**
 * Turns a request's headers into its principal (DESIGN §10 Access): in `required` mode an API
 * key from `auth.apiKeys` or a JWT `auth.jwt` verifies; in `none` mode every request is the
 * anonymous principal. Looks at headers only, so it runs before the body is parsed and long
 * before any vendor is asked.
 */
export class Authenticator {
  private readonly keys: ApiKeyTable;
  private readonly jwt: JwtVerifier | null;
  private readonly anonymous: Principal;

  constructor(private readonly auth: AuthConfig) {
    this.keys = new ApiKeyTable(auth.apiKeys);
    this.jwt = auth.mode === 'required' && auth.jwt ? new JwtVerifier(auth.jwt) : null;
    // An open gateway is limited only when its config asks: every client shares the one principal.
    const open = auth.rateLimit ? limitOf(auth.rateLimit, 'auth.rateLimit') : undefined;
    this.anonymous = open ? { ...ANONYMOUS, rateLimit: open } : ANONYMOUS;
  }

  get required(): boolean {
    return this.auth.mode === 'required';
  }

  /** Never rejects. */
  async authenticate(headers: IncomingHttpHeaders): Promise<Authentication> {
    if (!this.required) return { ok: true, principal: this.anonymous };
    const credential = credentialOf(headers);
    switch (credential.kind) {
      case 'none':
        return refuse('none', 'a credential is required: send Authorization: Bearer <API key or JWT>, or x-api-key', `Bearer realm="${REALM}"`);
      case 'malformed':
        return refuse('malformed', credential.reason, challenge('invalid_request', credential.reason));
      case 'apiKey': {
        const found = this.keys.find(credential.secret);
        if (!found) return refuse('apiKey', 'the API key is not valid (unknown key)', challenge('invalid_token', 'unknown key'));
        const { config, index } = found;
        return {
          ok: true,
          principal: {
            id: `key:${config.id}`,
            kind: 'apiKey',
            scopes: new Set<Scope>(config.scopes),
            sources: config.sources ? new Set(config.sources) : null,
            rateLimit: this.limitFor(config.rateLimit, `auth.apiKeys[${index}].rateLimit`),
          },
        };
      }
      case 'jwt': {
        if (!this.jwt) {
          return refuse('jwt', 'JWTs are not accepted here (no auth.jwt is configured)', challenge('invalid_token', 'JWTs are not accepted'));
        }
        try {
          const claims = await this.jwt.verify(credential.secret);
          return {
            ok: true,
            principal: {
              id: `jwt:${claims.subject}`,
              kind: 'jwt',
              scopes: claims.scopes,
              sources: claims.sources,
              rateLimit: this.limitFor(this.auth.jwt?.rateLimit, 'auth.jwt.rateLimit'),
            },
          };
        } catch (err) {
          const refusal = err instanceof TokenRefused ? err : new TokenRefused('the token could not be verified', 503);
          return refuse('jwt', refusal.reason, challenge('invalid_token', refusal.reason), refusal.status);
        }
      }
    }
  }

  /** A principal's own budget, else `auth.rateLimit`, else the default. */
  private limitFor(own: RateLimitConfig | undefined, ownKey: string): PrincipalRateLimit {
    if (own) return limitOf(own, ownKey);
    if (this.auth.rateLimit) return limitOf(this.auth.rateLimit, 'auth.rateLimit');
    return limitOf(DEFAULT_RATE_LIMIT, 'auth.rateLimit');
  }
}

function limitOf(config: RateLimitConfig, configKey: string): PrincipalRateLimit {
  return {
    configKey,
    ...(config.requestsPerSecond !== undefined ? { requestsPerSecond: config.requestsPerSecond } : {}),
    ...(config.costPerMinute !== undefined ? { costPerMinute: config.costPerMinute } : {}),
  };
}

function refuse(
  presented: 'none' | 'apiKey' | 'jwt' | 'malformed',
  reason: string,
  challengeValue: string,
  status: 401 | 503 = 401,
): Authentication {
  return { ok: false, status, reason, challenge: challengeValue, presented };
}

/** RFC 6750 §3: the description is quoted, so it may hold no `"` or `\`. */
function challenge(error: 'invalid_request' | 'invalid_token', description: string): string {
  return `Bearer realm="${REALM}", error="${error}", error_description="${description.replace(/["\\]/g, "'")}"`;
}
