import { query, startSim, type Harness } from './support/harness';

/**
 * The simulator refuses what the real API (SQL Server under an ASP.NET Web API) would refuse or
 * answer differently, so a connector that sends it fails in tests too: LIKE bracket classes,
 * dates outside the column type, an ORDER BY naming a field twice, body properties the model
 * lacks, and paths outside the API application.
 */
describe('Cin7 simulator: as strict as the vendor', () => {
  let h: Harness;
  const companies = ['Brk [x] Co', 'Brk x Co', 'Brk b Co', 'Brk [ Co', 'Brk ] Co', 'Brk ^ Co'];
  const likeCompanies = async (pattern: string): Promise<string[]> => {
    const res = await h.get(`/v1/Contacts?${query({ where: `company LIKE '${pattern}'`, rows: 250, order: 'id ASC', fields: 'company' })}`);
    expect(res.status).toBe(200);
    return (res.body as Array<{ company: string }>).map((r) => r.company);
  };

  beforeAll(async () => {
    h = await startSim({ size: { customers: 3, suppliers: 0, users: 1, quotes: 0 } });
    const added = await h.send('POST', '/v1/Contacts', companies.map((company) => ({ type: 'Customer', company })));
    expect((added.body as Array<{ success: boolean }>).every((r) => r.success)).toBe(true);
  });
  afterAll(() => h.close());

  describe('LIKE as SQL Server reads it', () => {
    it('reads [x] as a class of one character, not as the text "[x]"', async () => {
      expect(await likeCompanies('Brk [x] Co')).toEqual(['Brk x Co']);
      expect(await likeCompanies('%[[]x]%')).toEqual(['Brk [x] Co']);
    });

    it('reads ranges and negated classes', async () => {
      expect(await likeCompanies('Brk [a-c] Co')).toEqual(['Brk b Co']);
      expect(await likeCompanies('Brk [^a-z[^] Co')).toEqual(['Brk ] Co']);
    });

    it('matches nothing for a [ without its ] (no error), and reads a lone ] as itself', async () => {
      expect(await likeCompanies('%[%')).toEqual([]);
      expect(await likeCompanies('%]%')).toEqual(['Brk [x] Co', 'Brk ] Co']);
      expect(await likeCompanies('Brk _ Co')).toEqual(['Brk x Co', 'Brk b Co', 'Brk [ Co', 'Brk ] Co', 'Brk ^ Co']);
    });
  });

  describe('dates in where', () => {
    it('refuses a date before 1753 (a SQL Server datetime column), unless whereDateRange is datetime2', async () => {
      const early = `/v1/Contacts?${query({ where: "modifiedDate>='1600-01-01T00:00:00Z'" })}`;
      const refused = await h.get(early);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatch(/^The where argument is invalid: .*outside the dates of field 'modifiedDate'/);
      expect((await h.get(`/v1/Contacts?${query({ where: "modifiedDate>='1753-01-01T00:00:00Z'" })}`)).status).toBe(200);
      h.sim.switches.whereDateRange = 'datetime2';
      try {
        expect((await h.get(early)).status).toBe(200);
      } finally {
        h.sim.switches.whereDateRange = 'datetime';
      }
    });
  });

  it('refuses a bare number compared with a text field (SQL Server would convert the column and fail)', async () => {
    const res = await h.get(`/v1/Contacts?${query({ where: 'company = 5' })}`);
    expect(res.status).toBe(400);
    expect(res.body).toBe("The where argument is invalid: 5 is not text for field 'company'; quote it.");
    expect((await h.get(`/v1/Contacts?${query({ where: "company = '5'" })}`)).status).toBe(200);
  });

  describe('order', () => {
    it('refuses a field named twice, in any spelling', async () => {
      const res = await h.get(`/v1/Contacts?${query({ order: 'id DESC, ID ASC' })}`);
      expect(res.status).toBe(400);
      expect(res.body).toBe("The order argument is invalid: 'ID' is specified more than once.");
    });
  });

  describe('write bodies', () => {
    it('fails a record with a property the model lacks, naming it as Newtonsoft does; the others are saved', async () => {
      const res = await h.send('POST', '/v1/Contacts', [
        { type: 'Customer', company: 'Member One' },
        { type: 'Customer', company: 'Member Two', postalCode: '1010' },
        { type: 'Customer', company: 'Member Three', secondaryContacts: [{ firstName: 'Ana', surname: 'Lee' }] },
      ]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        expect.objectContaining({ index: 0, success: true }),
        { index: 1, success: false, id: 0, code: '', errors: ["Could not find member 'postalCode' on object of type 'Contact'. Path '[1].postalCode'."] },
        {
          index: 2,
          success: false,
          id: 0,
          code: '',
          errors: ["Could not find member 'surname' on object of type 'SubContact'. Path '[2].secondaryContacts[0].surname'."],
        },
      ]);
      expect(h.sim.store.contacts().map((c) => c.company)).not.toContain('Member Two');
    });

    it('refuses the whole body with typeMismatch rejectRequest, and ignores the property with unknownBodyFields ignore', async () => {
      h.sim.switches.typeMismatch = 'rejectRequest';
      try {
        const res = await h.send('POST', '/v1/Contacts', [{ type: 'Customer', company: 'Whole One' }, { type: 'Customer', company: 'Whole Two', colour: 'red' }]);
        expect(res.status).toBe(400);
        expect(h.sim.store.contacts().map((c) => c.company)).not.toContain('Whole One');
      } finally {
        h.sim.switches.typeMismatch = 'failItem';
      }
      h.sim.switches.unknownBodyFields = 'ignore';
      try {
        const res = await h.send('POST', '/v1/Contacts', [{ type: 'Customer', company: 'Ignored Colour', colour: 'red' }]);
        expect(res.body[0].success).toBe(true);
      } finally {
        h.sim.switches.unknownBodyFields = 'reject';
      }
    });

    it('knows the write-only quote fields (isVoid) as members of a quote body', async () => {
      const member = h.sim.store.contacts()[0]!;
      const res = await h.send('POST', '/v1/Quotes', [{ memberId: member.id, isVoid: false, reference: 'STRICT-1' }, { memberId: member.id, voided: true }]);
      expect(res.body[0].success).toBe(true);
      expect(res.body[1]).toMatchObject({ success: false, errors: ["Could not find member 'voided' on object of type 'Quote'. Path '[1].voided'."] });
    });
  });

  it('answers a query string over 2048 characters with IIS 404.15, unless maxQueryStringLength says otherwise', async () => {
    const long = `/v1/Contacts?${query({ where: `id IN (${Array.from({ length: 300 }, (_, i) => 1_000_000 + i).join(',')})` })}`;
    const refused = await h.get(long);
    expect(refused.status).toBe(404);
    expect(refused.text).toMatch(/404\.15/);
    expect((await h.get(`/v1/Contacts?${query({ where: `id IN (${Array.from({ length: 150 }, (_, i) => 1_000_000 + i).join(',')})` })}`)).status).toBe(200);
    h.sim.switches.maxQueryStringLength = null;
    try {
      expect((await h.get(long)).status).toBe(200);
    } finally {
      h.sim.switches.maxQueryStringLength = 2048;
    }
  });

  it('answers a path outside /api with the web server HTML 404, before any authentication', async () => {
    const res = await fetch(`${h.sim.url}/v1/Contacts`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/404 - File or directory not found/);
  });
});
