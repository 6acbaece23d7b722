import type { Capability, Operation } from '../../src/core/connector';
import { encodeId, type IdKind } from '../../src/core/globalId';
import type { Entity } from '../../src/core/records';
import type { Demo } from '../../src/demo';
import { demoGateway } from '../support/gateway';
import type { ExecuteResult, Gateway } from '../../src/server';

/**
 * `sources` tells the truth: every capability a connector declares is exercised against its
 * simulator (demo mode, every vendor), and every operation or filter it does not declare must
 * answer UNSUPPORTED_BY_SOURCE — never data, never a crash.
 */

const KIND: Record<Entity, IdKind> = {
  CONTACT: 'Contact', ACCOUNT: 'Account', OPPORTUNITY: 'Opportunity', PIPELINE: 'Pipeline', CURRENCY: 'Currency', USER: 'User',
};
const LIST_FIELD: Partial<Record<Entity, string>> = {
  CONTACT: 'contacts', ACCOUNT: 'accounts', OPPORTUNITY: 'opportunities', PIPELINE: 'pipelines', CURRENCY: 'currencies', USER: 'users',
};
const PAGED: ReadonlySet<Entity> = new Set(['CONTACT', 'ACCOUNT', 'OPPORTUNITY']);
const ALL_FILTERS: Record<string, string[]> = {
  CONTACT: ['email', 'name', 'accountId', 'updatedSince'],
  ACCOUNT: ['name', 'email', 'updatedSince'],
  OPPORTUNITY: ['accountId', 'status', 'pipelineId', 'stageId', 'updatedSince'],
};
const ENTITIES: Entity[] = ['CONTACT', 'ACCOUNT', 'OPPORTUNITY', 'PIPELINE', 'CURRENCY', 'USER'];
const WRITABLE: Entity[] = ['CONTACT', 'ACCOUNT', 'OPPORTUNITY'];

interface SourceInfo {
  id: string;
  capabilities: Capability[];
}

describe('declared capabilities hold against every simulator', () => {
  let demo: Demo;
  let gateway: Gateway;
  let sources: SourceInfo[];

  beforeAll(async () => {
    ({ demo, gateway } = await demoGateway());
    const res = await gateway.execute(`{ sources { id capabilities { entity operations filters requiredOnCreate } } }`);
    sources = (res.data as { sources: SourceInfo[] }).sources;
  }, 30_000);
  afterAll(async () => {
    await gateway.stop();
    await demo.stop();
  });

  const declared = (s: SourceInfo, entity: Entity): Capability | undefined => s.capabilities.find((c) => c.entity === entity);
  const can = (s: SourceInfo, entity: Entity, op: Operation) => declared(s, entity)?.operations.includes(op) ?? false;
  const codes = (r: ExecuteResult) => (r.errors ?? []).map((e) => e.extensions?.['code']);

  async function list(s: SourceInfo, entity: Entity, filter?: Record<string, unknown>): Promise<ExecuteResult> {
    const field = LIST_FIELD[entity]!;
    if (!PAGED.has(entity)) return gateway.execute(`query($s: [ID!]) { ${field}(sources: $s) { id remoteId } }`, { s: [s.id] });
    return gateway.execute(
      `query($s: [ID!], $f: ${entity[0]}${entity.slice(1).toLowerCase()}Filter) { ${field}(sources: $s, first: 5, filter: $f) { edges { node { id remoteId } } } }`,
      { s: [s.id], f: filter ?? null },
    );
  }

  it('covers every vendor in demo mode', () => {
    expect(sources.length).toBeGreaterThanOrEqual(2);
  });

  it('LIST and READ: declared ones answer records, undeclared ones UNSUPPORTED_BY_SOURCE', async () => {
    for (const s of sources) {
      for (const entity of ENTITIES) {
        const res = await list(s, entity);
        if (can(s, entity, 'LIST')) {
          expect({ source: s.id, entity, errors: res.errors }).toEqual({ source: s.id, entity, errors: undefined });
          const data = res.data![LIST_FIELD[entity]!] as any;
          const rows: Array<{ id: string }> = PAGED.has(entity) ? data.edges.map((e: any) => e.node) : data;
          if (can(s, entity, 'READ') && rows[0]) {
            const read = await gateway.execute(`query($id: ID!) { node(id: $id) { id } }`, { id: rows[0].id });
            expect({ source: s.id, entity, read: read.data?.['node'] }).toEqual({ source: s.id, entity, read: { id: rows[0].id } });
          }
        } else {
          expect({ source: s.id, entity, codes: codes(res) }).toEqual({ source: s.id, entity, codes: ['UNSUPPORTED_BY_SOURCE'] });
        }
        if (!can(s, entity, 'READ')) {
          const read = await gateway.execute(`query($id: ID!) { node(id: $id) { id } }`, { id: encodeId(KIND[entity], s.id, '1') });
          expect({ source: s.id, entity, codes: codes(read) }).toEqual({ source: s.id, entity, codes: ['UNSUPPORTED_BY_SOURCE'] });
        }
      }
    }
  });

  it('filters: declared ones apply without error, undeclared ones are refused', async () => {
    for (const s of sources) {
      for (const entity of ['CONTACT', 'ACCOUNT', 'OPPORTUNITY'] as const) {
        if (!can(s, entity, 'LIST')) continue;
        const accounts = await list(s, 'ACCOUNT');
        const accountId = (accounts.data?.['accounts'] as any)?.edges?.[0]?.node.id ?? encodeId('Account', s.id, '1');
        const pipelines = can(s, 'PIPELINE', 'LIST') ? ((await list(s, 'PIPELINE')).data?.['pipelines'] as any[]) : [];
        const samples: Record<string, unknown> = {
          email: 'nobody@example.test',
          name: 'a',
          accountId,
          updatedSince: '2020-01-01T00:00:00Z',
          status: 'OPEN',
          pipelineId: pipelines[0]?.id ?? encodeId('Pipeline', s.id, '1'),
          stageId: encodeId('Stage', s.id, '1'),
        };
        for (const filter of ALL_FILTERS[entity]!) {
          const res = await list(s, entity, { [filter]: samples[filter] });
          const expected = declared(s, entity)!.filters.includes(filter) ? [] : ['UNSUPPORTED_BY_SOURCE'];
          expect({ source: s.id, entity, filter, codes: codes(res) }).toEqual({ source: s.id, entity, filter, codes: expected });
        }
      }
    }
  });

  it('CREATE: declared ones write a minimal valid input, undeclared ones are UNSUPPORTED_BY_SOURCE', async () => {
    for (const s of sources) {
      for (const entity of WRITABLE) {
        const mutation = { CONTACT: 'createContact', ACCOUNT: 'createAccount', OPPORTUNITY: 'createOpportunity' }[entity as 'CONTACT'];
        const inputType = { CONTACT: 'CreateContactInput', ACCOUNT: 'CreateAccountInput', OPPORTUNITY: 'CreateOpportunityInput' }[entity as 'CONTACT'];
        const accounts = can(s, 'ACCOUNT', 'LIST') ? ((await list(s, 'ACCOUNT')).data?.['accounts'] as any).edges : [];
        const input: Record<string, unknown> = {
          CONTACT: { source: s.id, firstName: 'Cap', lastName: 'Check', emails: ['cap.check@example.test'], accountId: accounts[0]?.node.id },
          ACCOUNT: { source: s.id, name: 'Capability Check Ltd' },
          OPPORTUNITY: { source: s.id, name: 'Capability check', closingDate: '2027-01-01', value: { amount: '1' }, accountId: accounts[0]?.node.id },
        }[entity as 'CONTACT'];
        const res = await gateway.execute(
          `mutation($i: ${inputType}!) { ${mutation}(input: $i) { userErrors { field message code } } }`,
          { i: input },
        );
        if (can(s, entity, 'CREATE')) {
          expect({ source: s.id, entity, errors: res.errors, userErrors: (res.data?.[mutation] as any)?.userErrors }).toEqual({
            source: s.id, entity, errors: undefined, userErrors: [],
          });
        } else {
          expect({ source: s.id, entity, codes: codes(res) }).toEqual({ source: s.id, entity, codes: ['UNSUPPORTED_BY_SOURCE'] });
        }
      }
    }
  });
});
