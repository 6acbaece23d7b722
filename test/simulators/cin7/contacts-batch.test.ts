import { fixture, modelProblems, wire, type ModelFixture } from './support/contract';
import { startSim, type Harness } from './support/harness';

const batch = wire().batch;
const contactFx = fixture('contact.json');

/** A valid new customer; `n` keeps e-mails unique. */
const customer = (n: number, extra: Record<string, unknown> = {}) => ({ type: 'Customer', company: `Batch Co ${n}`, email: `buyer${n}@batch.example`, ...extra });

describe('Cin7 simulator: batch POST /v1/Contacts', () => {
  let h: Harness;
  const clock = { t: Date.UTC(2025, 8, 1, 10, 0, 0, 400) };
  beforeAll(async () => {
    h = await startSim({ now: () => clock.t });
  });
  afterAll(() => h.close());

  const post = (items: unknown, headers?: Record<string, string>) => h.send('POST', '/v1/Contacts', items, headers);
  const count = () => h.sim.store.contacts().length;

  it('commits the good records beside the failed ones and answers one result per record, in order', async () => {
    const before = count();
    const res = await post([customer(1), { company: 'No Type Ltd' }, customer(2)]);
    expect(res.status).toBe(200);
    const results = res.body as Array<Record<string, unknown>>;
    expect(results.map((r) => [r['index'], r['success']])).toEqual([[0, true], [1, false], [2, true]]);
    for (const r of results) expect(modelProblems(r, fixture('batch-result-item.json'))).toEqual([]);
    expect(results[1]).toMatchObject({ ...batch.failedItem, errors: ['The Type field is required.'] });
    expect(count()).toBe(before + 2);
    const saved = h.sim.store.contact(results[2]!['id'] as number)!;
    expect(saved.company).toBe('Batch Co 2');
    expect(h.sim.store.contacts().some((c) => c.company === 'No Type Ltd')).toBe(false);
  });

  it('stamps createdDate and modifiedDate from the clock, to the second, and gives new ids', async () => {
    const res = await post([customer(3, { id: 5, createdDate: '2001-01-01T00:00:00Z', balanceOwing: 99, accountingIntegrationId: { xero: 'x' } })]);
    const id = res.body[0].id as number;
    expect(id).not.toBe(5);
    const saved = h.sim.store.contact(id)!;
    expect(saved.createdDate).toBe('2025-09-01T10:00:00Z');
    expect(saved.modifiedDate).toBe(saved.createdDate);
    expect(saved.balanceOwing).toBe(0);
    expect(saved.accountingIntegrationId).toBeNull();
    expect(saved.isActive).toBe(true);
  });

  it('reads property names in any case and enum names in any case', async () => {
    const res = await post([{ TYPE: 'supplier', Company: 'Casing Ltd', firstname: 'Ana', EMAIL: 'ana@casing.example', SecondaryContacts: [{ FirstName: 'Bo', EMAIL: 'bo@casing.example' }] }]);
    expect(res.body[0].success).toBe(true);
    const saved = h.sim.store.contact(res.body[0].id)!;
    expect(saved).toMatchObject({ type: 'Supplier', company: 'Casing Ltd', firstName: 'Ana', email: 'ana@casing.example' });
    expect(saved.secondaryContacts).toEqual([expect.objectContaining({ id: expect.any(Number), firstName: 'Bo', email: 'bo@casing.example' })]);
  });

  describe('whole-request failures apply nothing', () => {
    it('answers 400 "Batch limit is 250." for 251 records', async () => {
      const before = count();
      const items = Array.from({ length: batch.limit + 1 }, (_, i) => customer(1000 + i));
      const res = await post(items);
      expect(res.status).toBe(batch.overLimit.status);
      expect(res.body).toBe(batch.overLimit.body);
      expect(count()).toBe(before);
    });

    it('takes exactly 250 records', async () => {
      const res = await post(Array.from({ length: batch.limit }, (_, i) => customer(2000 + i)));
      expect(res.status).toBe(200);
      expect(res.body.every((r: { success: boolean }) => r.success)).toBe(true);
    });

    it.each([
      ['a single object instead of an array', JSON.stringify(customer(3000))],
      ['unparsable JSON', '[{"type":"Customer",'],
      ['an array holding a number', '[1]'],
      ['an empty body', ''],
    ])('answers 400 "Missing or malformed JSON data; …" for %s', async (_name, body) => {
      const before = count();
      const res = await post(body);
      expect(res.status).toBe(batch.malformed.status);
      expect(res.body).toBe(batch.malformed.body);
      expect(count()).toBe(before);
    });

    it('answers 415 for a body that is not JSON by its media type', async () => {
      const res = await post(JSON.stringify([customer(3001)]), { 'content-type': 'text/plain' });
      expect(res.status).toBe(415);
    });
  });

  describe('field rules from the Contact fixture', () => {
    const limited = (fx: ModelFixture) => Object.entries(fx.fields).filter(([, f]) => f.maxLength !== undefined && !f.readOnly);

    it('accepts every limited field at its maximum length and fails it one character longer, naming the field and limit', async () => {
      const fields = limited(contactFx);
      expect(fields.map(([k]) => k)).toEqual(expect.arrayContaining(['company', 'accountNumber', 'website', 'notes', 'billingEmail']));
      const items = fields.flatMap(([key, f], i) => [
        customer(4000 + i * 2, { [key]: 'x'.repeat(f.maxLength!) }),
        customer(4001 + i * 2, { [key]: 'x'.repeat(f.maxLength! + 1) }),
      ]);
      const res = await post(items);
      fields.forEach(([key, f], i) => {
        const ok = res.body[i * 2];
        const bad = res.body[i * 2 + 1];
        expect({ key, success: ok.success }).toEqual({ key, success: true });
        expect({ key, success: bad.success }).toEqual({ key, success: false });
        expect(bad.errors.join(' ')).toContain(f.name);
        expect(bad.errors.join(' ')).toContain(String(f.maxLength));
      });
    });

    it('applies the secondary contact limits to each secondary contact', async () => {
      const fields = limited(fixture('secondary-contact.json'));
      const items = fields.flatMap(([key, f], i) => [
        customer(5000 + i * 2, { secondaryContacts: [{ firstName: 'Ok', [key]: 'y'.repeat(f.maxLength!) }] }),
        customer(5001 + i * 2, { secondaryContacts: [{ firstName: 'Ok' }, { firstName: 'Long', [key]: 'y'.repeat(f.maxLength! + 1) }] }),
      ]);
      const res = await post(items);
      fields.forEach(([key, f], i) => {
        expect({ key, ok: res.body[i * 2].success }).toEqual({ key, ok: true });
        const bad = res.body[i * 2 + 1];
        expect({ key, ok: bad.success }).toEqual({ key, ok: false });
        expect(bad.errors[0]).toMatch(new RegExp(`^SecondaryContacts\\[1\\]: .*${f.name}.*${f.maxLength}`));
      });
    });

    it('keeps percentageOff within its range, inclusive', async () => {
      const [lo, hi] = contactFx.fields['percentageOff']!.range!;
      const res = await post([customer(6000, { percentageOff: lo }), customer(6001, { percentageOff: hi }), customer(6002, { percentageOff: lo - 1 }), customer(6003, { percentageOff: hi + 0.5 })]);
      expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([true, true, false, false]);
      expect(res.body[2].errors).toEqual([`The field PercentageOff must be between ${lo} and ${hi}.`]);
    });

    it('requires type, one of the documented values; Internal only with allowInternalType', async () => {
      const res = await post([customer(6100, { type: null }), customer(6101, { type: 'Prospect' }), customer(6102, { type: 'Internal' })]);
      expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([false, false, false]);
      expect(res.body[0].errors).toEqual(['The Type field is required.']);
      expect(res.body[1].errors[0]).toMatch(/^Error converting value "Prospect" to type 'ContactType'/);
      h.sim.switches.allowInternalType = true;
      try {
        expect((await post([customer(6103, { type: 'Internal' })])).body[0].success).toBe(true);
      } finally {
        h.sim.switches.allowInternalType = false;
      }
    });

    it('needs a company or a first name (the UI rule), unless requireCompanyOrFirstName is off', async () => {
      const res = await post([{ type: 'Customer', lastName: 'Only', email: 'only@x.example' }, { type: 'Customer', firstName: 'Solo', email: 'solo@x.example' }]);
      expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([false, true]);
      h.sim.switches.requireCompanyOrFirstName = false;
      try {
        expect((await post([{ type: 'Customer', lastName: 'Only', email: 'only@x.example' }])).body[0].success).toBe(true);
      } finally {
        h.sim.switches.requireCompanyOrFirstName = true;
      }
    });

    it('refuses a price column the account does not have, and fixes the casing of one it has', async () => {
      const res = await post([customer(6200, { priceColumn: 'Platinum' }), customer(6201, { priceColumn: 'wholesale' })]);
      expect(res.body[0].success).toBe(false);
      expect(h.sim.store.contact(res.body[1].id)!.priceColumn).toBe('Wholesale');
    });

    it('refuses a salesPersonId or billingId that names no user or contact', async () => {
      const res = await post([customer(6300, { salesPersonId: 999 }), customer(6301, { billingId: 999999 }), customer(6302, { salesPersonId: 1, billingId: 1 })]);
      expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([false, false, true]);
    });

    it('fails a record with a value of the wrong type, naming it as Newtonsoft does', async () => {
      const res = await post([customer(6400, { creditLimit: 'lots' }), customer(6401, { creditLimit: '2500' })]);
      expect(res.body[0].errors).toEqual([`Error converting value "lots" to type 'System.Nullable\`1[System.Decimal]'. Path '[0].creditLimit'.`]);
      expect(h.sim.store.contact(res.body[1].id)!.creditLimit).toBe(2500);
    });

    it('rejects the whole request instead when typeMismatch is rejectRequest', async () => {
      h.sim.switches.typeMismatch = 'rejectRequest';
      const before = count();
      try {
        const res = await post([customer(6500), customer(6501, { isActive: 'perhaps' })]);
        expect(res.status).toBe(400);
        expect(res.body).toBe(batch.malformed.body);
        expect(count()).toBe(before);
      } finally {
        h.sim.switches.typeMismatch = 'failItem';
      }
    });
  });

  describe('email uniqueness (open question 1)', () => {
    it('fails a record whose email another contact has, in any case, also within one batch', async () => {
      const taken = h.sim.store.contacts()[0]!.email!;
      const res = await post([customer(7000, { email: taken.toUpperCase() }), customer(7001, { email: 'twin@dupe.example' }), customer(7002, { email: 'twin@dupe.example' })]);
      expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([false, true, false]);
      expect(res.body[0].errors[0]).toContain('already in use');
    });

    it('saves duplicates when duplicateEmail is allow', async () => {
      h.sim.switches.duplicateEmail = 'allow';
      try {
        const taken = h.sim.store.contacts()[0]!.email!;
        expect((await post([customer(7100, { email: taken })])).body[0].success).toBe(true);
      } finally {
        h.sim.switches.duplicateEmail = 'reject';
      }
    });
  });
});
