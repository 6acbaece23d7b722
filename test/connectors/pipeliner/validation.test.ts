import { encodeId } from '../../../src/core/globalId';
import { createPipelinerSimulator, type PipelinerSimulator } from '../../../src/simulators/pipeliner';
import { dataOf } from '../../support/gateway';
import { pipelinerConnector, startPipeliner, type PipelinerSetup } from './harness';

const OPP = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
  opportunity { id } userErrors { field message code } } }`;
const CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  contact { id } userErrors { field message code } } }`;

/** Bad input gets a clear answer naming the field, and nothing reaches the vendor as a write. */
describe('Pipeliner: bad input is answered and nothing is written', () => {
  let s: PipelinerSetup;
  let other: PipelinerSimulator;
  let refs: { pipelines: Array<{ id: string; stages: Array<{ id: string }> }>; accountId: string; foreignAccountId: string };

  beforeAll(async () => {
    other = createPipelinerSimulator({ seed: 7, size: { accounts: 3, contacts: 3, opportunities: 0 } });
    const otherUrl = await other.listen();
    s = await startPipeliner({ extra: [pipelinerConnector('pipeliner-b', otherUrl, other)] });
    const data = dataOf(
      await s.gateway.execute(`{
        pipelines(sources: ["pipeliner"]) { id stages { id } }
        mine: accounts(sources: ["pipeliner"], first: 1) { edges { node { id } } }
        theirs: accounts(sources: ["pipeliner-b"], first: 1) { edges { node { id } } } }`),
    );
    refs = { pipelines: data.pipelines, accountId: data.mine.edges[0].node.id, foreignAccountId: data.theirs.edges[0].node.id };
  });
  afterAll(async () => {
    await s.close();
    await other.close();
  });
  afterEach(() => {
    expect(s.sim.server.requests('POST')).toEqual([]);
    expect(s.sim.server.pendingFaults()).toBe(0);
  });

  const opp = (input: Record<string, unknown>) => ({
    input: { source: 'pipeliner', name: 'Deal', closingDate: '2027-01-01', value: { amount: '10' }, ...input },
  });
  const errorsOf = async (query: string, variables: Record<string, unknown>, field: 'createOpportunity' | 'createContact') => {
    const res = dataOf(await s.gateway.execute(query, variables))[field];
    expect(res[field === 'createContact' ? 'contact' : 'opportunity']).toBeNull();
    return res.userErrors as Array<{ field: string[] | null; message: string; code: string }>;
  };

  it('a contact without first and last name', async () => {
    expect(await errorsOf(CONTACT, { input: { source: 'pipeliner', title: 'Dr.', jobTitle: 'CTO' } }, 'createContact')).toEqual([
      { field: ['input', 'lastName'], message: 'Pipeliner needs a first or a last name; both are empty', code: 'REQUIRED' },
    ]);
  });

  it('an account id that does not exist', async () => {
    const ghost = encodeId('Account', 'pipeliner', '00000000-0000-4000-8000-000000000000');
    const errors = await errorsOf(CONTACT, { input: { source: 'pipeliner', lastName: 'X', accountId: ghost } }, 'createContact');
    expect(errors).toEqual([{ field: ['input', 'accountId'], message: expect.stringContaining('no account'), code: 'NOT_FOUND' }]);
  });

  it('an account of another source', async () => {
    const errors = await errorsOf(CONTACT, { input: { source: 'pipeliner', lastName: 'X', accountId: refs.foreignAccountId } }, 'createContact');
    expect(errors).toEqual([
      { field: ['input', 'accountId'], message: expect.stringContaining('belongs to source "pipeliner-b"'), code: 'WRONG_SOURCE' },
    ]);
  });

  it('an id that is not an id at all', async () => {
    const errors = await errorsOf(CONTACT, { input: { source: 'pipeliner', lastName: 'X', accountId: 'nope' } }, 'createContact');
    expect(errors).toEqual([{ field: ['input', 'accountId'], message: 'accountId is not a valid id', code: 'INVALID' }]);
  });

  it('a stage of another pipeline', async () => {
    const [p1, p2] = refs.pipelines;
    const errors = await errorsOf(OPP, opp({ pipelineId: p1!.id, stageId: p2!.stages[0]!.id }), 'createOpportunity');
    expect(errors).toEqual([{ field: ['input', 'stageId'], message: expect.stringContaining('belongs to another pipeline'), code: 'CONFLICT' }]);
  });

  it('an unknown currency code', async () => {
    const errors = await errorsOf(OPP, opp({ value: { amount: '10', currencyCode: 'XTS' } }), 'createOpportunity');
    expect(errors).toEqual([
      { field: ['input', 'value', 'currencyCode'], message: expect.stringMatching(/^currency XTS is not set up in this source \(it has .*USD/), code: 'NOT_FOUND' },
    ]);
  });

  it('a negative amount', async () => {
    const errors = await errorsOf(OPP, opp({ value: { amount: '-5' } }), 'createOpportunity');
    expect(errors).toEqual([{ field: ['input', 'value', 'amount'], message: 'amount cannot be negative, got -5', code: 'INVALID' }]);
  });

  it('a non-numeric amount is refused before any resolver runs', async () => {
    const res = await s.gateway.execute(OPP, opp({ value: { amount: 'ten' } }));
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/input\.value\.amount.*Decimal cannot represent "ten"/);
  });

  it('a probability, which Pipeliner cannot store per opportunity', async () => {
    const errors = await errorsOf(OPP, opp({ probability: 40 }), 'createOpportunity');
    expect(errors).toEqual([{ field: ['input', 'probability'], message: expect.stringContaining('follows the stage'), code: 'UNSUPPORTED' }]);
  });

  it('all problems of one input at once', async () => {
    const errors = await errorsOf(OPP, opp({ name: ' ', value: { amount: '-1', currencyCode: 'XTS' }, accountId: refs.foreignAccountId }), 'createOpportunity');
    expect(errors.map((e) => e.field?.join('.'))).toEqual(['input.name', 'input.value.amount', 'input.accountId']);
  });

  it('a page size above 100', async () => {
    const res = await s.gateway.execute(`{ contacts(first: 101) { edges { node { id } } } }`);
    expect(res.errors?.[0]).toMatchObject({ message: 'first must be between 1 and 100, got 101', extensions: { code: 'BAD_USER_INPUT' } });
    expect(s.sim.server.log.filter((r) => r.path.endsWith('/Contacts'))).toEqual([]);
  });

  it('maps a vendor 422 onto the input field it names', async () => {
    // The vendor's own validation body (vendor notes §5), for a rule we do not pre-check.
    s.sim.server.failNext({
      status: 422,
      match: { method: 'POST', pathIncludes: '/entities/Contacts' },
      body: {
        success: false, code: 40000, name: 'ERROR_ENTITY_VALIDATION', http_status: 422,
        message: "Error on field 'email1'.", entity_errors: [], step_checklist_errors: [], entity_index: null,
        field_errors: [{ field_id: 'x', field_name: 'email1', name: 'ERROR_FIELD_VALIDATION', code: 40002,
          errors: [{ code: 120, name: 'ERROR_INVALID_EMAIL', message: "Field 'email1' is not a valid e-mail.", field_id: 'x', field_name: 'email1' }] }],
      },
    });
    const res = dataOf(await s.gateway.execute(CONTACT, { input: { source: 'pipeliner', lastName: 'X', emails: ['x@example.com'] } }));
    expect(res.createContact).toEqual({
      contact: null,
      userErrors: [{ field: ['input', 'emails', '0'], message: "Pipeliner rejected the Contact create: Field 'email1' is not a valid e-mail.", code: 'REJECTED' }],
    });
    // This one did reach the vendor (which refused it); clear it so the no-write check holds.
    s.sim.server.clearLog();
  });
});
