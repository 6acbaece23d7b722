import { Writable } from 'node:stream';
import pino from 'pino';
import type { Principal, Scope } from '../../../src/auth/principal';
import { authSchema } from '../../../src/config/authSchema';
import { serverSchema } from '../../../src/config/schema';
import { encodeId } from '../../../src/core/globalId';
import { createGateway, type ExecuteResult, type Gateway } from '../../../src/server';
import { dataOf } from '../../support/gateway';
import { fakeCrm, type FakeCrm } from './fakeCrm';

/**
 * Updates and deletes through the GraphQL layer, over two in-memory CRMs declared like vendors:
 * what reaches a connector (omitted vs null), what is refused before anything is sent, access,
 * idempotency, batch answers, capabilities, versions and the audit trail.
 */
const contactId = (source: string, id: string) => encodeId('Contact', source, id);
const accountId = (source: string, id: string) => encodeId('Account', source, id);

function principal(scopes: Scope[], sources: string[] | null = null): Principal {
  return { id: `key:${scopes.join('-')}${sources ? `@${sources.join('+')}` : ''}`, kind: 'apiKey', scopes: new Set(scopes), sources: sources && new Set(sources) };
}
const WRITER = principal(['read', 'write']);
const DELETER = principal(['read', 'delete']);
const READER = principal(['read']);

const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) {
  contact { id firstName middleName lastName emails phones version primaryAccount { id } }
  userErrors { field message code } warnings plannedRequests { method path body headers } } }`;
const UPDATE_CONTACTS = `mutation($inputs: [UpdateContactInput!]!) { updateContacts(inputs: $inputs) {
  contact { id firstName version } userErrors { field message code } } }`;
const UPDATE_ACCOUNT = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) {
  account { id name website address { street city postalCode } version } userErrors { field message code } plannedRequests { method path headers } } }`;
const DELETE_ACCOUNT = `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) {
  deletedId userErrors { field message code } warnings plannedRequests { method path body headers } } }`;
const DELETE_CONTACT = `mutation($input: DeleteContactInput!) { deleteContact(input: $input) { deletedId userErrors { field code } } }`;

let crm: FakeCrm;
let other: FakeCrm;
let gw: Gateway;
let audit: Array<Record<string, unknown>>;

beforeEach(async () => {
  crm = fakeCrm({ id: 'crm', contactBatch: 2 });
  other = fakeCrm({ id: 'other', vendor: 'SUPEROFFICE', deletesContacts: false });
  audit = [];
  const lines = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (parsed['msg'] === 'write') audit.push(parsed);
      }
      done();
    },
  });
  gw = await createGateway({
    config: {
      server: serverSchema.parse({ logLevel: 'info' }),
      idempotency: { ttlSeconds: 86_400 },
      auth: authSchema.parse({ mode: 'none' }),
      redis: { keyPrefix: 'crmgraph:' },
      sources: [],
    },
    logger: pino({ level: 'info' }, lines),
    connectors: [crm.connector, other.connector],
  });
});
afterEach(async () => gw.stop());

const run = (query: string, variables: Record<string, unknown>, who: Principal = WRITER): Promise<ExecuteResult> => gw.execute(query, variables, who);
const updateContact = async (input: Record<string, unknown>, who: Principal = WRITER) => dataOf(await run(UPDATE_CONTACT, { input }, who)).updateContact;

describe('updates: what reaches the connector', () => {
  it('an omitted field is absent from the changes, null arrives as null (emails: null clears the list), a list replaces', async () => {
    const payload = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Ada', middleName: null, emails: null, phones: ['+44 20 7946 0000'] });
    expect(crm.commands).toEqual([{ id: 'c1', changes: { firstName: 'Ada', middleName: null, emails: null, phones: ['+44 20 7946 0000'] } }]);
    expect(payload).toMatchObject({
      contact: { id: contactId('crm', 'c1'), firstName: 'Ada', middleName: null, lastName: 'Last1', emails: [], phones: ['+44 20 7946 0000'], version: '2' },
      userErrors: [],
      plannedRequests: null,
    });
    expect(crm.contacts.get('c1')).toMatchObject({ firstName: 'Ada', lastName: 'Last1', title: 'Dr.', emails: [] });
  });

  it('literal arguments keep omitted and null apart too; related ids arrive as remote ids; null unlinks', async () => {
    await run(`mutation { updateContact(input: { id: "${contactId('crm', 'c2')}", title: null, accountId: "${accountId('crm', 'a2')}" }) { userErrors { code } } }`, {});
    await run(`mutation { updateContact(input: { id: "${contactId('crm', 'c3')}", accountId: null }) { userErrors { code } } }`, {});
    expect(crm.commands.map((c) => c.changes)).toEqual([{ title: null, accountId: 'a2' }, { accountId: null }]);
  });

  it('expectedVersion reaches the connector; a stale one is CONFLICT naming the current version, nothing written; the fresh one writes and answers the new version', async () => {
    const stale = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Old', expectedVersion: '0' });
    expect(stale).toMatchObject({ contact: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT', message: expect.stringContaining('now at version 1') }] });
    expect(crm.writes).toEqual([]);
    const read = dataOf(await run(`query($id: ID!) { contact(id: $id) { version } }`, { id: contactId('crm', 'c1') })).contact;
    const fresh = await updateContact({ id: contactId('crm', 'c1'), firstName: 'New', expectedVersion: read.version });
    expect(fresh.contact).toMatchObject({ firstName: 'New', version: '2' });
    expect(crm.commands.at(-1)).toEqual({ id: 'c1', expectedVersion: '1', changes: { firstName: 'New' } });
  });

  it('a related id of another source is WRONG_SOURCE on its field, and nothing reaches the connector', async () => {
    const payload = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Ada', accountId: accountId('other', 'a1') });
    expect(payload).toMatchObject({ contact: null, userErrors: [{ field: ['input', 'accountId'], code: 'WRONG_SOURCE' }] });
    const opp = dataOf(
      await run(`mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { userErrors { field code } } }`, {
        input: { id: accountId('crm', 'a1'), ownerId: encodeId('User', 'other', 'u1') },
      }),
    ).updateAccount;
    expect(opp.userErrors).toEqual([
      { field: ['input', 'ownerId'], code: 'UNSUPPORTED' },
      { field: ['input', 'ownerId'], code: 'WRONG_SOURCE' },
    ]);
    expect(crm.commands).toEqual([]);
    expect(crm.accountCommands).toEqual([]);
    expect(crm.writes).toEqual([]);
  });

  it('input checks are as strict as on create: bad e-mails, a blank or cleared account name, nothing to change', async () => {
    const bad = await updateContact({ id: contactId('crm', 'c1'), emails: ['ok@example.com', 'nope'] });
    expect(bad.userErrors).toEqual([{ field: ['input', 'emails', '1'], message: '"nope" is not an e-mail address', code: 'INVALID' }]);
    const account = (input: Record<string, unknown>) => run(UPDATE_ACCOUNT, { input }).then((r) => dataOf(r).updateAccount);
    expect((await account({ id: accountId('crm', 'a1'), name: '  ' })).userErrors).toEqual([{ field: ['input', 'name'], message: 'name cannot be empty', code: 'REQUIRED' }]);
    expect((await account({ id: accountId('crm', 'a1'), name: null })).userErrors).toEqual([{ field: ['input', 'name'], message: 'name cannot be cleared', code: 'REQUIRED' }]);
    expect((await updateContact({ id: contactId('crm', 'c1') })).userErrors).toEqual([{ field: null, message: expect.stringContaining('nothing to change'), code: 'REQUIRED' }]);
    expect((await updateContact({ id: accountId('crm', 'a1'), firstName: 'X' })).userErrors).toEqual([
      { field: ['input', 'id'], message: 'id must be the id of a Contact, not of a Account', code: 'INVALID' },
    ]);
    expect(crm.commands).toEqual([]);
    expect(crm.accountCommands).toEqual([]);
  });

  it('a field the source cannot change is UNSUPPORTED on that field, nothing sent; the connector refuses null where it cannot clear', async () => {
    const payload = dataOf(await run(UPDATE_ACCOUNT, { input: { id: accountId('crm', 'a1'), name: 'Renamed', phones: ['+1'] } })).updateAccount;
    expect(payload.userErrors).toEqual([{ field: ['input', 'phones'], message: expect.stringContaining('cannot change phones'), code: 'UNSUPPORTED' }]);
    const cleared = await updateContact({ id: contactId('crm', 'c1'), lastName: null });
    expect(cleared.userErrors).toEqual([{ field: ['input', 'lastName'], message: 'this CRM needs a last name', code: 'REQUIRED' }]);
    expect(crm.writes).toEqual([]);
    expect(crm.accounts.get('a1')!.name).toBe('Account 1');
  });

  it('address lines change one by one: omitted kept, null cleared', async () => {
    const payload = dataOf(await run(UPDATE_ACCOUNT, { input: { id: accountId('crm', 'a1'), address: { city: 'Shelbyville', postalCode: null } } })).updateAccount;
    expect(crm.accountCommands).toEqual([{ id: 'a1', changes: { address: { city: 'Shelbyville', postalCode: null } } }]);
    expect(payload.account.address).toEqual({ street: 'Main St 1', city: 'Shelbyville', postalCode: null });
  });

  it('a NATIVE version check refused by the vendor in the write answers the same CONFLICT', async () => {
    const payload = dataOf(await run(UPDATE_ACCOUNT, { input: { id: accountId('crm', 'a1'), name: 'Late', expectedVersion: '7' } })).updateAccount;
    expect(payload).toMatchObject({ account: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }] });
    expect(crm.accounts.get('a1')!.name).toBe('Account 1');
  });

  it('a dry run answers the planned request, with its precondition header, and writes nothing', async () => {
    const payload = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Plan', expectedVersion: '1', dryRun: true }, READER);
    expect(payload).toMatchObject({
      contact: null,
      userErrors: [],
      plannedRequests: [{ method: 'PATCH', path: '/contacts/c1', body: { firstName: 'Plan' }, headers: { 'If-Match': '1' } }],
    });
    expect(crm.writes).toEqual([]);
    expect(crm.contacts.get('c1')!.firstName).toBe('First1');
  });
});

describe('sources a principal cannot see, and what a source does not declare', () => {
  it('an id of a source the principal may not see answers exactly as a record that does not exist, and nothing is sent', async () => {
    const onlyCrm = principal(['read', 'write', 'delete'], ['crm']);
    const hidden = await updateContact({ id: contactId('other', 'c1'), firstName: 'Peek' }, onlyCrm);
    const hiddenDelete = dataOf(await run(DELETE_ACCOUNT, { input: { id: accountId('other', 'a1') } }, onlyCrm)).deleteAccount;
    // Even where the hidden source lacks the operation: no UNSUPPORTED_BY_SOURCE tells it exists.
    const hiddenUnsupported = dataOf(await run(DELETE_CONTACT, { input: { id: contactId('other', 'c1') } }, onlyCrm)).deleteContact;
    expect(other.commands).toEqual([]);
    expect(other.deletes).toEqual([]);

    // The same ids once the records are really gone, asked by a principal that sees everything.
    other.contacts.delete('c1');
    other.accounts.delete('a1');
    const missing = await updateContact({ id: contactId('other', 'c1'), firstName: 'Peek' }, principal(['read', 'write', 'delete']));
    const missingDelete = dataOf(await run(DELETE_ACCOUNT, { input: { id: accountId('other', 'a1') } }, principal(['read', 'write', 'delete']))).deleteAccount;
    expect(hidden).toEqual(missing);
    expect(hiddenDelete).toEqual(missingDelete);
    expect(hidden.userErrors).toEqual([{ field: ['input', 'id'], message: 'no contact with id c1 exists on this source', code: 'NOT_FOUND' }]);
    expect(hiddenUnsupported).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
  });

  it('an entity the source does not declare for DELETE answers UNSUPPORTED_BY_SOURCE with its reason, as an unsupported create does', async () => {
    const res = await run(DELETE_CONTACT, { input: { id: contactId('other', 'c1') } }, DELETER);
    expect(res.data).toBeNull();
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: 'Source "other" (SUPEROFFICE) cannot delete contacts: its API has no delete for people',
        extensions: expect.objectContaining({ code: 'UNSUPPORTED_BY_SOURCE', source: 'other' }),
      }),
    ]);
    const opp = await run(`mutation { updateOpportunity(input: { id: "${encodeId('Opportunity', 'crm', 'o1')}", name: "X" }) { opportunity { id } } }`, {});
    expect(opp.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_SOURCE', source: 'crm' });
    expect(other.contacts.has('c1')).toBe(true);
  });

  it('capabilities list UPDATE, BATCH_UPDATE and DELETE with the updatable fields and how versions are checked', async () => {
    const sources = dataOf(await run('{ sources { id capabilities { entity operations updatableFields versionCheck } } }', {})).sources;
    expect(sources).toEqual([
      {
        id: 'crm',
        capabilities: [
          {
            entity: 'CONTACT',
            operations: ['READ', 'CREATE', 'UPDATE', 'BATCH_UPDATE', 'DELETE'],
            updatableFields: ['firstName', 'middleName', 'lastName', 'title', 'jobTitle', 'emails', 'phones', 'accountId'],
            versionCheck: 'BEST_EFFORT',
          },
          { entity: 'ACCOUNT', operations: ['READ', 'UPDATE', 'DELETE'], updatableFields: ['name', 'emails', 'website', 'address'], versionCheck: 'NATIVE' },
        ],
      },
      {
        id: 'other',
        capabilities: [
          expect.objectContaining({ entity: 'CONTACT', operations: ['READ', 'CREATE', 'UPDATE'], versionCheck: 'BEST_EFFORT' }),
          expect.objectContaining({ entity: 'ACCOUNT', operations: ['READ', 'UPDATE', 'DELETE'] }),
        ],
      },
    ]);
  });
});

describe('deletes', () => {
  const input = { id: accountId('crm', 'a2') };

  it('need the delete scope: write alone is FORBIDDEN naming "delete", before anything is read or sent', async () => {
    const res = await run(DELETE_ACCOUNT, { input }, WRITER);
    expect(res.data).toBeUndefined();
    expect(res.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('needs the "delete" scope'), extensions: expect.objectContaining({ code: 'FORBIDDEN', scope: 'delete' }) }),
    ]);
    expect(crm.deletes).toEqual([]);
    expect(crm.accounts.has('a2')).toBe(true);
    // A mutation holding an update and a delete needs both scopes.
    const both = await run(
      `mutation($u: UpdateContactInput!, $d: DeleteAccountInput!) { updateContact(input: $u) { userErrors { code } } deleteAccount(input: $d) { deletedId } }`,
      { u: { id: contactId('crm', 'c1'), firstName: 'X' }, d: input },
      DELETER,
    );
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'write' });
    expect(crm.writes).toEqual([]);
  });

  it('updates need write: read alone is FORBIDDEN naming "write"; a dry run of either needs only read', async () => {
    const res = await run(UPDATE_CONTACT, { input: { id: contactId('crm', 'c1'), firstName: 'X' } }, READER);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'write' });
    const dry = dataOf(await run(DELETE_ACCOUNT, { input: { ...input, dryRun: true } }, READER)).deleteAccount;
    expect(dry).toEqual({
      deletedId: null,
      userErrors: [],
      warnings: ['its notes go with the account'],
      plannedRequests: [{ method: 'DELETE', path: '/accounts/a2', body: null, headers: null }],
    });
    expect(crm.writes).toEqual([]);
    expect(crm.accounts.has('a2')).toBe(true);
  });

  it('with delete: the record is gone and its global id answered; a second delete is NOT_FOUND on id', async () => {
    const first = dataOf(await run(DELETE_ACCOUNT, { input }, DELETER)).deleteAccount;
    expect(first).toMatchObject({ deletedId: accountId('crm', 'a2'), userErrors: [], warnings: ['its notes go with the account'], plannedRequests: null });
    expect(crm.accounts.has('a2')).toBe(false);
    const second = dataOf(await run(DELETE_ACCOUNT, { input }, DELETER)).deleteAccount;
    expect(second).toMatchObject({ deletedId: null, userErrors: [{ field: ['input', 'id'], message: 'no account with id a2 exists on this source', code: 'NOT_FOUND' }] });
    expect(crm.writes).toEqual([{ method: 'DELETE', ids: ['a2'] }]);
  });

  it('a stale expectedVersion is CONFLICT, nothing removed', async () => {
    const res = dataOf(await run(DELETE_ACCOUNT, { input: { ...input, expectedVersion: '9' } }, DELETER)).deleteAccount;
    expect(res.userErrors).toEqual([{ field: ['input', 'expectedVersion'], message: expect.stringContaining('now at version 1'), code: 'CONFLICT' }]);
    expect(crm.accounts.has('a2')).toBe(true);
  });
});

describe('idempotency keys on updates and deletes', () => {
  it('the same key and input again answers the first result without writing again, even after the record changed', async () => {
    const input = { id: contactId('crm', 'c1'), firstName: 'Once', idempotencyKey: 'k-1' };
    const first = await updateContact(input);
    await updateContact({ id: contactId('crm', 'c1'), lastName: 'Meanwhile' });
    const again = await updateContact(input);
    expect(again).toEqual(first);
    expect(again.contact.version).toBe('2');
    expect(crm.writes).toHaveLength(2);
  });

  it('the same key with other changes — null instead of omitted included — is CONFLICT, nothing written', async () => {
    await updateContact({ id: contactId('crm', 'c1'), firstName: 'Once', idempotencyKey: 'k-2' });
    const changed = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Twice', idempotencyKey: 'k-2' });
    const nulled = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Once', middleName: null, idempotencyKey: 'k-2' });
    const otherId = await updateContact({ id: contactId('crm', 'c2'), firstName: 'Once', idempotencyKey: 'k-2' });
    const versioned = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Once', expectedVersion: '1', idempotencyKey: 'k-2' });
    for (const p of [changed, nulled, otherId, versioned]) {
      expect(p.userErrors).toEqual([{ field: ['input', 'idempotencyKey'], message: 'this idempotencyKey was used with a different input', code: 'CONFLICT' }]);
    }
    expect(crm.writes).toHaveLength(1);
  });

  it('a create key and an update key with the same text never meet', async () => {
    const created = dataOf(
      await run(`mutation { createContact(input: { source: "crm", lastName: "Fresh", idempotencyKey: "same" }) { contact { id } userErrors { code } } }`, {}),
    ).createContact;
    expect(created.userErrors).toEqual([]);
    const updated = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Updated', idempotencyKey: 'same' });
    expect(updated).toMatchObject({ contact: { firstName: 'Updated' }, userErrors: [] });
    expect(crm.writes.map((w) => w.method)).toEqual(['POST', 'PATCH']);
  });

  it('another principal using the same key is not answered from it', async () => {
    await updateContact({ id: contactId('crm', 'c1'), firstName: 'Mine', idempotencyKey: 'shared' });
    const theirs = await updateContact({ id: contactId('crm', 'c1'), firstName: 'Mine', idempotencyKey: 'shared' }, principal(['write', 'read'], ['crm', 'other']));
    expect(theirs.contact.version).toBe('3');
    expect(crm.writes).toHaveLength(2);
  });

  it('a delete repeated with its key answers the first deletedId, not NOT_FOUND; another id under it is CONFLICT', async () => {
    const input = { id: accountId('crm', 'a1'), idempotencyKey: 'del-1' };
    const first = dataOf(await run(DELETE_ACCOUNT, { input }, DELETER)).deleteAccount;
    const again = dataOf(await run(DELETE_ACCOUNT, { input }, DELETER)).deleteAccount;
    expect(again).toEqual(first);
    expect(first.deletedId).toBe(accountId('crm', 'a1'));
    const conflict = dataOf(await run(DELETE_ACCOUNT, { input: { ...input, id: accountId('crm', 'a2') } }, DELETER)).deleteAccount;
    expect(conflict.userErrors).toEqual([expect.objectContaining({ field: ['input', 'idempotencyKey'], code: 'CONFLICT' })]);
    expect(crm.writes).toEqual([{ method: 'DELETE', ids: ['a1'] }]);
  });

  it('an update whose outcome is unknown stays bound to its key: retries answer SOURCE_OUTCOME_UNKNOWN and send nothing', async () => {
    crm.breakOn.add('c3');
    const input = { id: contactId('crm', 'c3'), firstName: 'Maybe', idempotencyKey: 'k-unknown' };
    const first = await run(UPDATE_CONTACT, { input });
    expect(first.data).toEqual({ updateContact: expect.objectContaining({ contact: null, userErrors: [] }) });
    expect(first.errors).toEqual([expect.objectContaining({ path: ['updateContact', 'contact'], extensions: expect.objectContaining({ code: 'SOURCE_OUTCOME_UNKNOWN' }) })]);
    crm.breakOn.clear();
    const retry = await run(UPDATE_CONTACT, { input });
    expect(retry.errors?.map((e) => e.extensions?.['code'])).toEqual(['SOURCE_OUTCOME_UNKNOWN']);
    expect(crm.writes).toHaveLength(1);
  });

  it('a dry run neither uses up nor answers from a key', async () => {
    const input = { id: contactId('crm', 'c1'), firstName: 'Dry', idempotencyKey: 'k-dry' };
    await updateContact({ ...input, dryRun: true });
    const real = await updateContact(input);
    expect(real.contact.firstName).toBe('Dry');
    const dryAgain = await updateContact({ ...input, dryRun: true });
    expect(dryAgain.plannedRequests).toHaveLength(1);
    expect(crm.writes).toHaveLength(1);
  });
});

describe('batch updates', () => {
  it('answer one payload per input in order, each source once; a failing vendor call fails only the inputs it carried', async () => {
    crm.breakOn.add('c3');
    const inputs = [
      { id: contactId('crm', 'c1'), firstName: 'One' },
      { id: contactId('other', 'c1'), firstName: 'Elsewhere' },
      { id: contactId('crm', 'c2'), firstName: 'Two' },
      { id: contactId('crm', 'c3'), firstName: 'Three' },
      { id: contactId('crm', 'c4'), emails: ['not-an-email'] },
      { id: contactId('crm', 'c5'), firstName: 'Five' },
      { id: contactId('crm', 'c404'), firstName: 'Nobody' },
      { id: contactId('crm', 'c6'), firstName: 'Six' },
    ];
    const res = await run(UPDATE_CONTACTS, { inputs });
    const payloads = (res.data as { updateContacts: Array<{ contact: { firstName: string } | null; userErrors: Array<{ field: string[]; code: string }> }> }).updateContacts;
    expect(payloads.map((p) => p.contact?.firstName ?? p.userErrors[0]?.code ?? null)).toEqual(['One', 'Elsewhere', 'Two', null, 'INVALID', null, 'NOT_FOUND', 'Six']);
    expect(payloads[4]!.userErrors[0]!.field).toEqual(['inputs', '4', 'emails', '0']);
    expect(payloads[6]!.userErrors[0]!.field).toEqual(['inputs', '6', 'id']);
    // Drafted together (one call per source), committed in the source's batches of 2: [c1 c2] [c3 c5] [c6].
    expect(crm.writes).toEqual([
      { method: 'PATCH', ids: ['c1', 'c2'] },
      { method: 'PATCH', ids: ['c3', 'c5'] },
      { method: 'PATCH', ids: ['c6'] },
    ]);
    expect(other.writes).toEqual([{ method: 'PATCH', ids: ['c1'] }]);
    expect(res.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['updateContacts', 3, 'contact'], 'SOURCE_OUTCOME_UNKNOWN'],
      [['updateContacts', 5, 'contact'], 'SOURCE_OUTCOME_UNKNOWN'],
    ]);
    expect(crm.contacts.get('c6')!.firstName).toBe('Six');
  });

  it('take at most 1000 inputs', async () => {
    const inputs = Array.from({ length: 1001 }, () => ({ id: contactId('crm', 'c1'), firstName: 'Many' }));
    const res = await run(UPDATE_CONTACTS, { inputs });
    expect(res.errors?.[0]).toMatchObject({ message: 'inputs takes at most 1000 items, got 1001', extensions: { code: 'BAD_USER_INPUT' } });
    expect(crm.writes).toEqual([]);
  });

  it('are estimated per source: its read batches, its update batches and a lookup', async () => {
    const inputs = Array.from({ length: 6 }, (_, i) => ({ id: contactId('crm', `c${i + 1}`), firstName: 'Cost' }));
    const res = await run(UPDATE_CONTACTS, { inputs });
    // 6 ids read in one batch of 50, 3 update calls of 2, one lookup.
    expect(res.extensions?.['cost']).toEqual({ estimated: 5, limit: expect.any(Number) });
  });
});

describe('records and the audit trail', () => {
  it('version resolves on contacts and accounts as the connector maps it', async () => {
    const data = dataOf(await run(`query($c: ID!, $a: ID!) { contact(id: $c) { version } account(id: $a) { version } }`, { c: contactId('crm', 'c1'), a: accountId('crm', 'a1') }));
    expect(data).toEqual({ contact: { version: '1' }, account: { version: '1' } });
  });

  it('logs one line per update and delete asked to write, naming the operation, never a value', async () => {
    await updateContact({ id: contactId('crm', 'c1'), firstName: 'Canary-Value', idempotencyKey: 'audit-1' });
    await updateContact({ id: contactId('crm', 'c1'), firstName: 'Canary-Value', idempotencyKey: 'audit-1' });
    await updateContact({ id: contactId('crm', 'c1'), emails: ['bad'] });
    await updateContact({ id: contactId('crm', 'c1'), firstName: 'Dry', dryRun: true });
    await run(DELETE_ACCOUNT, { input: { id: accountId('crm', 'a1') } }, DELETER);
    expect(audit.map((l) => [l['operation'], l['outcome'], l['entity'], l['source'], l['remoteId'], l['idempotencyKey']])).toEqual([
      ['update', 'updated', 'CONTACT', 'crm', 'c1', 'audit-1'],
      ['update', 'replayed', 'CONTACT', 'crm', 'c1', 'audit-1'],
      ['update', 'rejected', 'CONTACT', 'crm', 'c1', null],
      ['delete', 'deleted', 'ACCOUNT', 'crm', 'a1', null],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Canary-Value');
  });
});
