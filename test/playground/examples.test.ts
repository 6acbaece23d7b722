import {
  Kind,
  OperationTypeNode,
  parse,
  validate,
  visit,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { Capability, Connector } from '../../src/core/connector';
import type { Demo } from '../../src/demo';
import { buildSchema } from '../../src/graphql/schema';
import { exampleOperations, type ExampleOperation } from '../../src/playground/examples';
import { demoGateway } from '../support/gateway';
import type { Gateway } from '../../src/server';

/**
 * The playground's examples are generated from the sources' declared capabilities; here every
 * one of them, in demo mode, must validate against the served schema and run against the
 * simulators without an error or a refused input. Outside demo mode they must validate too,
 * and never write.
 */

const schema = buildSchema();

function operationOf(e: ExampleOperation): OperationDefinitionNode {
  const doc = parse(e.query);
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  expect(ops).toHaveLength(1);
  return ops[0]!;
}

/** Every `input: { … }` object of a mutation: booleans and strings as values, anything else as its kind. */
function createInputs(doc: DocumentNode): Array<Record<string, unknown>> {
  const inputs: Array<Record<string, unknown>> = [];
  visit(doc, {
    Argument(node) {
      if (node.name.value !== 'input' || node.value.kind !== Kind.OBJECT) return;
      const fields: Record<string, unknown> = {};
      for (const f of node.value.fields) {
        fields[f.name.value] =
          f.value.kind === Kind.BOOLEAN || f.value.kind === Kind.STRING ? f.value.value : f.value.kind;
      }
      inputs.push(fields);
    },
  });
  return inputs;
}

/** Payloads of the root fields of a mutation result. */
function payloads(
  data: Record<string, unknown> | null | undefined,
): Array<{ userErrors?: unknown[]; plannedRequests?: unknown[] | null }> {
  return Object.values(data ?? {}) as Array<{ userErrors?: unknown[]; plannedRequests?: unknown[] | null }>;
}

describe('playground examples on demo mode', () => {
  let demo: Demo;
  let gateway: Gateway;
  let sources: Connector[];
  let examples: ExampleOperation[];

  beforeAll(async () => {
    ({ demo, gateway } = await demoGateway());
    sources = gateway.sources.all();
    examples = exampleOperations(sources, { demo: true });
  }, 30_000);
  afterAll(async () => {
    await gateway?.stop();
    await demo?.stop();
  });

  it('every example is one named operation that validates against the schema', () => {
    expect(examples.length).toBeGreaterThan(sources.length * 3);
    for (const e of examples) {
      const op = operationOf(e);
      expect({ title: e.title, name: op.name?.value ?? null }).toEqual({ title: e.title, name: expect.any(String) });
      expect({ title: e.title, errors: validate(schema, parse(e.query)).map((err) => err.message) }).toEqual({
        title: e.title,
        errors: [],
      });
    }
  });

  it('titles are unique and name the source they are about', () => {
    expect(new Set(examples.map((e) => e.title)).size).toBe(examples.length);
    const [crossSource, ...rest] = examples;
    expect(crossSource!.title).toMatch(/^Find a person by e-mail in every CRM/);
    for (const e of rest.slice(1)) expect(sources.some((s) => e.title.startsWith(`${s.name}: `))).toBe(true);
  });

  it('every example runs without errors and without refused input', async () => {
    for (const e of examples) {
      const res = await gateway.execute(e.query, e.variables);
      expect({ title: e.title, errors: res.errors }).toEqual({ title: e.title, errors: undefined });
      if (operationOf(e).operation === OperationTypeNode.MUTATION) {
        for (const p of payloads(res.data))
          expect({ title: e.title, userErrors: p.userErrors }).toEqual({ title: e.title, userErrors: [] });
        continue;
      }
      // A list example that answers nothing would show nothing: the seeds must match it.
      for (const value of Object.values(res.data ?? {})) {
        const rows = Array.isArray(value) ? value : (value as { edges: unknown[] }).edges;
        expect({ title: e.title, rows: rows.length > 0 }).toEqual({ title: e.title, rows: true });
      }
    }
  }, 60_000);

  it('the cross-source search finds the seeded person', async () => {
    const first = examples[0]!;
    const res = await gateway.execute(first.query, first.variables);
    const edges = (res.data?.['contacts'] as { edges: Array<{ node: { emails: string[]; source: { id: string } } }> })
      .edges;
    expect(edges.length).toBeGreaterThanOrEqual(1);
    expect(edges.every((e) => e.node.emails.includes(first.variables!['email'] as string))).toBe(true);
  });

  it('per source: a list with relations, a dry run per creatable entity and one real create', async () => {
    for (const s of sources) {
      const mine = examples.filter((e) => e.title.startsWith(`${s.name}: `));
      const ops = mine.map((e) => ({ e, op: operationOf(e), inputs: createInputs(parse(e.query)) }));
      expect({ source: s.id, lists: ops.some((o) => o.op.operation === OperationTypeNode.QUERY) }).toEqual({
        source: s.id,
        lists: true,
      });
      const creatable = s.capabilities.filter((c) => c.operations.includes('CREATE')).map((c) => c.entity);
      const dryRuns = ops.filter((o) => o.inputs.some((i) => i['dryRun'] === true));
      const dryCreates = dryRuns.filter((o) => o.inputs.some((i) => 'source' in i));
      expect({ source: s.id, dryRuns: dryCreates.length }).toEqual({ source: s.id, dryRuns: creatable.length });
      const real = ops.filter(
        (o) => o.op.operation === OperationTypeNode.MUTATION && o.inputs.every((i) => i['dryRun'] === undefined),
      );
      expect({ source: s.id, real: real.length }).toEqual({ source: s.id, real: 1 });
      // A dry run answers what the vendor would receive.
      for (const { e } of dryRuns) {
        const res = await gateway.execute(e.query, e.variables);
        for (const p of payloads(res.data)) expect((p.plannedRequests ?? []).length).toBeGreaterThanOrEqual(1);
      }
    }
  }, 30_000);

  it('a source that can rename accounts and has a documented seeded account gets a dry-run update that plans its requests', async () => {
    const updates = examples.filter((e) => e.query.includes('updateAccount('));
    const able = sources.filter((s) => {
      const c = s.capabilities.find((x) => x.entity === 'ACCOUNT');
      return c?.operations.includes('UPDATE') && c.updatableFields.includes('name') && ['SUPEROFFICE', 'LOGISENSE'].includes(s.vendor);
    });
    expect(updates.map((e) => e.title.split(':')[0])).toEqual(able.map((s) => s.name));
    expect(updates.length).toBeGreaterThanOrEqual(1);
    for (const e of updates) {
      const res = await gateway.execute(e.query, e.variables);
      const [payload] = payloads(res.data);
      expect({ title: e.title, planned: (payload?.plannedRequests ?? []).length > 0 }).toEqual({ title: e.title, planned: true });
    }
  });

  it('outside demo mode the same sources get examples that validate and never write', () => {
    const offline = exampleOperations(sources, { demo: false });
    expect(offline.length).toBeGreaterThan(sources.length * 2);
    for (const e of offline) {
      expect({ title: e.title, errors: validate(schema, parse(e.query)).map((err) => err.message) }).toEqual({
        title: e.title,
        errors: [],
      });
      if (operationOf(e).operation !== OperationTypeNode.MUTATION) continue;
      for (const input of createInputs(parse(e.query)))
        expect({ title: e.title, dryRun: input['dryRun'] }).toEqual({ title: e.title, dryRun: true });
    }
  });
});

/** A source that declares only what a test gives it; examples never call it. */
function fakeSource(id: string, capabilities: Capability[], extra: Partial<Connector> = {}): Connector {
  return {
    id,
    vendor: 'PIPELINER',
    name: `Source ${id}`,
    capabilities,
    maxPageSize: 100,
    maxBatchSize: 100,
    ...extra,
  } as Connector;
}

describe('examples follow the declared capabilities', () => {
  const contactsOnly = fakeSource('minimal', [
    { entity: 'CONTACT', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
  ]);

  it('a source gets no relation, filter or create it does not declare', () => {
    const mine = exampleOperations([contactsOnly], { demo: true }).filter((e) =>
      e.title.startsWith('Source minimal: '),
    );
    expect(mine).toHaveLength(1);
    const text = mine[0]!.query;
    for (const field of ['primaryAccount', 'owner', 'filter', 'opportunities', 'accounts'])
      expect(text).not.toContain(field);
    expect(validate(schema, parse(text))).toEqual([]);
  });

  it('the e-mail search names the sources that can filter by e-mail when some cannot', () => {
    const withEmail = fakeSource('mail', [
      { entity: 'CONTACT', operations: ['READ', 'LIST'], filters: ['email'], requiredOnCreate: [], updatableFields: [], versionCheck: null },
    ]);
    const [search] = exampleOperations([contactsOnly, withEmail], { demo: false });
    expect(search!.query).toContain('sources: ["mail"]');
    expect(search!.query).not.toContain('primaryAccount');
    expect(validate(schema, parse(search!.query))).toEqual([]);
    expect(exampleOperations([contactsOnly], { demo: false }).some((e) => e.title.startsWith('Find a person'))).toBe(
      false,
    );
  });

  it('a required id comes as a variable, and every entity a source creates gets a dry run', () => {
    const caps: Capability[] = [
      { entity: 'ACCOUNT', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
      { entity: 'CONTACT', operations: ['READ', 'LIST', 'CREATE'], filters: [], requiredOnCreate: ['accountId'], updatableFields: [], versionCheck: null },
      { entity: 'OPPORTUNITY', operations: ['READ', 'LIST', 'CREATE'], filters: [], requiredOnCreate: ['name'], updatableFields: [], versionCheck: null },
    ];
    const s = fakeSource('ids', caps);
    const mutations = exampleOperations([s], { demo: false }).filter((e) => e.query.startsWith('mutation'));
    expect(mutations.map((m) => m.query.match(/create\w+/)?.[0])).toEqual(['createContact', 'createOpportunity']);
    const dry = mutations[0];
    expect(dry!.query).toContain('accountId: $accountId');
    expect(dry!.title).toContain('$accountId');
    expect(Object.keys(dry!.variables ?? {})).toEqual(['accountId']);
    expect(validate(schema, parse(dry!.query))).toEqual([]);
  });
});
