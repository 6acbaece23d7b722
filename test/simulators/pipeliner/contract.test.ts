import { expectMatchesSchemaFixture, loadSchemaFixture, schemaFixtureProblems } from '../../support/contract';
import { useSimulator } from './harness';

const h = useSimulator({ size: { accounts: 40, contacts: 90, opportunities: 60 } });
const fixture = (name: string) => loadSchemaFixture('pipeliner', name);

const RESPONSE_SCHEMAS: [string, string][] = [
  ['Contacts', 'Contact'],
  ['Accounts', 'Account'],
  ['Opportunities', 'Opportunity'],
  ['Pipelines', 'Pipeline'],
  ['Steps', 'Step'],
  ['Currencies', 'Currency'],
  ['CurrencyExchangeRates', 'CurrencyExchangeRate'],
  ['CurrencyExchangeRatesLists', 'CurrencyExchangeRatesList'],
  ['Clients', 'Client'],
  ['SalesUnits', 'SalesUnit'],
  ['ContactAccountRelations', 'ContactAccountRelation'],
  ['LeadOpptyAccountRelations', 'LeadOpptyAccountRelation'],
  ['LeadOpptyContactRelations', 'LeadOpptyContactRelation'],
  ['OpportunityTypes', 'OpportunityType'],
];

describe('Pipeliner simulator: responses conform to the official spec', () => {
  it.each(RESPONSE_SCHEMAS)('lists %s as %s records', async (plural, schema) => {
    const res = await h.call('GET', `/entities/${plural}`, { query: { first: 100, 'include-deleted': true } });
    expect(res.body.data.length).toBeGreaterThan(0);
    const f = fixture(schema);
    for (const record of res.body.data) expectMatchesSchemaFixture(record, f);
  });

  it('emits every property the spec declares for each entity', async () => {
    for (const [plural, schema] of RESPONSE_SCHEMAS) {
      const res = await h.call('GET', `/entities/${plural}`, { query: { first: 1 } });
      expect(Object.keys(res.body.data[0]).sort()).toEqual(Object.keys(fixture(schema).properties).sort());
    }
  });

  it('keeps expanded relations conforming to their own schemas', async () => {
    const res = await h.call('GET', '/entities/Opportunities', {
      query: { first: 20, expand: 'owner,step,primary_account,account_relations.account,contact_relations.contact' },
    });
    for (const o of res.body.data) {
      expectMatchesSchemaFixture(o.owner, fixture('Client'));
      expectMatchesSchemaFixture(o.step, fixture('Step'));
      expectMatchesSchemaFixture(o.primary_account, fixture('Account'));
      for (const r of o.account_relations) expectMatchesSchemaFixture(r.account, fixture('Account'));
      for (const r of o.contact_relations) expectMatchesSchemaFixture(r.contact, fixture('Contact'));
    }
  });

  it('answers simple errors in the Error schema', async () => {
    const answers = await Promise.all([
      h.call('GET', '/entities/Contact'),
      h.call('GET', '/entities/Accounts/01234567-abcd-dcba-ffff-000000000000'),
      h.call('POST', '/entities/Accounts', { raw: 'nope' }),
      h.call('GET', '/entities/Accounts', { auth: false }),
    ]);
    for (const a of answers) expectMatchesSchemaFixture(a.body, fixture('Error'));
  });
});

/** Create bodies as the tutorials and the vendor's own connector write them. */
function sampleBodies() {
  const owner = h.sim.records('Clients')[0]!.id;
  const [acc] = h.sim.records('Accounts');
  const [c1, c2] = h.sim.records('Contacts');
  const step = h.sim.records('Steps')[0]!.id;
  const usd = h.sim.records('Currencies')[0]!.id;
  const list = h.sim.records('CurrencyExchangeRatesLists')[1]!.id;
  const pipeline = h.sim.records('Pipelines')[0]!.id;
  return {
    Contacts: [
      'createContactInput',
      {
        owner_id: owner,
        first_name: 'Ada',
        last_name: 'Lovelace',
        email1: 'ada@example.com',
        account_position: 'CTO',
        account_relations: [{ account_id: acc!.id, is_primary: true }],
      },
    ],
    Accounts: [
      'createAccountInput',
      {
        name: 'Green Inc.',
        owner_id: owner,
        email1: 'green@greeninc.green',
        phone1: '888-777-8888',
        home_page: 'www.greeninc.green',
        account_class: 3,
      },
    ],
    Opportunities: [
      'createOpportunityInput',
      {
        name: 'Deal',
        owner_id: owner,
        step_id: step,
        closing_date: '2026-03-31',
        value: { base_value: 1000, currency_id: usd },
        ranking: 3,
        label_flag: 1,
        account_relations: [{ account_id: acc!.id, is_primary: true }],
        contact_relations: [
          { contact_id: c1!.id, is_primary: true },
          { contact_id: c2!.id, is_primary: false },
        ],
      },
    ],
    Pipelines: [
      'createPipelineInput',
      {
        name: 'Channel',
        color: 16233984,
        steps: [
          { name: 'Lead', percent: 10 },
          { name: 'Won', percent: 100 },
        ],
      },
    ],
    Currencies: [
      'createCurrencyInput',
      {
        code: 'JPY',
        symbol: '¥',
        currency_exchange_rates: [{ currency_exchange_rate_list_id: list, exchange_rate: 150 }],
      },
    ],
    SalesUnits: ['createSalesUnitInput', { name: 'APAC' }],
    ContactAccountRelations: [
      'createContactAccountRelationInput',
      { account_id: acc!.id, contact_id: c2!.id, is_primary: false, position: 'Advisor' },
    ],
    OpportunityTypes: [
      'createOpportunityTypeInput',
      { name: 'Channel Deal', pipeline_id: pipeline, is_readonly: false },
    ],
  } as const;
}

describe('Pipeliner simulator: sample create bodies conform to the create-input schemas', () => {
  it('declares the tutorial bodies valid against the spec and the simulator accepts them with 201', async () => {
    for (const [plural, [schema, body]] of Object.entries(sampleBodies())) {
      // The docs let a client send either amount; the spec marks all three as required.
      expectMatchesSchemaFixture(body, fixture(schema), { optional: ['value.value_foreign'], forbidReadOnly: true });
      const res = await h.call('POST', `/entities/${plural}`, { body });
      expect([plural, res.status]).toEqual([plural, 201]);
      const responseSchema = RESPONSE_SCHEMAS.find(([p]) => p === plural)![1];
      expectMatchesSchemaFixture(res.body.data, fixture(responseSchema));
    }
  });
});

describe('Contract helper: expectMatchesSchemaFixture', () => {
  const contact = fixture('Contact');

  it('reports undeclared, mistyped and missing properties', () => {
    const problems = schemaFixtureProblems({ id: 'x', first_name: 5, nickname: 'Al' }, contact);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Contact: id is not a valid uuid: "x"',
        'Contact: first_name should be string but is integer',
        'Contact: nickname is not declared by the schema',
        'Contact: owner_id is required but missing',
      ]),
    );
  });

  it('tolerates null only on relations and dates', () => {
    const problems = schemaFixtureProblems({ owner_id: null, first_name: null }, contact, { skipRequired: true });
    expect(problems).toEqual(['Contact: first_name is null but the schema does not allow it']);
  });

  it('checks nested relation items against the create-input schema the spec points at', () => {
    const problems = schemaFixtureProblems(
      {
        owner_id: '01234567-abcd-dcba-ffff-000000000000',
        account_relations: [{ account_id: 'a', is_primary: 'yes', colour: 1 }],
      },
      fixture('createContactInput'),
    );
    expect(problems).toEqual([
      'createContactInput: account_relations[].account_id is not a valid uuid: "a"',
      'createContactInput: account_relations[].is_primary should be boolean but is string',
      'createContactInput: account_relations[].colour is not declared by the schema',
    ]);
  });

  it('flags read-only properties in request bodies on demand', () => {
    const problems = schemaFixtureProblems(
      { name: 'X', owner_id: '01234567-abcd-dcba-ffff-000000000000', modified: '2026-01-01 00:00:00' },
      fixture('createAccountInput'),
      {
        forbidReadOnly: true,
      },
    );
    expect(problems).toEqual(['createAccountInput: modified is read-only']);
  });
});
