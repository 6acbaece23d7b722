import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEGACY_LIST_PARAMETERS, OPERATION_PARAMETERS } from '../../../src/simulators/pipeliner/parameters';
import { FILTER_OPS } from '../../../src/simulators/pipeliner/query';
import { startPipeliner } from './harness';
import { pipelinerContractProblems } from './specContract';

/**
 * The spec-derived request contract: what it refuses, that the simulator's own tables are the
 * fixtures' (so demo mode is as strict as the tests), and that the connector harness applies
 * it to every request of every suite.
 */
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'pipeliner');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
const BASE = '/api/v100/rest/spaces/demo_Space/entities';
const ID = '0190978c-d6d1-7000-8000-000000000001';

function problems(method: string, path: string, query: Record<string, string> = {}, body?: unknown): string[] {
  return pipelinerContractProblems({ method, path: `${BASE}${path}`, query: new URLSearchParams(query), body });
}

describe('Pipeliner spec contract: queries', () => {
  it('accepts what the connector sends', () => {
    expect(
      problems('GET', '/Contacts', {
        first: '100',
        after: 'WyJ4Il0=',
        'order-by': '-created',
        expand: 'account_relations.account,owner,primary_account',
        'filter[email1]': "o'neil@x.test",
        'filter-op[email1]': 'ieq',
      }),
    ).toEqual([]);
    expect(
      problems('GET', '/Opportunities', {
        first: '20',
        'filter[status]': '1',
        'filter-op[status]': 'eq',
        'filter[modified]': '2026-01-01 00:00:00',
        'filter-op[modified]': 'gte',
        'filter[step_id]': ID,
        'filter-op[step_id]': 'eq',
      }),
    ).toEqual([]);
    expect(problems('GET', `/Contacts/${ID}`, { expand: 'owner,primary_account' })).toEqual([]);
    expect(
      problems('POST', '/Contacts/batch-modify', { 'rollback-method': '1' }, [{ owner_id: ID, first_name: 'A' }]),
    ).toEqual([]);
  });

  it.each([
    ['load-only on a read by id', 'GET', `/Contacts/${ID}`, { 'load-only': 'id' }],
    ['paging on a read by id', 'GET', `/Contacts/${ID}`, { first: '5' }],
    ['expand on an update', 'PATCH', `/Contacts/${ID}`, { expand: 'owner' }],
    ['an undeclared parameter', 'GET', '/Contacts', { limit: '5' }],
    ['more than 100 a page', 'GET', '/Contacts', { first: '101' }],
    ['a column the entity lacks', 'GET', '/Contacts', { 'filter[email]': 'x' }],
    ['an operator the spec lacks', 'GET', '/Contacts', { 'filter[email1]': 'x', 'filter-op[email1]': 'like' }],
    ['a text operator on a uuid', 'GET', '/Contacts', { 'filter[owner_id]': ID, 'filter-op[owner_id]': 'icontains' }],
    [
      'an ISO instant for a date-time',
      'GET',
      '/Contacts',
      { 'filter[modified]': '2026-01-01T00:00:00.000Z', 'filter-op[modified]': 'gte' },
    ],
    ['a status outside its enum', 'GET', '/Opportunities', { 'filter[status]': '0' }],
    [
      'a value for a valueless operator',
      'GET',
      '/Steps',
      { 'filter[pipeline_id]': ID, 'filter-op[pipeline_id]': 'not-null' },
    ],
    ['expand of a plain field', 'GET', '/Contacts', { expand: 'first_name' }],
    ['order-by an unknown field', 'GET', '/Contacts', { 'order-by': '-updated' }],
    ['a method the spec does not declare', 'PUT', `/Contacts/${ID}`, {}],
  ])('refuses %s', (_what, method, path, query) => {
    expect(problems(method, path, query, method === 'GET' ? undefined : [])).not.toEqual([]);
  });
});

describe('Pipeliner spec contract: bodies', () => {
  it('refuses read-only fields, undeclared fields, wrong types and undocumented enum values', () => {
    expect(
      problems('POST', '/Contacts', {}, { owner_id: ID, first_name: 'A', modified: '2026-01-01 00:00:00' }),
    ).toEqual([expect.stringContaining('read-only')]);
    expect(problems('POST', '/Contacts', {}, { owner_id: ID, first_name: 'A', formatted_name: 'A' })).toEqual([
      expect.stringContaining('not declared'),
    ]);
    expect(problems('POST', '/Accounts', {}, { owner_id: ID, name: 'A', email: 'a@x' })).toEqual([
      expect.stringContaining('not declared'),
    ]);
    expect(problems('PATCH', `/Opportunities/${ID}`, {}, { label_flag: 0 })).toEqual([
      expect.stringContaining('not one of [1,2,4]'),
    ]);
    expect(problems('POST', '/Accounts', {}, { owner_id: 'nope', name: 'A' })).toEqual([
      expect.stringContaining('uuid'),
    ]);
    expect(problems('POST', '/Contacts/batch-delete', {}, ['x'])).not.toEqual([]);
    expect(problems('GET', '/Contacts', {}, { a: 1 })).not.toEqual([]);
  });
});

describe('Pipeliner spec contract: the simulator follows it', () => {
  it('takes on each operation the parameters of the spec and the API-parameters page (plus the legacy list paging)', () => {
    const query = fixture('queryParameters');
    const page = fixture('apiParametersPage');
    for (const [operation, declared] of Object.entries(OPERATION_PARAMETERS)) {
      const fromSpec = Object.keys(query.operations[operation].parameters);
      const fromPage = Object.entries(page.endpointTypes as Record<string, string[]>)
        .filter(([, types]) => types.includes(operation))
        .map(([name]) => name);
      const legacy = operation === 'list' ? [...LEGACY_LIST_PARAMETERS] : [];
      expect([...declared].sort()).toEqual([...new Set([...fromSpec, ...fromPage, ...legacy])].sort());
    }
    expect([...FILTER_OPS].sort()).toEqual([...query.filterOperators].sort());
  });

  it('refuses a stray request in the connector harness, and the harness reports it', async () => {
    const s = await startPipeliner({ sim: { size: { accounts: 1, contacts: 1, opportunities: 0 } } });
    try {
      const contact = s.sim.records('Contacts')[0]!;
      const res = await fetch(`${s.sim.apiBase}/entities/Contacts/${contact.id}?load-only=id`, {
        headers: { authorization: s.sim.authorization },
      });
      expect(res.status).toBe(400);
      expect(s.contractProblems).toEqual([expect.stringContaining("does not take parameter 'load-only'")]);
    } finally {
      s.contractProblems.length = 0;
      await s.close();
    }
  });
});
