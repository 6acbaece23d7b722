import type { IncomingHttpHeaders } from 'node:http';
import { SoError } from './errors';
import type { Deployment } from './options';

/**
 * The Authorization schemes of the WebAPI (vendor notes §1 table):
 * - `Bearer <access token>` (SuperID, opaque `8A:…`);
 * - `SOTicket <ticket>` (`7T:…`), which Online pairs with `SO-AppToken: <client secret>`;
 * - `Basic` only Onsite; Online refuses it.
 * The scheme keyword is case-insensitive (`SOTICKET`, `SoTicket` appear in the docs). Missing
 * or wrong credentials are 401; the body is ASP.NET Web API's own `{Message}` (no SuperOffice
 * error object is documented for 401). Credentials made stale with `expire()` answer
 * `expiredStatus` (open question 6: 401, or 403 as one sign-in page says).
 */
export class Credentials {
  private stale = new Set<string>();
  private renewals = 0;

  constructor(
    public accessToken: string,
    public ticket: string,
    readonly appToken: string,
    private readonly deployment: Deployment,
    private readonly basic: { user: string; password: string },
    private readonly expiredStatus: 401 | 403,
  ) {}

  /** Makes the current access token and ticket stale, as when they expire. */
  expire(): void {
    this.stale.add(`bearer ${this.accessToken}`);
    this.stale.add(`soticket ${this.ticket}`);
  }

  /** Issues a new access token and ticket (as re-authentication would) and returns them. */
  renew(next: { accessToken?: string; ticket?: string } = {}): { accessToken: string; ticket: string } {
    this.renewals += 1;
    this.accessToken = next.accessToken ?? `${this.accessToken.replace(/\.r\d+$/, '')}.r${this.renewals}`;
    this.ticket = next.ticket ?? `${this.ticket.replace(/\.r\d+$/, '')}.r${this.renewals}`;
    return { accessToken: this.accessToken, ticket: this.ticket };
  }

  /** Throws SoError unless the request is authenticated. */
  check(headers: IncomingHttpHeaders): void {
    const header = single(headers.authorization);
    if (!header) throw denied();
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const value = space < 0 ? '' : header.slice(space + 1).trim();
    if (this.stale.has(`${scheme} ${value}`)) {
      throw new SoError(this.expiredStatus, 'SoAuthenticationException', 'Authorization has been denied for this request.', 'aspnet');
    }
    switch (scheme) {
      case 'bearer':
        if (value === this.accessToken) return;
        throw denied();
      case 'soticket':
        if (value !== this.ticket) throw denied();
        if (this.deployment === 'online' && single(headers['so-apptoken']) !== this.appToken) throw denied();
        return;
      case 'basic': {
        if (this.deployment === 'online') throw denied();
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        if (decoded === `${this.basic.user}:${this.basic.password}`) return;
        throw denied();
      }
      default:
        throw denied();
    }
  }
}

function denied(): SoError {
  return new SoError(401, 'SoAuthenticationException', 'Authorization has been denied for this request.', 'aspnet');
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
