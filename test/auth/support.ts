import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { hashKey, mintKey } from '../../src/auth/apiKeys';

/** An identity provider for tests: an RS256 key pair whose public half a local JWKS URL serves. */
export interface Issuer {
  iss: string;
  jwksUrl: string;
  /** Times the JWKS was fetched. */
  fetches(): number;
  /** A token signed with the issuer's key (kid `k1`); `claims` override the defaults. */
  sign(claims?: JWTPayload, options?: { kid?: string; key?: KeyLike; expiresIn?: string | number; header?: Record<string, unknown> }): Promise<string>;
  /** Another key pair, unknown to the issuer's JWKS. */
  strangerKey: KeyLike;
  close(): Promise<void>;
}

export const ISSUER = 'https://login.crmgraph.test/';
export const AUDIENCE = 'crmgraph';

export async function startIssuer(): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    iss: ISSUER,
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetches,
    strangerKey: stranger.privateKey,
    async sign(claims = {}, options = {}) {
      return new SignJWT({ scope: 'read', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1', ...options.header })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : ISSUER)
        .setAudience(claims.aud ?? AUDIENCE)
        .setSubject(claims.sub ?? 'user-1')
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(options.key ?? privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An unsigned token (`alg: none`) with valid-looking claims. */
export function unsignedToken(claims: JWTPayload): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** A fresh key and its config entry. */
export function apiKey(id: string, scopes: string[], extra: Record<string, unknown> = {}): { key: string; entry: Record<string, unknown> } {
  const key = mintKey();
  return { key, entry: { id, sha256: hashKey(key), scopes, ...extra } };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** POSTs a GraphQL operation; every answer is kept in `log` (the canary reads them all). */
export function poster(url: () => string, log: string[] = []) {
  return async (query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
    const text = await res.text();
    log.push(JSON.stringify([...res.headers]), text);
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // kept as text for the assertion message
    }
    return { status: res.status, headers: res.headers, text, body };
  };
}

export const bearer = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}` });
