import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import type { Demo } from '../../src/demo';
import { buildSchema } from '../../src/graphql/schema';
import { demoGateway } from '../support/gateway';
import type { ExecuteResult, Gateway } from '../../src/server';

/**
 * The README's demo walkthrough runs as written: every GraphQL operation of the section is
 * valid, runs on demo mode without errors or refused input, and answers what the text says.
 */

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const SECTION = '## Demo walkthrough: one read and one dry-run create per vendor';

function walkthroughOperations(): Array<{ name: string; query: string }> {
  const start = README.indexOf(SECTION);
  if (start < 0) throw new Error(`README has no section "${SECTION}"`);
  const end = README.indexOf('\n## ', start + SECTION.length);
  const section = README.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => {
    const query = m[1]!;
    const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return { name: op?.name?.value ?? '(anonymous)', query };
  });
}

type Check = (data: any, result: ExecuteResult) => void;

const planned = (payload: any) => payload.plannedRequests as Array<{ method: string; path: string; body: any }>;

/** What the README says each answer shows. */
const SAYS: Record<string, Check> = {
  PipelinerContacts: (d, r) => {
    expect(d.contacts.totalCount).toBe(150);
    expect(d.contacts.edges[0].node).toMatchObject({
      name: 'Marty Boehm',
      jobTitle: 'Regional Web Assistant',
      primaryAccount: { name: 'Hoeger and Sons' },
      owner: { name: 'Fernando Hintz' },
    });
    expect((r.extensions?.['vendorRequests'] as any).bySource).toEqual({ pipeliner: 1 });
  },
  PipelinerOpportunityDryRun: (d) => {
    expect(d.createOpportunity.opportunity).toBeNull();
    const [req, ...more] = planned(d.createOpportunity);
    expect(more).toEqual([]);
    expect(req).toMatchObject({ method: 'POST', path: '/entities/Opportunities' });
    expect(req!.body).toMatchObject({ owner_id: '00000000-0000-0000-0000-000000008e97', closing_date: '2027-06-30' });
    expect(req!.body.value).toMatchObject({ base_value: 12500, value_foreign: 12500 });
  },
  SuperOfficeOpenSales: (d) => {
    expect(d.opportunities.edges[0].node).toMatchObject({
      name: 'Hardware refresh - Riverside',
      value: { amount: '61000', currencyCode: 'NOK', baseAmount: '5231.56' },
      pipeline: { name: 'Upsell' },
      stage: { name: 'Contract sent', probability: 80 },
      account: { name: 'Riverside Health Inc' },
      primaryContact: { name: 'Grace Holm' },
      owner: { name: 'Mats Berg' },
    });
  },
  SuperOfficeSaleDryRun: (d) => {
    const [req] = planned(d.createOpportunity);
    expect(req).toMatchObject({ method: 'POST', path: '/Sale' });
    expect(req!.body).toMatchObject({
      Saledate: '2027-06-30T00:00:00',
      Amount: 12500,
      Currency: { Id: 4 },
      SaleType: { Id: 1 },
      Rating: { Id: 1 },
      Probability: 10,
      Status: 'Open',
      Associate: { AssociateId: 1 },
      Contact: { ContactId: 2 },
      Person: { PersonId: 6 },
    });
    expect(d.createOpportunity.warnings).toEqual([expect.stringContaining('Oscar Bakke')]);
  },
  Cin7Account: (d) => {
    expect(d.account).toMatchObject({ name: 'Daniel - McClure', owner: { name: 'Antonietta Kutch' } });
    expect(d.account.contacts.edges.map((e: any) => e.node.name)).toEqual([
      'Alisha Roberts',
      'Lavada Armstrong',
      'Brandi Torphy',
      'Nigel Von',
    ]);
  },
  Cin7SecondaryContactDryRun: (d) => {
    const [req] = planned(d.createContact);
    expect(req).toMatchObject({ method: 'PUT', path: '/v1/Contacts' });
    expect(req!.body[0]).toMatchObject({ id: 37, type: 'Customer' });
    const secondaries = req!.body[0].secondaryContacts as any[];
    expect(secondaries.map((c) => c.firstName)).toEqual(['Lavada', 'Brandi', 'Nigel', 'Ada']);
    expect(secondaries.at(-1).id).toBeUndefined();
  },
  LogiSenseAccounts: (d) => {
    expect(d.accounts.totalCount).toBe(25);
    expect(d.accounts.edges[0].node.name).toBe('Lakeside Telecom Corp.');
    expect(d.accounts.edges[0].node.contacts.edges.map((e: any) => e.node.name)).toEqual([
      'Aaron Alvarez',
      'Felix Novak',
    ]);
  },
  LogiSenseContactDryRun: (d) => {
    const [req] = planned(d.createContact);
    expect(req).toMatchObject({ method: 'PATCH', path: '/Account/10001' });
    expect(req!.body.details).toEqual({});
    const [contact] = req!.body.contacts.items;
    expect(contact).toMatchObject({ patchType: 'create', contactTypeId: 3, firstName: 'Ada' });
    expect(contact.contactPoints.items.map((p: any) => p.value)).toEqual([
      'ada.lovelace@lakeside.example',
      '+1-555-0100',
    ]);
  },
};

describe('README demo walkthrough', () => {
  const operations = walkthroughOperations();
  let demo: Demo;
  let gateway: Gateway;

  beforeAll(async () => {
    ({ demo, gateway } = await demoGateway());
  }, 30_000);
  afterAll(async () => {
    await gateway?.stop();
    await demo?.stop();
  });

  it('has a read and a dry-run create for every vendor, each with what its answer shows', () => {
    expect(operations.map((o) => o.name)).toEqual(Object.keys(SAYS));
    const schema = buildSchema();
    for (const o of operations)
      expect({ name: o.name, errors: validate(schema, parse(o.query)) }).toEqual({ name: o.name, errors: [] });
  });

  it.each(Object.keys(SAYS))('%s runs as written and answers what the README says', async (name) => {
    const op = operations.find((o) => o.name === name)!;
    const result = await gateway.execute(op.query);
    expect(result.errors).toBeUndefined();
    for (const payload of Object.values(result.data ?? {}) as any[]) {
      if (payload && 'userErrors' in payload) expect(payload.userErrors).toEqual([]);
    }
    SAYS[name]!(result.data, result);
  });
});
