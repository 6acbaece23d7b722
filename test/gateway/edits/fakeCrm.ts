import { defineConnector } from '../../../src/core/defineConnector';
import type { Connector, CreateContactCommand, DeleteCommand, PlannedRequest, UpdateAccountCommand, UpdateContactCommand } from '../../../src/core/connector';
import { GatewayError, InputRejected } from '../../../src/core/errors';
import { missingRecord, staleVersion } from '../../../src/core/write';
import type { AccountRecord, ContactRecord, Vendor } from '../../../src/core/records';
import { defineDeletes, defineUpdates, defineWrites, type Committed } from '../../../src/core/writes';

/**
 * A CRM in memory behind a connector declared like a vendor's (defineConnector, defineUpdates,
 * defineDeletes), so the GraphQL layer's update and delete paths can be driven end to end. It
 * keeps every update command it drafted (to see what reached a connector), counts commits (the
 * vendor writes), bumps a record's version on every write, and can fail a commit after sending.
 */
export interface FakeCrm {
  connector: Connector;
  contacts: Map<string, ContactRecord>;
  accounts: Map<string, AccountRecord>;
  /** Update commands as drafted, in order. */
  commands: UpdateContactCommand[];
  accountCommands: UpdateAccountCommand[];
  deletes: DeleteCommand[];
  /** Vendor requests that wrote something, in order, each with the ids it carried. */
  writes: Array<{ method: string; ids: string[] }>;
  /** A commit carrying any of these ids breaks after sending (SOURCE_OUTCOME_UNKNOWN). */
  breakOn: Set<string>;
}

export interface FakeCrmOptions {
  id: string;
  vendor?: Vendor;
  /** Contact updates per vendor call (above 1: BATCH_UPDATE). */
  contactBatch?: number;
  /** Whether contacts can be deleted here (accounts always can). */
  deletesContacts?: boolean;
  contacts?: number;
}

const CONTACT_FIELDS = ['firstName', 'middleName', 'lastName', 'title', 'jobTitle', 'emails', 'phones', 'accountId'] as const;
const ACCOUNT_FIELDS = ['name', 'emails', 'website', 'address'] as const;

export function fakeCrm(options: FakeCrmOptions): FakeCrm {
  const source = options.id;
  const contacts = new Map<string, ContactRecord>();
  const accounts = new Map<string, AccountRecord>();
  for (let i = 1; i <= 2; i += 1) accounts.set(`a${i}`, account(source, `a${i}`, `Account ${i}`));
  for (let i = 1; i <= (options.contacts ?? 6); i += 1) contacts.set(`c${i}`, contact(source, `c${i}`, `First${i}`, `Last${i}`));
  const crm: FakeCrm = { connector: null as never, contacts, accounts, commands: [], accountCommands: [], deletes: [], writes: [], breakOn: new Set() };

  const sent = (method: string, ids: string[]): void => {
    crm.writes.push({ method, ids });
    if (ids.some((id) => crm.breakOn.has(id))) throw new GatewayError('SOURCE_OUTCOME_UNKNOWN', 'the vendor did not answer in time', { source });
  };
  const precondition = (expected: string | undefined): Pick<PlannedRequest, 'headers'> => (expected ? { headers: { 'If-Match': expected } } : {});

  const contactUpdates = defineUpdates<UpdateContactCommand, ContactRecord, UpdateContactCommand>({
    batchSize: options.contactBatch ?? 1,
    updatableFields: CONTACT_FIELDS,
    versionCheck: 'BEST_EFFORT',
    draft: (commands) =>
      Promise.resolve(
        commands.map((c) => {
          crm.commands.push(c);
          const current = contacts.get(c.id);
          if (!current) return new InputRejected([missingRecord('CONTACT', c.id)]);
          const stale = staleVersion(c.expectedVersion, current.version);
          if (stale) return new InputRejected([stale]);
          if (c.changes.lastName === null) return new InputRejected([{ field: ['lastName'], message: 'this CRM needs a last name', code: 'REQUIRED' }]);
          return { payload: c, requests: [{ method: 'PATCH' as const, path: `/contacts/${c.id}`, body: c.changes, ...precondition(c.expectedVersion) }], warnings: [] };
        }),
      ),
    commit: (payloads) => {
      sent('PATCH', payloads.map((p) => p.id));
      return Promise.resolve(payloads.map((p): Committed<ContactRecord> => ({ record: applyContact(contacts, p), warnings: [] })));
    },
  });

  const accountUpdates = defineUpdates<UpdateAccountCommand, AccountRecord, UpdateAccountCommand>({
    updatableFields: ACCOUNT_FIELDS,
    versionCheck: 'NATIVE',
    draft: (commands) =>
      Promise.resolve(
        commands.map((c) => {
          crm.accountCommands.push(c);
          const current = accounts.get(c.id);
          if (!current) return new InputRejected([missingRecord('ACCOUNT', c.id)]);
          return { payload: c, requests: [{ method: 'PATCH' as const, path: `/accounts/${c.id}`, body: c.changes, ...precondition(c.expectedVersion) }], warnings: [] };
        }),
      ),
    commit: (payloads) => {
      sent('PATCH', payloads.map((p) => p.id));
      return Promise.resolve(
        payloads.map((p): Committed<AccountRecord> | InputRejected => {
          const current = accounts.get(p.id)!;
          // The vendor checks the version itself (NATIVE), in the write.
          const stale = staleVersion(p.expectedVersion, current.version);
          if (stale) return new InputRejected([stale]);
          return { record: applyAccount(accounts, p), warnings: [] };
        }),
      );
    },
  });

  const deletesOf = (entity: 'CONTACT' | 'ACCOUNT', store: Map<string, { version?: string | null }>) =>
    defineDeletes<DeleteCommand>({
      versionCheck: 'BEST_EFFORT',
      draft: (commands) =>
        Promise.resolve(
          commands.map((c) => {
            crm.deletes.push(c);
            const current = store.get(c.id);
            if (!current) return new InputRejected([missingRecord(entity, c.id)]);
            const stale = staleVersion(c.expectedVersion, current.version);
            if (stale) return new InputRejected([stale]);
            const path = `/${entity.toLowerCase()}s/${c.id}`;
            return { payload: c, requests: [{ method: 'DELETE' as const, path, body: null }], warnings: [`its notes go with the ${entity.toLowerCase()}`] };
          }),
        ),
      commit: (payloads) => {
        sent('DELETE', payloads.map((p) => p.id));
        return Promise.resolve(payloads.map((p) => (store.delete(p.id), { record: { remoteId: p.id }, warnings: [] })));
      },
    });

  const get =
    <T>(store: Map<string, T>) =>
    (ids: readonly string[]) =>
      Promise.resolve(ids.map((id) => store.get(id) ?? null));
  crm.connector = defineConnector({
    id: source,
    vendor: options.vendor ?? 'PIPELINER',
    name: `Fake ${source}`,
    limits: { maxPageSize: 100, maxBatchSize: 50 },
    reads: { get: { CONTACT: get(contacts), ACCOUNT: get(accounts) }, list: {}, all: {} },
    filters: {},
    writes: {
      CONTACT: defineWrites<CreateContactCommand, ContactRecord, CreateContactCommand>({
        requiredOnCreate: ['lastName'],
        draft: (commands) => Promise.resolve(commands.map((c) => ({ payload: c, requests: [{ method: 'POST' as const, path: '/contacts', body: c }], warnings: [] }))),
        commit: (payloads) => {
          const id = `c${contacts.size + 100}`;
          sent('POST', [id]);
          const record = contact(source, id, payloads[0]!.firstName ?? '', payloads[0]!.lastName ?? '');
          contacts.set(id, record);
          return Promise.resolve([{ record, warnings: [] }]);
        },
      }),
    },
    updates: { CONTACT: contactUpdates, ACCOUNT: accountUpdates },
    deletes: { ...(options.deletesContacts === false ? {} : { CONTACT: deletesOf('CONTACT', contacts) }), ACCOUNT: deletesOf('ACCOUNT', accounts) },
    ...(options.deletesContacts === false ? { lacks: { CONTACT: 'its API has no delete for people' } } : {}),
    close: () => Promise.resolve(),
  });
  return crm;
}

function contact(source: string, id: string, firstName: string, lastName: string): ContactRecord {
  return {
    entity: 'CONTACT',
    source,
    remoteId: id,
    version: '1',
    createdAt: null,
    updatedAt: null,
    remoteData: null,
    firstName,
    middleName: null,
    lastName,
    name: `${firstName} ${lastName}`,
    title: 'Dr.',
    jobTitle: null,
    emails: [`${id}@example.com`],
    phones: ['+1 555 0100'],
    primaryAccountId: 'a1',
    accounts: [{ source, accountId: 'a1', isPrimary: true, jobTitle: null }],
    ownerId: null,
  };
}

function account(source: string, id: string, name: string): AccountRecord {
  return {
    entity: 'ACCOUNT',
    source,
    remoteId: id,
    version: '1',
    createdAt: null,
    updatedAt: null,
    remoteData: null,
    name,
    emails: [],
    phones: [],
    website: 'https://example.com',
    address: { street: 'Main St 1', city: 'Springfield', state: null, postalCode: '12345', country: 'US' },
    ownerId: null,
  };
}

const bump = (version: string | null | undefined): string => String(Number(version ?? '0') + 1);

function applyContact(store: Map<string, ContactRecord>, { id, changes }: UpdateContactCommand): ContactRecord {
  const c = { ...store.get(id)! };
  for (const f of ['firstName', 'middleName', 'lastName', 'title', 'jobTitle'] as const) if (f in changes) c[f] = changes[f] ?? null;
  if ('emails' in changes) c.emails = changes.emails ?? [];
  if ('phones' in changes) c.phones = changes.phones ?? [];
  if ('accountId' in changes) {
    c.primaryAccountId = changes.accountId ?? null;
    c.accounts = changes.accountId ? [{ source: c.source, accountId: changes.accountId, isPrimary: true, jobTitle: null }] : [];
  }
  c.name = [c.firstName, c.lastName].filter(Boolean).join(' ') || null;
  c.version = bump(c.version);
  store.set(id, c);
  return c;
}

function applyAccount(store: Map<string, AccountRecord>, { id, changes }: UpdateAccountCommand): AccountRecord {
  const a = { ...store.get(id)! };
  if (changes.name != null) a.name = changes.name;
  if ('emails' in changes) a.emails = changes.emails ?? [];
  if ('website' in changes) a.website = changes.website ?? null;
  if ('address' in changes) {
    const next = changes.address;
    a.address = next === null || next === undefined ? null : { ...a.address!, ...Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v ?? null])) };
  }
  a.version = bump(a.version);
  store.set(id, a);
  return a;
}
