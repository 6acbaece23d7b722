import type { IncomingHttpHeaders } from 'node:http';

/**
 * HTTP Basic on every request (vendor notes §1): user = the account's API Username, password =
 * the API Key of one "API connection". Each connection has its own key, its own per-endpoint
 * Create/Read/Update/Delete toggles (a missing toggle → 403, not 401) and its own rate budget.
 */
export type Cin7Endpoint = 'Contacts' | 'Users' | 'Quotes';
export type Cin7Verb = 'read' | 'create' | 'update' | 'delete';
/** Per endpoint and verb; anything not set is granted. */
export type Cin7Permissions = Partial<Record<Cin7Endpoint, Partial<Record<Cin7Verb, boolean>>>>;

export interface Cin7Credentials {
  username: string;
  apiKey: string;
}

export interface Cin7Connection {
  apiKey: string;
  permissions?: Cin7Permissions;
}

export class Connections {
  private readonly permissions = new Map<string, Cin7Permissions>();

  constructor(
    readonly username: string,
    connections: readonly Cin7Connection[],
  ) {
    for (const c of connections) this.permissions.set(c.apiKey, structuredClone(c.permissions ?? {}));
  }

  /** The API key of a valid `Authorization: Basic` header, or null (→ 401). */
  authenticate(headers: IncomingHttpHeaders): string | null {
    const header = headers.authorization;
    if (typeof header !== 'string') return null;
    const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
    if (!m?.[1]) return null;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const user = decoded.slice(0, colon);
    const key = decoded.slice(colon + 1);
    return user === this.username && this.permissions.has(key) ? key : null;
  }

  allowed(apiKey: string, endpoint: Cin7Endpoint, verb: Cin7Verb): boolean {
    return this.permissions.get(apiKey)?.[endpoint]?.[verb] ?? true;
  }

  /** Replaces one connection's toggles (the admin flipping them in Settings → Integrations & API). */
  setPermissions(apiKey: string, permissions: Cin7Permissions): void {
    if (!this.permissions.has(apiKey)) throw new Error(`no API connection with key ${apiKey}`);
    this.permissions.set(apiKey, structuredClone(permissions));
  }

  keys(): string[] {
    return [...this.permissions.keys()];
  }
}

export function basicHeader(username: string, apiKey: string): string {
  return `Basic ${Buffer.from(`${username}:${apiKey}`, 'utf8').toString('base64')}`;
}
