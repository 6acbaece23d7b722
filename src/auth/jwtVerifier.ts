import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from '../config/authSchema';
import { ALL_SCOPES, type Scope } from './principal';

/** What a verified token says about its bearer. */
export interface TokenClaims {
  subject: string;
  scopes: Set<Scope>;
  /** Source ids the token may use; null when it names none (every source). */
  sources: Set<string> | null;
}

/** Why a token was refused, in words safe to send back (never the token or its claims' values). */
export class TokenRefused extends Error {
  override readonly name = 'TokenRefused';
  constructor(
    readonly reason: string,
    /** 401 for the token's fault; 503 when the issuer's keys could not be fetched. */
    readonly status: 401 | 503 = 401,
  ) {
    super(reason);
  }
}

const SCOPES: ReadonlySet<string> = new Set<Scope>(ALL_SCOPES);

/**
 * Verifies JWTs with jose against one configured issuer: its signature (a JWKS fetched and
 * cached by jose, refetched when a token names an unknown `kid`; a public key; or a shared
 * secret), `iss`, `aud`, `exp` and `nbf` within the clock skew, and only the pinned algorithms,
 * so `alg: none` and algorithm confusion fail before any key is tried.
 */
export class JwtVerifier {
  private readonly key: KeyObject | Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly config: JwtConfig) {
    if (config.jwksUrl !== undefined) {
      // jose keeps the set, refetches at most every 30 s for a kid it does not know, and gives up a fetch after 5 s.
      this.key = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 });
      this.algorithms = config.algorithms ?? ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];
    } else if (config.secret !== undefined) {
      this.key = new TextEncoder().encode(config.secret);
      this.algorithms = config.algorithms ?? ['HS256'];
    } else {
      const key = publicKeyOf(config.publicKey);
      this.key = key;
      this.algorithms = config.algorithms ?? [defaultAlgorithm(key)];
    }
  }

  /** The claims of a valid token; throws TokenRefused with the reason otherwise. */
  async verify(token: string): Promise<TokenClaims> {
    let payload: JWTPayload;
    try {
      const options = {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.algorithms,
        clockTolerance: this.config.clockSkewSeconds,
        requiredClaims: ['exp'],
      };
      // jose's overloads take a key or a key getter, not their union.
      ({ payload } =
        typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options));
    } catch (err) {
      throw refusalOf(err);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new TokenRefused('the token has no subject (sub)');
    return {
      subject: payload.sub,
      scopes: scopesOf(payload[this.config.scopesClaim]),
      sources: sourcesOf(payload[this.config.sourcesClaim], this.config.sourcesClaim),
    };
  }
}

/** A configured public key as Node's KeyObject: PEM (SPKI or a certificate) or a JWK object. */
export function publicKeyOf(key: JwtConfig['publicKey']): KeyObject {
  if (typeof key === 'string') return createPublicKey(key);
  // A JWK as written in the config; Node checks its members.
  return createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
}

function defaultAlgorithm(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return 'RS256';
    case 'rsa-pss':
      return 'PS256';
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      return curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : 'ES256';
    }
    case 'ed25519':
    case 'ed448':
      return 'EdDSA';
    case 'dsa':
    case 'x25519':
    case 'x448':
    case undefined:
      throw new Error('auth.jwt.publicKey: not a signing key (RSA, EC or Ed25519)');
  }
}

/** jose's error as a reason a client can act on; the token itself is never part of it. */
function refusalOf(err: unknown): TokenRefused {
  if (err instanceof errors.JWTExpired) return new TokenRefused('the token has expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'iss':
        return new TokenRefused('the token is from another issuer');
      case 'aud':
        return new TokenRefused('the token is meant for another audience');
      case 'nbf':
        return new TokenRefused('the token is not valid yet (nbf)');
      case 'exp':
        return new TokenRefused('the token has no expiry (exp)');
      default:
        return new TokenRefused(`the token's ${err.claim} claim is not valid`);
    }
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return new TokenRefused("the token's algorithm is not accepted");
  if (err instanceof errors.JWSSignatureVerificationFailed) return new TokenRefused("the token's signature does not verify (bad signature)");
  if (err instanceof errors.JWKSNoMatchingKey) return new TokenRefused('the token is signed by a key the issuer does not publish (unknown key)');
  if (err instanceof errors.JWKSMultipleMatchingKeys) return new TokenRefused("the token's key is ambiguous in the issuer's key set (no kid)");
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) {
    return new TokenRefused("the issuer's signing keys could not be fetched; try again", 503);
  }
  if (err instanceof errors.JOSENotSupported) return new TokenRefused("the token's algorithm is not supported");
  if (err instanceof errors.JOSEError) return new TokenRefused('the token is malformed');
  // A failed JWKS fetch (connection refused, TLS) surfaces as a plain error.
  return new TokenRefused("the issuer's signing keys could not be fetched; try again", 503);
}

function scopesOf(claim: unknown): Set<Scope> {
  const words = typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim.filter((w) => typeof w === 'string') : [];
  return new Set(words.filter((w): w is Scope => SCOPES.has(w)));
}

function sourcesOf(claim: unknown, name: string): Set<string> | null {
  if (claim === undefined) return null;
  if (Array.isArray(claim) && claim.every((s) => typeof s === 'string')) return new Set(claim);
  if (typeof claim === 'string') return new Set(claim.split(/[\s,]+/).filter(Boolean));
  throw new TokenRefused(`the token's ${name} claim must be a list of source ids`);
}
