import { base, en, Faker } from '@faker-js/faker';
import { roundMoney } from './currency';
import { entityDef } from './entities';
import { systemClientId } from './ids';
import { newRow, saveRow } from './rows';
import type { PipelinerStore, Row } from './store';
import { dateOnlyFromMicros, MICROS_PER_DAY } from './time';

/**
 * Deterministic demo data for one space. Everything is drawn from a Faker seeded with `seed`
 * and dated relative to `referenceMicros`, so the same (seed, size, reference date) always
 * yields byte-identical tables.
 */

export interface SeedSize {
  accounts: number;
  contacts: number;
  opportunities: number;
}

export interface SeedPlan {
  seed: number;
  size: SeedSize;
  /** "Today" for the data: creation dates spread over the year before it. */
  referenceMicros: number;
}

/** Position of the deactivated client in the default (id) order: deliberately not first. */
export const INACTIVE_CLIENT_INDEX = 2;

const PIPELINES: ReadonlyArray<{ name: string; color: number; steps: ReadonlyArray<[string, number, number]> }> = [
  {
    name: 'Sales Pipeline',
    color: 16233984, // the docs' example colour
    steps: [
      ['Qualification', 10, 14],
      ['Needs Analysis', 25, 14],
      ['Proposal', 50, 21],
      ['Negotiation', 75, 21],
      ['Closing', 90, 14],
    ],
  },
  {
    name: 'Partner Pipeline',
    color: 3066993,
    steps: [
      ['Registration', 10, 7],
      ['Joint Discovery', 30, 21],
      ['Partner Proposal', 60, 21],
      ['Contract', 85, 14],
    ],
  },
  {
    name: 'Renewals',
    color: 10181046,
    steps: [
      ['Renewal Due', 20, 30],
      ['Quote Sent', 50, 14],
      ['Verbal Agreement', 75, 14],
      ['Paperwork', 90, 7],
      ['Invoiced', 100, 7],
    ],
  },
];

const OPPORTUNITY_TYPES: ReadonlyArray<[string, number]> = [
  ['New Business', 0],
  ['Upsell', 0],
  ['Partner Deal', 1],
  ['Renewal', 2],
];

/** code, symbol, rate in the old / current / future list (multiplier from USD). */
const CURRENCIES: ReadonlyArray<[string, string, number, number, number]> = [
  ['USD', '$', 1, 1, 1],
  ['EUR', '€', 0.93, 0.92, 0.95],
  ['GBP', '£', 0.8, 0.79, 0.81],
  ['CHF', 'CHF', 0.9, 0.88, 0.87],
];

const DEAL_KINDS = [
  'Annual License',
  'Platform Rollout',
  'Implementation Services',
  'Support Upgrade',
  'Pilot Project',
  'Enterprise Agreement',
  'Training Package',
  'Expansion Seats',
];

const TIME_ZONES: ReadonlyArray<[string, string, string]> = [
  ['America/New_York', '-05:00', 'us-east'],
  ['America/Chicago', '-06:00', 'us-east'],
  ['Europe/Berlin', '+01:00', 'eu-central'],
  ['Europe/London', '+00:00', 'eu-central'],
];

export function seedSpace(store: PipelinerStore, plan: SeedPlan): void {
  const faker = new Faker({ locale: [en, base], seed: plan.seed });
  const R = plan.referenceMicros;
  const day = MICROS_PER_DAY;
  const jitter = (): number => faker.number.int({ min: 0, max: day - 1 });
  const daysAgo = (min: number, max: number): number => R - faker.number.int({ min, max }) * day - jitter();
  const between = (from: number, to: number): number =>
    to <= from ? from : from + Math.floor(faker.number.float({ min: 0, max: 1 }) * (to - from));

  const put = (
    plural: string,
    fields: Record<string, unknown>,
    created: number,
    modified = created,
    id?: string,
  ): Row => {
    const row = { ...newRow(entityDef(plural), id ?? store.ids.timeOrdered(created), created), ...fields };
    return saveRow(store, plural, row, modified);
  };

  // Sales units: a root and three children.
  const setupAt = daysAgo(400, 420);
  const hq = put('SalesUnits', { name: 'Headquarters' }, setupAt);
  const units = [hq];
  for (const name of ['North America', 'Europe', 'Inside Sales']) {
    units.push(put('SalesUnits', { name, parent_id: hq.id }, setupAt + units.length * 1000));
  }

  // Clients (users). System-style ids keep their order fixed; one is deactivated (deleted).
  const adminRight = store.ids.timeOrdered(setupAt);
  const userRight = store.ids.timeOrdered(setupAt);
  const clients: Row[] = [];
  for (let i = 0; i < 6; i += 1) {
    const sex = faker.person.sex() as 'female' | 'male';
    const first = faker.person.firstName(sex);
    const last = faker.person.lastName();
    const unit = i === 0 ? hq : (units[1 + (i % 3)] ?? hq);
    const [zone, offset, region] = faker.helpers.arrayElement(TIME_ZONES);
    const inactive = i === INACTIVE_CLIENT_INDEX;
    clients.push(
      put(
        'Clients',
        {
          default_unit_id: unit.id,
          master_right_id: i === 0 ? adminRight : userRight,
          email: faker.internet
            .email({ firstName: first, lastName: last, provider: 'pipeliner-demo.example' })
            .toLowerCase(),
          first_name: first,
          last_name: last,
          name: `${first} ${last}`,
          phone: faker.phone.number({ style: 'national' }),
          position: i === 0 ? 'Sales Director' : faker.person.jobTitle(),
          region,
          timezone: offset,
          timezone_name: zone,
          last_active: inactive ? daysAgo(200, 240) : daysAgo(0, 6),
          user_profile_id: 41000 + i,
          unit_member_ids: [unit.id],
          unit_manager_ids: i === 0 ? [hq.id] : [],
          is_deleted: inactive,
        },
        setupAt + i * 1000,
        inactive ? daysAgo(190, 200) : setupAt + i * 1000,
        systemClientId(i),
      ),
    );
  }
  const activeClients = clients.filter((c) => c['is_deleted'] !== true);

  // Currencies and exchange-rate lists: one past, one in force, one not yet valid.
  const currencies = CURRENCIES.map(([code, symbol], i) =>
    put('Currencies', { code, symbol, is_base: i === 0, is_delete_protected: i === 0 }, setupAt + i * 1000),
  );
  const listDates = [R - 365 * day, R - 30 * day, R + 90 * day];
  const lists = listDates.map((validFrom, i) =>
    put('CurrencyExchangeRatesLists', { valid_from: validFrom }, Math.min(validFrom, R) - day + i),
  );
  const currentRates = new Map<string, number>();
  lists.forEach((list, li) => {
    CURRENCIES.forEach((entry, ci) => {
      const currency = currencies[ci];
      const rate = entry[2 + li] as number;
      if (!currency || ci === 0) return;
      if (li === 1) currentRates.set(currency.id, rate);
      put(
        'CurrencyExchangeRates',
        { currency_exchange_rate_list_id: list.id, currency_id: currency.id, exchange_rate: rate },
        Number(list['created']),
      );
    });
  });

  // Pipelines with their steps (sort_order from array order), and opportunity types.
  const pipelines: { row: Row; steps: Row[] }[] = PIPELINES.map((p, pi) => {
    const row = put('Pipelines', { name: p.name, color: p.color }, setupAt + pi * 1000);
    const steps = p.steps.map(([name, percent, timeframe], si) =>
      put('Steps', { name, percent, timeframe, pipeline_id: row.id, sort_order: si + 1 }, setupAt + pi * 1000 + si + 1),
    );
    return { row, steps };
  });
  const types = OPPORTUNITY_TYPES.map(([name, pi], ti) =>
    put(
      'OpportunityTypes',
      { name, pipeline_id: pipelines[pi]?.row.id ?? null, is_published: true },
      setupAt + 5000 + ti,
    ),
  );

  // Accounts.
  const usedNames = new Set<string>();
  const accounts: { row: Row; domain: string }[] = [];
  for (let i = 0; i < plan.size.accounts; i += 1) {
    let name = faker.company.name();
    while (usedNames.has(name)) name = `${faker.company.name()} ${faker.company.buzzNoun()}`;
    usedNames.add(name);
    const domain = `${faker.helpers.slugify(name.replace(/[^A-Za-z0-9 -]/g, '')).toLowerCase()}.${faker.internet.domainSuffix()}`;
    const owner = faker.helpers.arrayElement(activeClients);
    const created = daysAgo(1, 365);
    const us = faker.datatype.boolean({ probability: 0.7 });
    const row = put(
      'Accounts',
      {
        name,
        owner_id: owner.id,
        unit_id: owner['default_unit_id'],
        email1: `info@${domain}`,
        email2: faker.datatype.boolean({ probability: 0.3 }) ? `sales@${domain}` : '',
        phone1: faker.phone.number({ style: 'national' }),
        home_page: `www.${domain}`,
        address: faker.location.streetAddress(),
        city: faker.location.city(),
        state_province: us ? faker.location.state({ abbreviated: true }) : '',
        zip_code: faker.location.zipCode(),
        country: us ? 'United States' : faker.location.country(),
        account_class: faker.number.int({ min: 1, max: 5 }),
        comments: faker.datatype.boolean({ probability: 0.25 }) ? faker.company.catchPhrase() : '',
      },
      created,
      between(created, R),
    );
    accounts.push({ row, domain });
  }

  // Contacts: most with one primary account (some with a second one), a few unlinked.
  const contactsByAccount = new Map<string, Row[]>();
  const contacts: Row[] = [];
  for (let i = 0; i < plan.size.contacts; i += 1) {
    const sex = faker.person.sex() as 'female' | 'male';
    const first = faker.person.firstName(sex);
    const last = faker.person.lastName();
    const linked = accounts.length > 0 && faker.datatype.boolean({ probability: 0.88 });
    const account = linked ? faker.helpers.arrayElement(accounts) : undefined;
    const owner = account
      ? (clients.find((c) => c.id === account.row['owner_id']) ?? faker.helpers.arrayElement(activeClients))
      : faker.helpers.arrayElement(activeClients);
    const created = account ? between(Math.max(Number(account.row['created']), daysAgo(0, 365)), R) : daysAgo(0, 365);
    const jobTitle = faker.person.jobTitle();
    const email = account
      ? `${faker.helpers.slugify(first)}.${faker.helpers.slugify(last)}@${account.domain}`.toLowerCase()
      : faker.internet.email({ firstName: first, lastName: last }).toLowerCase();
    const row = put(
      'Contacts',
      {
        first_name: first,
        last_name: last,
        middle_name: faker.datatype.boolean({ probability: 0.1 }) ? faker.person.middleName(sex) : '',
        title: faker.datatype.boolean({ probability: 0.3 }) ? faker.helpers.arrayElement(['Mr.', 'Ms.', 'Dr.']) : '',
        gender: faker.datatype.boolean({ probability: 0.1 }) ? 0 : sex === 'female' ? 2 : 1,
        email1: email,
        phone1: faker.phone.number({ style: 'national' }),
        city: faker.datatype.boolean({ probability: 0.5 }) ? faker.location.city() : '',
        owner_id: owner.id,
        unit_id: owner['default_unit_id'],
        // Unlinked contacts keep their job title as the quick account position.
        position: account ? '' : jobTitle,
      },
      created,
      between(created, R),
    );
    contacts.push(row);
    if (!account) continue;
    put(
      'ContactAccountRelations',
      { contact_id: row.id, account_id: account.row.id, is_primary: true, position: jobTitle },
      created,
    );
    contactsByAccount.set(account.row.id, [...(contactsByAccount.get(account.row.id) ?? []), row]);
    if (accounts.length > 1 && faker.datatype.boolean({ probability: 0.2 })) {
      let other = faker.helpers.arrayElement(accounts);
      if (other === account) other = accounts[(accounts.indexOf(account) + 1) % accounts.length] ?? account;
      put(
        'ContactAccountRelations',
        { contact_id: row.id, account_id: other.row.id, is_primary: false, position: faker.person.jobTitle() },
        created,
      );
    }
  }

  // Opportunities over pipelines, steps and statuses, each with a primary account and contacts.
  for (let i = 0; i < plan.size.opportunities; i += 1) {
    const pi = faker.helpers.weightedArrayElement([
      { weight: 6, value: 0 },
      { weight: 2, value: 1 },
      { weight: 2, value: 2 },
    ]);
    const pipeline = pipelines[pi] ?? pipelines[0];
    if (!pipeline) break;
    const status = faker.helpers.weightedArrayElement([
      { weight: 60, value: 1 },
      { weight: 25, value: 3 },
      { weight: 15, value: 2 },
    ]);
    const step = status === 3 ? pipeline.steps[pipeline.steps.length - 1] : faker.helpers.arrayElement(pipeline.steps);
    if (!step) break;
    const account = accounts.length > 0 ? faker.helpers.arrayElement(accounts) : undefined;
    const owner = account
      ? (clients.find((c) => c.id === account.row['owner_id']) ?? faker.helpers.arrayElement(activeClients))
      : faker.helpers.arrayElement(activeClients);
    const created = account ? between(Math.max(Number(account.row['created']), daysAgo(5, 365)), R) : daysAgo(5, 365);
    const closedAt = status === 1 ? null : between(created, R);
    const modified = closedAt ?? between(created, R);
    const currencyIndex = faker.helpers.weightedArrayElement([
      { weight: 70, value: 0 },
      { weight: 15, value: 1 },
      { weight: 10, value: 2 },
      { weight: 5, value: 3 },
    ]);
    const currency = currencies[currencyIndex] ?? currencies[0];
    if (!currency) break;
    const foreign = faker.number.int({ min: 10, max: 2500 }) * 100;
    const rate = currencyIndex === 0 ? 1 : (currentRates.get(currency.id) ?? 1);
    const pipelineTypes = types.filter((t) => t['pipeline_id'] === pipeline.row.id);
    const closing = status === 1 ? R + faker.number.int({ min: -20, max: 150 }) * day : (closedAt ?? R);
    const row = put(
      'Opportunities',
      {
        name: `${account ? `${String(account.row['name'])} - ` : ''}${faker.helpers.arrayElement(DEAL_KINDS)}`,
        owner_id: owner.id,
        unit_id: owner['default_unit_id'],
        step_id: step.id,
        oppty_type_id: pipelineTypes.length > 0 ? faker.helpers.arrayElement(pipelineTypes).id : null,
        closing_date: dateOnlyFromMicros(closing),
        value: {
          base_value: currencyIndex === 0 ? foreign : roundMoney(foreign / rate),
          currency_id: currency.id,
          value_foreign: foreign,
        },
        product_currency_id: currency.id,
        status,
        won_date: status === 3 ? closedAt : null,
        lost_date: status === 2 ? closedAt : null,
        qualify_date: faker.datatype.boolean({ probability: 0.5 }) ? between(created, modified) : null,
        was_qualified: status !== 1 || faker.datatype.boolean({ probability: 0.4 }),
        ranking: faker.number.int({ min: 1, max: 10 }),
        // Only the spec's flags (1 Priority, 2 Hot, 4 Stalled); most opportunities have none.
        label_flag: faker.helpers.weightedArrayElement<number | null>([
          { weight: 15, value: null },
          { weight: 2, value: 1 },
          { weight: 2, value: 2 },
          { weight: 1, value: 4 },
        ]),
        description: faker.datatype.boolean({ probability: 0.4 }) ? faker.company.catchPhrase() : '',
        _step_changed: between(created, modified),
      },
      created,
      modified,
    );
    if (account) {
      put(
        'LeadOpptyAccountRelations',
        { lead_oppty_id: row.id, account_id: account.row.id, is_primary: true },
        created,
      );
    }
    const pool = (account && contactsByAccount.get(account.row.id)) || [];
    const wanted = faker.number.int({ min: 1, max: 3 });
    const chosen = faker.helpers.arrayElements(pool, Math.min(wanted, pool.length));
    while (chosen.length < wanted && contacts.length > chosen.length) {
      const extra = faker.helpers.arrayElement(contacts);
      if (!chosen.includes(extra)) chosen.push(extra);
    }
    chosen.forEach((c, ci) => {
      put('LeadOpptyContactRelations', { lead_oppty_id: row.id, contact_id: c.id, is_primary: ci === 0 }, created);
    });
  }
}
