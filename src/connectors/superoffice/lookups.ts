import type { CallContext } from '../../core/call';
import type { Problems } from '../../core/problems';
import type { AccountRecord, ContactRecord } from '../../core/records';
import type { SuperOfficeSourceConfig } from './config';
import { numericId } from './ids';
import type { SuperOfficeReads } from './reads';
import type { SuperOfficeReference } from './reference';
import type { SuperOfficeMdoItem } from './wire';

/** What the drafts read from the tenant: reference data and the records an input links to. */
export interface CreateDeps {
  config: SuperOfficeSourceConfig;
  reference: SuperOfficeReference;
  reads: SuperOfficeReads;
}

/*
 * The lookups a create's checks need, each read once for every command of the call — the
 * companies all inputs link to in one archive call, the users once — and then consulted per
 * command without further requests, each problem at the input field it concerns.
 */

/** The owner an input names, if any (for `Owners.read`). */
export const ownerOf = (cmd: { ownerId?: string }): string | undefined => cmd.ownerId;
/** The account an input links to, if any (for `Found.companies`). */
export const accountOf = (cmd: { accountId?: string }): string | undefined => cmd.accountId;

/** Owners to write: a named associate (which must exist) or the default owner. */
export class Owners {
  private constructor(
    private readonly source: string,
    private readonly defaultId: number | null,
    private readonly userIds: ReadonlySet<string>,
  ) {}

  /** Reads the users only if some command names an owner, the default only if some does not. */
  static async read(deps: CreateDeps, call: CallContext, named: ReadonlyArray<string | undefined>): Promise<Owners> {
    const [defaultId, users] = await Promise.all([
      named.some((n) => n === undefined) ? deps.reference.defaultOwnerId(call) : null,
      named.some((n) => n !== undefined) ? deps.reference.users(call) : [],
    ]);
    return new Owners(deps.config.id, defaultId, new Set(users.map((u) => u.remoteId)));
  }

  /** The owner id for `named`; null with NOT_FOUND on `ownerId` when there is no such user. */
  resolve(named: string | undefined, problems: Problems): number | null {
    if (named === undefined) return this.defaultId;
    const id = numericId(named);
    if (id !== null && this.userIds.has(String(id))) return id;
    problems.add(['ownerId'], `no user ${named} in source "${this.source}"`, 'NOT_FOUND');
    return null;
  }
}

/** Records by remote id, read in one call, found or reported missing at their input field. */
export class Found<T extends { remoteId: string }> {
  private constructor(
    private readonly byId: ReadonlyMap<string, T>,
    private readonly what: string,
    private readonly source: string,
  ) {}

  static async companies(
    deps: CreateDeps,
    call: CallContext,
    ids: ReadonlyArray<string | undefined>,
  ): Promise<Found<AccountRecord>> {
    return new Found(
      await readByIds(ids, (wanted) => deps.reads.getAccounts(wanted, call)),
      'account',
      deps.config.id,
    );
  }

  static async persons(deps: CreateDeps, call: CallContext, ids: readonly string[]): Promise<Found<ContactRecord>> {
    return new Found(await readByIds(ids, (wanted) => deps.reads.getContacts(wanted, call)), 'contact', deps.config.id);
  }

  get(id: string): T | null {
    return this.byId.get(id) ?? null;
  }

  /** The record `id`, or null with NOT_FOUND on `field`. */
  require(id: string, field: string[], problems: Problems): T | null {
    const found = this.get(id);
    if (!found) problems.add(field, `no ${this.what} ${id} in source "${this.source}"`, 'NOT_FOUND');
    return found;
  }
}

/** Every distinct id that can be a SuperOffice id, in one read (none when there are none). */
async function readByIds<T extends { remoteId: string }>(
  ids: ReadonlyArray<string | undefined>,
  read: (ids: string[]) => Promise<Array<T | null>>,
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== undefined && numericId(id) !== null))];
  const found = wanted.length > 0 ? await read(wanted) : [];
  return new Map(found.filter((r): r is T => r !== null).map((r) => [r.remoteId, r]));
}

/** The tenant's countries (`MDOList/country`), read only when some address names one. */
export class Countries {
  private constructor(private readonly list: readonly SuperOfficeMdoItem[]) {}

  static async read(deps: CreateDeps, call: CallContext, names: ReadonlyArray<string | undefined>): Promise<Countries> {
    return new Countries(names.some(Boolean) ? await deps.reference.countries(call) : []);
  }

  /** The id of the country called `name` (case-insensitive), or null with NOT_FOUND naming some that exist. */
  resolve(name: string | undefined, problems: Problems): number | null {
    if (!name) return null;
    const hit = this.list.find((c) => (c.Name ?? '').toLowerCase() === name.toLowerCase());
    if (hit) return hit.Id;
    const known = this.list
      .slice(0, 8)
      .map((c) => c.Name)
      .join(', ');
    problems.add(
      ['address', 'country'],
      `SuperOffice has no country "${name}" (it has ${known}${this.list.length > 8 ? ', …' : ''})`,
      'NOT_FOUND',
    );
    return null;
  }
}
