import { idOf, useSimulator } from './harness';

const h = useSimulator();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WIRE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

function activeOwner() {
  return h.sim.records('Clients')[0]!;
}
function account(i = 0) {
  return h.sim.records('Accounts')[i]!;
}
function currency(code: string) {
  return h.sim.records('Currencies').find((c) => c['code'] === code)!;
}
function firstStep() {
  const sales = h.sim.records('Pipelines').find((p) => p['name'] === 'Sales Pipeline')!;
  return h.sim.records('Steps').find((s) => s['pipeline_id'] === sales.id && s['sort_order'] === 1)!;
}
function opportunityBody(extra: Record<string, unknown> = {}) {
  return {
    name: 'Tutorial deal',
    owner_id: activeOwner().id,
    step_id: firstStep().id,
    closing_date: '2026-03-31',
    value: { base_value: 1000, currency_id: currency('USD').id },
    ...extra,
  };
}

describe('Pipeliner simulator: creating contacts', () => {
  it('creates a contact linked to its account through a primary relation (tutorial) with 201', async () => {
    const owner = activeOwner();
    const acc = account();
    const res = await h.call('POST', '/entities/Contacts', {
      body: {
        owner_id: owner.id,
        first_name: 'Ada',
        last_name: 'Lovelace',
        email1: 'ada@example.com',
        account_position: 'CTO',
        account_relations: [{ account_id: acc.id, is_primary: true }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.success).toBe(true);
    const c = res.body.data;
    expect(c.id).toMatch(UUID);
    expect(c.created).toMatch(WIRE_TIME);
    expect(c.modified).toMatch(WIRE_TIME);
    expect(c).toMatchObject({
      is_deleted: false,
      is_delete_protected: false,
      formatted_name: 'Ada Lovelace',
      unit_id: owner['default_unit_id'],
      account_position: 'CTO',
      primary_account_position: 'CTO',
      position: '',
      middle_name: '',
      contact_type_id: null,
      contact_type: null,
    });
    expect(idOf(c.primary_account)).toBe(acc.id);
    expect(c.account_relations).toHaveLength(1);
    const rel = await h.call('GET', `/entities/ContactAccountRelations/${idOf(c.account_relations[0])}`);
    expect(rel.body.data).toMatchObject({ contact_id: c.id, account_id: acc.id, is_primary: true, position: 'CTO' });
  });

  it('keeps the job title on the contact as quick account position when it has no account', async () => {
    const res = await h.call('POST', '/entities/Contacts', {
      body: { owner_id: activeOwner().id, last_name: 'Solo', position: 'Freelancer' },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      position: 'Freelancer',
      account_position: 'Freelancer',
      primary_account: null,
      formatted_name: 'Solo',
    });
  });

  it('answers a contact without first or last name with the 422 ERROR_ENTITY_VALIDATION body', async () => {
    const res = await h.call('POST', '/entities/Contacts', { body: { owner_id: activeOwner().id, email1: 'x@y.z' } });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      code: 40000,
      name: 'ERROR_ENTITY_VALIDATION',
      message: "\nAt least one of fields 'first_name', 'last_name' must be filled.",
      entity_id: expect.stringMatching(UUID),
      entity_name: 'Contact',
      entity_errors: [],
      field_errors: [
        {
          field_id: expect.stringMatching(UUID),
          field_name: 'first_name',
          name: 'ERROR_FIELD_VALIDATION',
          code: 40002,
          errors: [expect.objectContaining({ code: 119, name: 'ERROR_PARAMETER_MISSING', field_name: 'first_name' })],
        },
        expect.objectContaining({ field_name: 'last_name', code: 40002 }),
      ],
      step_checklist_errors: [],
      entity_index: null,
      http_status: 422,
      success: false,
    });
    expect(h.sim.count('Contacts')).toBe(150);
  });

  it('reports a missing owner_id twice, for owner and owner_id, under field owner_id (as recorded)', async () => {
    const res = await h.call('POST', '/entities/Contacts', { body: { first_name: 'No', last_name: 'Owner' } });
    expect(res.status).toBe(422);
    const [fe] = res.body.field_errors;
    const id = res.body.entity_id;
    expect(fe.field_name).toBe('owner_id');
    expect(fe.errors.map((e: { message: string }) => e.message)).toEqual([
      `Non-null field 'Contact'[${id}].owner' is null or empty.`,
      `Non-null field 'Contact'[${id}].owner_id' is null or empty.`,
    ]);
    expect(
      fe.errors.every((e: { code: number; field_name: string }) => e.code === 119 && e.field_name === 'owner_id'),
    ).toBe(true);
  });

  it('rejects an owner_id that names no client with a field error', async () => {
    const ghost = '01234567-abcd-dcba-ffff-000000000000';
    const res = await h.call('POST', '/entities/Contacts', { body: { owner_id: ghost, last_name: 'X' } });
    expect(res.status).toBe(422);
    expect(res.body.field_errors).toEqual([
      expect.objectContaining({
        field_name: 'owner_id',
        errors: [expect.objectContaining({ code: 117, message: `Client with id '${ghost}' not found.` })],
      }),
    ]);
  });

  it('refuses a deactivated client as owner unless validation-level allows linking to deleted records', async () => {
    const inactive = h.sim.records('Clients', { includeDeleted: true }).find((c) => c['is_deleted'] === true)!;
    const refused = await h.call('POST', '/entities/Contacts', { body: { owner_id: inactive.id, last_name: 'X' } });
    expect(refused.status).toBe(422);
    const allowed = await h.call('POST', '/entities/Contacts', {
      body: { owner_id: inactive.id, last_name: 'X' },
      query: { 'validation-level': 16 },
    });
    expect(allowed.status).toBe(201);
  });

  it('rejects a value of the wrong JSON type with a field error', async () => {
    const res = await h.call('POST', '/entities/Contacts', { body: { owner_id: activeOwner().id, last_name: 42 } });
    expect(res.status).toBe(422);
    expect(res.body.field_errors[0]).toMatchObject({ field_name: 'last_name' });
  });
});

describe('Pipeliner simulator: the is_primary rule on nested relations (reject by default)', () => {
  const cases: [string, { account_id: string; is_primary: boolean }[]][] = [];

  it.each([
    ['two primary items', [true, true]],
    ['no primary item', [false, false]],
  ])('answers %s with 422 on field account_relations', async (_, flags) => {
    const rels = flags.map((is_primary, i) => ({ account_id: account(i).id, is_primary }));
    const res = await h.call('POST', '/entities/Contacts', {
      body: { owner_id: activeOwner().id, last_name: 'Two', account_relations: rels },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe("\nError on field account_relations. Exactly one 'is_primary' item must be set.");
    expect(res.body.field_errors).toEqual([
      expect.objectContaining({
        field_name: 'account_relations',
        errors: [
          expect.objectContaining({
            message: "Exactly one 'is_primary' item must be set.",
            field_name: 'account_relations',
          }),
        ],
      }),
    ]);
    expect(cases).toHaveLength(0);
  });

  it('applies the same rule to opportunity contact_relations', async () => {
    const contacts = h.sim.records('Contacts');
    const res = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({
        contact_relations: [
          { contact_id: contacts[0]!.id, is_primary: false },
          { contact_id: contacts[1]!.id, is_primary: false },
        ],
      }),
    });
    expect(res.status).toBe(422);
    expect(res.body.field_errors[0].field_name).toBe('contact_relations');
  });

  it('accepts a contact with no relations at all', async () => {
    const res = await h.call('POST', '/entities/Contacts', {
      body: { owner_id: activeOwner().id, last_name: 'Free', account_relations: [] },
    });
    expect(res.status).toBe(201);
  });

  it('requires account_id and is_primary in every nested item', async () => {
    const res = await h.call('POST', '/entities/Contacts', {
      body: { owner_id: activeOwner().id, last_name: 'X', account_relations: [{ position: 'CEO' }] },
    });
    expect(res.status).toBe(422);
    const messages = res.body.field_errors[0].errors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).toMatch(/ContactAccountRelation'\[.+\]\.account_id' is null or empty/);
    expect(messages).toMatch(/ContactAccountRelation'\[.+\]\.is_primary' is null or empty/);
  });

  it('rejects a nested relation to an account that does not exist', async () => {
    const res = await h.call('POST', '/entities/Contacts', {
      body: {
        owner_id: activeOwner().id,
        last_name: 'X',
        account_relations: [{ account_id: '01234567-abcd-dcba-ffff-000000000000', is_primary: true }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.field_errors[0].errors[0].message).toContain('Account with id');
  });
});

describe('Pipeliner simulator: the is_primary rule in auto-clear mode', () => {
  const lenient = useSimulator({ primaryRule: 'auto-clear', size: { accounts: 5, contacts: 5, opportunities: 2 } });

  it('keeps the last primary item when several are primary', async () => {
    const [a, b] = lenient.sim.records('Accounts');
    const res = await lenient.call('POST', '/entities/Contacts', {
      body: {
        owner_id: lenient.sim.records('Clients')[0]!.id,
        last_name: 'Auto',
        account_relations: [
          { account_id: a!.id, is_primary: true },
          { account_id: b!.id, is_primary: true },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(idOf(res.body.data.primary_account)).toBe(b!.id);
  });

  it('makes the first item primary when none is', async () => {
    const [a, b] = lenient.sim.records('Accounts');
    const res = await lenient.call('POST', '/entities/Contacts', {
      body: {
        owner_id: lenient.sim.records('Clients')[0]!.id,
        last_name: 'Auto',
        account_relations: [
          { account_id: a!.id, is_primary: false },
          { account_id: b!.id, is_primary: false },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(idOf(res.body.data.primary_account)).toBe(a!.id);
  });
});

describe('Pipeliner simulator: creating opportunities', () => {
  it('creates an opportunity with relations per the tutorial and derives its read-only fields', async () => {
    const acc = account(2);
    const [c1, c2] = h.sim.records('Contacts');
    const res = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({
        account_relations: [{ account_id: acc.id, is_primary: true }],
        contact_relations: [
          { contact_id: c1!.id, is_primary: false },
          { contact_id: c2!.id, is_primary: true },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const o = res.body.data;
    expect(o).toMatchObject({
      status: 1,
      table_name: 'opportunity',
      formatted_name: 'Tutorial deal',
      closing_date: '2026-03-31',
      unit_id: activeOwner()['default_unit_id'],
      days_in_step: 0,
      value: { base_value: 1000, currency_id: currency('USD').id, value_foreign: 1000 },
    });
    expect(o.oppty_type_id).toMatch(UUID);
    expect(idOf(o.primary_account)).toBe(acc.id);
    expect(idOf(o.primary_contact)).toBe(c2!.id);
    const rels = await h.call('GET', '/entities/LeadOpptyContactRelations', {
      query: { 'filter[lead_oppty_id]': o.id },
    });
    expect(rels.body.total).toBe(2);
    expect(idOf(rels.body.data[0].oppty)).toBe(o.id);
    expect(rels.body.data[0].lead).toBeNull();
  });

  it('lists every missing required field of an opportunity', async () => {
    const res = await h.call('POST', '/entities/Opportunities', { body: { description: 'nothing else' } });
    expect(res.status).toBe(422);
    const fields = res.body.field_errors.map((f: { field_name: string }) => f.field_name).sort();
    expect(fields).toEqual(['closing_date', 'name', 'owner_id', 'step_id', 'value']);
  });

  it('requires a currency and one of the amounts in value', async () => {
    const noCurrency = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({ value: { base_value: 5 } }),
    });
    expect(noCurrency.status).toBe(422);
    expect(noCurrency.body.field_errors[0].errors[0].message).toContain('value.currency_id');
    const noAmount = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({ value: { currency_id: currency('EUR').id } }),
    });
    expect(noAmount.status).toBe(422);
    expect(noAmount.body.field_errors[0].errors[0].message).toContain('value.base_value');
  });

  it('rejects a step_id that names no step', async () => {
    const res = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({ step_id: '01234567-abcd-dcba-ffff-000000000000' }),
    });
    expect(res.status).toBe(422);
    expect(res.body.field_errors[0]).toMatchObject({ field_name: 'step_id' });
  });

  it('rejects a closing_date that is not a date', async () => {
    const res = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({ closing_date: '31/03/2026' }),
    });
    expect(res.status).toBe(422);
    expect(res.body.field_errors[0]).toMatchObject({ field_name: 'closing_date' });
  });
});

describe('Pipeliner simulator: currency math', () => {
  it('computes the foreign value from the base value with the rate in force (foreign = base × rate)', async () => {
    const res = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({ value: { base_value: 1000, currency_id: currency('EUR').id } }),
    });
    expect(res.body.data.value).toEqual({ base_value: 1000, currency_id: currency('EUR').id, value_foreign: 920 });
  });

  it('computes the base value from the foreign value', async () => {
    const res = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({ value: { value_foreign: 790, currency_id: currency('GBP').id } }),
    });
    expect(res.body.data.value).toEqual({ base_value: 1000, currency_id: currency('GBP').id, value_foreign: 790 });
  });

  it('uses the latest list already valid, not a future one', async () => {
    const lists = h.sim.records('CurrencyExchangeRatesLists');
    expect(lists).toHaveLength(3);
    const eur = currency('EUR');
    const rates = h.sim.records('CurrencyExchangeRates').filter((r) => r['currency_id'] === eur.id);
    expect(rates.map((r) => r['exchange_rate']).sort()).toEqual([0.92, 0.93, 0.95]);
    const res = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({ value: { base_value: 100, currency_id: eur.id } }),
    });
    expect(res.body.data.value.value_foreign).toBe(92);
  });

  it('recomputes the foreign value when an update changes only the currency', async () => {
    const created = await h.call('POST', '/entities/Opportunities', { body: opportunityBody() });
    const res = await h.call('PATCH', `/entities/Opportunities/${created.body.data.id}`, {
      body: { value: { currency_id: currency('CHF').id } },
    });
    expect(res.body.data.value).toEqual({ base_value: 1000, currency_id: currency('CHF').id, value_foreign: 880 });
  });

  it('keeps every seeded opportunity consistent with the rates (foreign ≈ base × rate)', () => {
    const rate = new Map<string, number>();
    const current = h.sim.records('CurrencyExchangeRatesLists')[1]!;
    for (const r of h.sim.records('CurrencyExchangeRates')) {
      if (r['currency_exchange_rate_list_id'] === current.id)
        rate.set(r['currency_id'] as string, r['exchange_rate'] as number);
    }
    for (const o of h.sim.records('Opportunities')) {
      const v = o['value'] as { base_value: number; currency_id: string; value_foreign: number };
      expect(Math.abs(v.base_value * (rate.get(v.currency_id) ?? 1) - v.value_foreign)).toBeLessThan(0.02);
    }
  });
});

describe('Pipeliner simulator: updates, deletes and read-only fields', () => {
  it('patches only the fields sent and bumps revision and modified', async () => {
    const acc = account(1);
    const res = await h.call('PATCH', `/entities/Accounts/${acc.id}`, { body: { city: 'Vienna' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: acc.id, city: 'Vienna', name: acc['name'], created: acc['created'] });
    expect(res.body.data.revision).toBeGreaterThan(acc['revision'] as number);
    expect(res.body.data.modified > (acc['modified'] as string)).toBe(true);
  });

  it('uses one revision counter for the whole space', async () => {
    const a = await h.call('PATCH', `/entities/Accounts/${account(0).id}`, { body: { city: 'A' } });
    const b = await h.call('PATCH', `/entities/Contacts/${h.sim.records('Contacts')[0]!.id}`, { body: { city: 'B' } });
    expect(b.body.data.revision).toBe(a.body.data.revision + 1);
  });

  it('answers a patch of an unknown id with 404', async () => {
    const res = await h.call('PATCH', '/entities/Accounts/01234567-abcd-dcba-ffff-000000000000', {
      body: { city: 'X' },
    });
    expect(res.status).toBe(404);
    expect(res.body.success).toBe(false);
  });

  it('ignores read-only fields such as status unless validation-level 8 allows overriding them', async () => {
    const created = await h.call('POST', '/entities/Opportunities', { body: opportunityBody() });
    const id = created.body.data.id;
    const ignored = await h.call('PATCH', `/entities/Opportunities/${id}`, { body: { status: 3 } });
    expect(ignored.body.data.status).toBe(1);
    const won = await h.call('PATCH', `/entities/Opportunities/${id}`, {
      body: { status: 3 },
      query: { 'validation-level': 8 },
    });
    expect(won.body.data.status).toBe(3);
    expect(won.body.data.won_date).toMatch(WIRE_TIME);
  });

  it('replaces a contact’s relations with the array sent on update', async () => {
    const [a, b] = [account(0), account(1)];
    const created = await h.call('POST', '/entities/Contacts', {
      body: {
        owner_id: activeOwner().id,
        last_name: 'Mover',
        account_relations: [{ account_id: a.id, is_primary: true }],
      },
    });
    const id = created.body.data.id;
    const oldRel = idOf(created.body.data.account_relations[0]);
    const moved = await h.call('PATCH', `/entities/Contacts/${id}`, {
      body: { account_relations: [{ account_id: b.id, is_primary: true, position: 'VP' }] },
    });
    expect(moved.status).toBe(200);
    expect(idOf(moved.body.data.primary_account)).toBe(b.id);
    expect(moved.body.data.account_position).toBe('VP');
    expect((await h.call('GET', `/entities/ContactAccountRelations/${oldRel}`)).status).toBe(404);
  });

  it('writes account_position onto the primary relation when a linked contact is patched', async () => {
    const rel = h.sim.records('ContactAccountRelations').find((r) => r['is_primary'] === true)!;
    const res = await h.call('PATCH', `/entities/Contacts/${rel['contact_id'] as string}`, {
      body: { account_position: 'Head of Ops' },
    });
    expect(res.body.data.account_position).toBe('Head of Ops');
    expect(h.sim.record('ContactAccountRelations', rel.id)!['position']).toBe('Head of Ops');
  });

  it('creates a standalone step without a pipeline, as POST /entities/Steps allows', async () => {
    const res = await h.call('POST', '/entities/Steps', {
      body: { name: 'Loose', percent: 5, pipeline_id: firstStep()['pipeline_id'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: 'Loose', pipeline_id: null, pipeline: null });
  });

  it('deletes softly: 200 with the id as data, then hidden unless include-deleted', async () => {
    const acc = account(4);
    const res = await h.call('DELETE', `/entities/Accounts/${acc.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: acc.id });
    expect((await h.call('GET', `/entities/Accounts/${acc.id}`)).status).toBe(404);
    const shown = await h.call('GET', `/entities/Accounts/${acc.id}`, { query: { 'include-deleted': true } });
    expect(shown.body.data.is_deleted).toBe(true);
    expect(h.sim.records('ContactAccountRelations').some((r) => r['account_id'] === acc.id)).toBe(false);
    expect((await h.call('DELETE', `/entities/Accounts/${acc.id}`)).status).toBe(404);
  });

  it('refuses to delete the base currency, which is delete-protected', async () => {
    const usd = currency('USD');
    const res = await h.call('DELETE', `/entities/Currencies/${usd.id}`);
    expect(res.status).toBe(422);
    expect(res.body.entity_errors[0].message).toContain('protected');
  });

  it('refuses to delete a step that opportunities stand in', async () => {
    const stepId = h.sim.records('Opportunities')[0]!['step_id'] as string;
    const res = await h.call('DELETE', `/entities/Steps/${stepId}`);
    expect(res.status).toBe(422);
  });

  it('clears the other primary when a standalone relation is marked primary', async () => {
    const contact = h.sim
      .records('Contacts')
      .find((c) => h.sim.records('ContactAccountRelations').some((r) => r['contact_id'] === c.id))!;
    const other = h.sim
      .records('Accounts')
      .find(
        (a) =>
          !h.sim
            .records('ContactAccountRelations')
            .some((r) => r['contact_id'] === contact.id && r['account_id'] === a.id),
      )!;
    const res = await h.call('POST', '/entities/ContactAccountRelations', {
      body: { contact_id: contact.id, account_id: other.id, is_primary: true },
    });
    expect(res.status).toBe(201);
    const primaries = h.sim
      .records('ContactAccountRelations')
      .filter((r) => r['contact_id'] === contact.id && r['is_primary'] === true);
    expect(primaries.map((r) => r['account_id'])).toEqual([other.id]);
  });
});

describe('Pipeliner simulator: pipelines and steps', () => {
  it('creates steps through Pipeline.steps with sort_order from the array order and pipeline_id set', async () => {
    const res = await h.call('POST', '/entities/Pipelines', {
      body: {
        name: 'Channel',
        color: 16233984,
        steps: [
          { name: 'Lead', percent: 10 },
          { name: 'Deal', percent: 60 },
          { name: 'Won', percent: 100 },
        ],
      },
    });
    expect(res.status).toBe(201);
    const steps = await h.call('GET', '/entities/Steps', {
      query: { 'filter[pipeline_id]': res.body.data.id, 'order-by': 'sort_order' },
    });
    expect(steps.body.data.map((s: { name: string; sort_order: number }) => [s.name, s.sort_order])).toEqual([
      ['Lead', 1],
      ['Deal', 2],
      ['Won', 3],
    ]);
    expect(steps.body.data.every((s: { pipeline_id: string }) => s.pipeline_id === res.body.data.id)).toBe(true);
  });

  it('reorders steps when the pipeline is patched with the steps in a new order', async () => {
    const created = await h.call('POST', '/entities/Pipelines', {
      body: { name: 'Reorder', color: 1, steps: [{ name: 'A' }, { name: 'B' }] },
    });
    const [a, b] = created.body.data.steps;
    const res = await h.call('PATCH', `/entities/Pipelines/${created.body.data.id}`, {
      body: { steps: [{ id: b.id }, { id: a.id }] },
    });
    expect(res.status).toBe(200);
    const again = await h.call('GET', `/entities/Pipelines/${created.body.data.id}`, { query: { expand: 'steps' } });
    expect(again.body.data.steps.map((s: { name: string; sort_order: number }) => [s.name, s.sort_order])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
  });

  it('requires name, color and steps for a pipeline', async () => {
    const res = await h.call('POST', '/entities/Pipelines', { body: {} });
    expect(res.status).toBe(422);
    expect(res.body.field_errors.map((f: { field_name: string }) => f.field_name).sort()).toEqual([
      'color',
      'name',
      'steps',
    ]);
  });

  it('requires a code for a currency', async () => {
    const res = await h.call('POST', '/entities/Currencies', { body: { symbol: '¥', currency_exchange_rates: [] } });
    expect(res.status).toBe(422);
    expect(res.body.field_errors.map((f: { field_name: string }) => f.field_name)).toEqual(['code']);
  });

  it('creates a currency with its rates and uses them for opportunity values', async () => {
    const current = h.sim.records('CurrencyExchangeRatesLists')[1]!;
    const jpy = await h.call('POST', '/entities/Currencies', {
      body: {
        code: 'JPY',
        symbol: '¥',
        currency_exchange_rates: [{ currency_exchange_rate_list_id: current.id, exchange_rate: 150 }],
      },
    });
    expect(jpy.status).toBe(201);
    expect(jpy.body.data.is_base).toBe(false);
    const opp = await h.call('POST', '/entities/Opportunities', {
      body: opportunityBody({ value: { base_value: 10, currency_id: jpy.body.data.id } }),
    });
    expect(opp.body.data.value.value_foreign).toBe(1500);
  });
});

describe('Pipeliner simulator: batch endpoints', () => {
  const good = () => ({ name: 'Batch Co', owner_id: activeOwner().id });

  it('rolls the whole batch back with rollback-method 0 and answers the failing item’s 422 with entity_index', async () => {
    const before = h.sim.count('Accounts');
    const res = await h.call('POST', '/entities/Accounts/batch-modify', {
      body: [good(), { name: 'No owner' }],
      query: { 'rollback-method': 0 },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 40000, entity_index: 1, success: false });
    expect(h.sim.count('Accounts')).toBe(before);
  });

  it('treats a batch without rollback-method as all or nothing', async () => {
    const before = h.sim.count('Accounts');
    const res = await h.call('POST', '/entities/Accounts/batch-modify', { body: [good(), {}] });
    expect(res.status).toBe(422);
    expect(h.sim.count('Accounts')).toBe(before);
  });

  it('keeps the good items with rollback-method 1 and reports failures inline', async () => {
    const acc = account(0);
    const res = await h.call('POST', '/entities/Accounts/batch-modify', {
      body: [
        good(),
        { name: 'No owner' },
        { id: acc.id, city: 'Oslo' },
        { id: '01234567-abcd-dcba-ffff-000000000000', city: 'X' },
      ],
      query: { 'rollback-method': 1 },
    });
    expect(res.status).toBe(200);
    const [created, failed, updated, missing] = res.body.data;
    expect(created).toMatch(UUID);
    expect(failed).toMatchObject({ code: 40000, http_status: 422, entity_index: 1, success: false });
    expect(updated).toBe(acc.id);
    expect(missing).toMatchObject({ http_status: 404, success: false });
    expect(h.sim.record('Accounts', acc.id)!['city']).toBe('Oslo');
    expect(h.sim.record('Accounts', created)!['name']).toBe('Batch Co');
  });

  it('deletes a batch of ids and reports unknown ones inline with rollback-method 1', async () => {
    const [a, b] = [account(0), account(1)];
    const res = await h.call('POST', '/entities/Accounts/batch-delete', {
      body: [a.id, '01234567-abcd-dcba-ffff-000000000000', b.id],
      query: { 'rollback-method': 1 },
    });
    expect(res.body.data[0]).toBe(a.id);
    expect(res.body.data[1]).toMatchObject({ http_status: 404 });
    expect(res.body.data[2]).toBe(b.id);
    expect(h.sim.record('Accounts', a.id)!['is_deleted']).toBe(true);
  });

  it('deletes nothing when one id of an all-or-nothing batch delete is unknown', async () => {
    const a = account(0);
    const res = await h.call('POST', '/entities/Accounts/batch-delete', {
      body: [a.id, '01234567-abcd-dcba-ffff-000000000000'],
    });
    expect(res.status).toBe(404);
    expect(h.sim.record('Accounts', a.id)!['is_deleted']).toBe(false);
  });

  it('answers a batch body that is not an array with 400 code 117', async () => {
    const res = await h.call('POST', '/entities/Accounts/batch-modify', { body: good() });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(117);
  });
});
