import { recordingCall } from '../../support/calls';
import { startSuperOffice, type SuperOfficeSetup } from './harness';
import { changed, recordOf, writePaths } from './writePaths';

/** Accounts (SuperOffice companies) updated through core's write path against the simulator. */
describe('SuperOffice: account updates', () => {
  let s: SuperOfficeSetup;
  const w = writePaths(() => s);
  let companyId: number;
  const used = new Set<number>();

  beforeAll(async () => {
    s = await startSuperOffice();
  });
  afterAll(async () => s.close());
  beforeEach(() => {
    const c = s.sim.store.contacts().find((x) => x.id > 1 && x.emails.length > 0 && x.address.postal.city !== '' && !used.has(x.id))!;
    companyId = c.id;
    used.add(c.id);
    s.sim.server.clearLog();
    s.sim.clearWriteHeaders();
  });
  const read = async (id: number) => (await s.connector.getMany('ACCOUNT', [String(id)], recordingCall()))[0]!;

  it('renames the company: only its name changes at the vendor, the PATCH holds only it, a later read and a list show it with the same version', async () => {
    const before = s.sim.store.contact(companyId)!;
    const record = recordOf(await w.update('ACCOUNT', { id: String(companyId), changes: { name: 'Renamed Holding AS' } }));
    expect(w.writes()).toEqual([
      { method: 'PATCH', path: `/Contact/${companyId}`, body: [{ op: 'replace', path: '/Name', value: 'Renamed Holding AS' }], status: 200 },
    ]);
    expect(changed(before, s.sim.store.contact(companyId))).toEqual(['name']);
    const again = await read(companyId);
    expect([again.name, again.version]).toEqual(['Renamed Holding AS', record.version]);
    // An archive row (a list page) carries the same version as the entity.
    const page = await s.connector.list('ACCOUNT', { filter: { name: 'Renamed Holding' }, first: 5, after: null, include: new Set() }, recordingCall());
    expect(page.records.find((r) => r.remoteId === String(companyId))?.version).toBe(record.version);
  });

  it('changes the city alone: the whole postal address object is written with its other lines kept', async () => {
    const before = s.sim.store.contact(companyId)!;
    const record = recordOf(await w.update('ACCOUNT', { id: String(companyId), changes: { address: { city: 'Bergen' } } }));
    const p = before.address.postal;
    expect(w.writes()[0]!.body).toEqual([
      {
        op: 'replace',
        path: '/Address/Postal',
        value: { Address1: p.address1, Address2: p.address2, Address3: p.address3, City: 'Bergen', County: p.county, State: p.state, Zipcode: p.zipcode },
      },
    ]);
    const after = s.sim.store.contact(companyId)!;
    expect(changed(before, after)).toEqual(['address']);
    expect(after.address.postal).toEqual({ ...p, city: 'Bergen' });
    expect(record.address?.city).toBe('Bergen');
  });

  it('null clears: the website, then every address line', async () => {
    recordOf(await w.update('ACCOUNT', { id: String(companyId), changes: { website: 'https://first.example' } }));
    const cleared = recordOf(await w.update('ACCOUNT', { id: String(companyId), changes: { website: null, address: null } }));
    expect(cleared.website).toBeNull();
    expect(cleared.address).toBeNull();
    const after = s.sim.store.contact(companyId)!;
    expect(after.urls).toEqual([]);
    expect([after.address.postal.city, after.address.postal.address1, after.address.street.city]).toEqual(['', '', '']);
  });

  it('replaces the e-mails, never appending', async () => {
    const record = recordOf(await w.update('ACCOUNT', { id: String(companyId), changes: { emails: ['one@new.example', 'two@new.example'] } }));
    expect(record.emails).toEqual(['one@new.example', 'two@new.example']);
    expect(s.sim.store.contact(companyId)!.emails.map((e) => e.value)).toEqual(['one@new.example', 'two@new.example']);
    expect((await read(companyId)).emails).toEqual(['one@new.example', 'two@new.example']);
  });

  it('refuses null on what a company always has (name, owner, country), sending nothing', async () => {
    const result = await w.update('ACCOUNT', { id: String(companyId), changes: { name: null, ownerId: null, address: { country: null } } });
    expect(result).toMatchObject({
      kind: 'rejected',
      userErrors: [
        { field: ['name'], code: 'REQUIRED' },
        { field: ['address', 'country'], code: 'UNSUPPORTED' },
        { field: ['ownerId'], code: 'REQUIRED' },
      ],
    });
    expect(w.writes()).toEqual([]);
  });

  it('a fresh version writes with If-Unmodified-Since; the version it answered is stale for the next writer', async () => {
    const version = (await read(companyId)).version!;
    const first = recordOf(await w.update('ACCOUNT', { id: String(companyId), expectedVersion: version, changes: { phones: ['+47 55 00 00 00'] } }));
    expect(first.version).not.toBe(version);
    expect(s.sim.writeHeaders().map((h) => h.ifUnmodifiedSince)).toEqual([new Date(version).toUTCString()]);
    const stale = await w.update('ACCOUNT', { id: String(companyId), expectedVersion: version, changes: { name: 'Too late' } });
    expect(stale).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect(s.sim.store.contact(companyId)!.name).not.toBe('Too late');
  });
});
