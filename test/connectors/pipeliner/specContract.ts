import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedRequest } from '../../../src/simulators/pipeliner';
import {
  loadSchemaFixture,
  schemaFixtureProblems,
  type ContractOptions,
  type PropertyFact,
  type SchemaFixture,
} from '../../support/contract';

/**
 * Every request a Pipeliner connector sends, checked against the fixtures derived from the
 * official spec (test/fixtures/pipeliner/): the query parameters each operation declares
 * (widened only where the vendor's API-parameters page says so), the filter columns (the
 * entity's response properties), the filter operators and the values they take, the fields
 * named in `expand`, `load-only` and `order-by`, and every body against its input schema.
 * The connector harness plugs this into the simulator, so every suite over it checks it.
 */

interface OperationFact {
  method: string;
  entities: string[];
  parameters: Record<string, { type: string; format?: string; style?: string }>;
}

interface QueryFixture {
  operations: Record<string, OperationFact>;
  filterOperators: string[];
}

interface PageFixture {
  endpointTypes: Record<string, string[]>;
  first: { max: number };
}

const DIR = join(__dirname, '..', '..', 'fixtures', 'pipeliner');
const QUERY = JSON.parse(readFileSync(join(DIR, 'queryParameters.json'), 'utf8')) as QueryFixture;
const PAGE = JSON.parse(readFileSync(join(DIR, 'apiParametersPage.json'), 'utf8')) as PageFixture;

const ROUTE = /^\/api\/v100\/rest\/spaces\/[^/]+\/entities\/([^/]+)(?:\/([^/]+))?$/;
/** Operators whose names say they take no value. */
const VALUELESS = new Set(['null', 'not-null', 'empty', 'not-empty']);
/** Operators that match text: only for plain string columns (uuids, dates and numbers are not text). */
const TEXT_MATCHING = new Set(['ieq', 'not-ieq', 'contains', 'starts', 'ends', 'icontains', 'istarts', 'iends']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The vendor's date-time wire form (vendor notes §3), with or without fraction and offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?(\+00:00)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const fixtures = new Map<string, SchemaFixture | null>();
function fixture(name: string): SchemaFixture | null {
  if (!fixtures.has(name)) {
    try {
      fixtures.set(name, loadSchemaFixture('pipeliner', name));
    } catch {
      fixtures.set(name, null);
    }
  }
  return fixtures.get(name) ?? null;
}

function singular(plural: string): string {
  return plural.endsWith('ies') ? `${plural.slice(0, -3)}y` : plural.replace(/s$/, '');
}

function operationOf(method: string, tail: string | undefined): string | null {
  if (tail === undefined) return method === 'GET' ? 'list' : method === 'POST' ? 'create' : null;
  if ((tail === 'batch-modify' || tail === 'batch-delete') && method === 'POST') return tail;
  return method === 'GET' ? 'get' : method === 'PATCH' ? 'update' : method === 'DELETE' ? 'delete' : null;
}

/** Parameters the operation takes: the spec's, plus the page's for that endpoint type. */
function allowedParameters(operation: string): Map<string, { type: string; style?: string }> {
  const allowed = new Map(Object.entries(QUERY.operations[operation]?.parameters ?? {}));
  const listed = QUERY.operations['list']?.parameters ?? {};
  for (const [name, types] of Object.entries(PAGE.endpointTypes)) {
    if (types.includes(operation) && !allowed.has(name)) allowed.set(name, listed[name] ?? { type: 'string' });
  }
  return allowed;
}

function valueProblem(column: string, fact: PropertyFact, value: string): string | null {
  const ok =
    fact.type === 'integer'
      ? /^-?\d+$/.test(value) && (!fact.enum || fact.enum.includes(Number(value)))
      : fact.type === 'number'
        ? Number.isFinite(Number(value)) && value.trim() !== ''
        : fact.type === 'boolean'
          ? value === 'true' || value === 'false'
          : fact.format === 'uuid'
            ? UUID.test(value)
            : fact.format === 'date-time'
              ? DATE_TIME.test(value)
              : fact.format === 'date'
                ? DATE.test(value)
                : true;
  return ok
    ? null
    : `filter[${column}] value ${JSON.stringify(value)} does not fit ${fact.type}${fact.format ? `/${fact.format}` : ''}${fact.enum ? ` ${JSON.stringify(fact.enum)}` : ''}`;
}

function queryProblems(operation: string, entity: SchemaFixture, query: URLSearchParams): string[] {
  const problems: string[] = [];
  const allowed = allowedParameters(operation);
  const props = entity.properties;
  const columns = new Set<string>();
  for (const [key, value] of query) {
    const deep = /^(filter|filter-op)\[([^\]]+)\]$/.exec(key);
    const name = deep?.[1] ?? key;
    const fact = allowed.get(name);
    if (!fact || (fact.style === 'deepObject') !== Boolean(deep)) {
      problems.push(`${operation} does not take parameter '${key}'`);
      continue;
    }
    if (deep?.[2]) columns.add(deep[2]);
    if (fact.type === 'integer' && !/^\d+$/.test(value)) problems.push(`${key}=${value} is not an integer`);
    if (fact.type === 'boolean' && value !== 'true' && value !== 'false')
      problems.push(`${key}=${value} is not a boolean`);
    if (name === 'first' && Number(value) > PAGE.first.max) problems.push(`first=${value} is above ${PAGE.first.max}`);
    if (name === 'expand' || name === 'load-only') {
      for (const path of value.split(',')) {
        const head = props[path.split('.')[0] ?? ''];
        const relation = head && (head.format === 'uri' || head.type === 'array' || head.type === 'object');
        if (!head || (name === 'expand' && !relation))
          problems.push(
            `${name} names '${path}', not a ${name === 'expand' ? 'relation' : 'field'} of ${entity.schema}`,
          );
      }
    }
    if (name === 'order-by') {
      for (const part of value.split(','))
        if (!props[part.replace(/^-/, '')]) problems.push(`order-by names '${part}', not a field of ${entity.schema}`);
    }
  }
  for (const column of columns) {
    const fact = props[column];
    if (!fact) {
      problems.push(`filter column '${column}' is not a field of ${entity.schema}`);
      continue;
    }
    const op = query.get(`filter-op[${column}]`) ?? 'eq';
    const value = query.get(`filter[${column}]`);
    if (!QUERY.filterOperators.includes(op)) problems.push(`filter-op[${column}]=${op} is not an operator of the spec`);
    if (TEXT_MATCHING.has(op) && (fact.type !== 'string' || fact.format))
      problems.push(
        `filter-op[${column}]=${op} matches text, but ${column} is ${fact.type}${fact.format ? `/${fact.format}` : ''}`,
      );
    if (VALUELESS.has(op)) {
      if (value !== null) problems.push(`filter-op[${column}]=${op} takes no value`);
    } else if (value === null) {
      problems.push(`filter-op[${column}]=${op} needs filter[${column}]`);
    } else {
      const parts = op === 'between' ? value.split(',') : [value];
      for (const part of parts) {
        const bad = valueProblem(column, fact, part);
        if (bad) problems.push(bad);
      }
    }
  }
  return problems;
}

/** Top-level enum values, which the shared schema walk does not check (e.g. `label_flag`). */
function enumProblems(body: Record<string, unknown>, schema: SchemaFixture): string[] {
  return Object.entries(body).flatMap(([key, v]) => {
    const allowed = schema.properties[key]?.enum;
    return allowed && v !== null && !allowed.includes(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v)
      ? [`${schema.schema}: ${key}=${JSON.stringify(v)} is not one of ${JSON.stringify(allowed)}`]
      : [];
  });
}

/** Nested relation items leave out `lead_oppty_id` (vendor notes §3.3): the server fills it. */
const CREATE_OPTIONS: ContractOptions = {
  forbidReadOnly: true,
  optional: ['account_relations[].lead_oppty_id', 'contact_relations[].lead_oppty_id'],
};

/**
 * The schema a nested relation item of an update body names (`see`). The fixtures hold the
 * create inputs of the relation entities; in the spec their update inputs are the same fields
 * without the create-only stamps `created` and `modified`, so those are dropped here.
 */
function updateRelationInput(name: string): SchemaFixture | undefined {
  const own = fixture(name);
  if (own) return own;
  const create = /^update(\w+)Input$/.exec(name) ? fixture(name.replace(/^update/, 'create')) : null;
  if (!create) return undefined;
  const { created: _created, modified: _modified, ...properties } = create.properties;
  return { ...create, schema: name, required: [], properties };
}

function itemProblems(schemaName: string, item: unknown, update: boolean): string[] {
  const schema = fixture(`${update ? 'update' : 'create'}${schemaName}Input`);
  if (!schema) return [`no input fixture for ${update ? 'updating' : 'creating'} ${schemaName}`];
  const problems = schemaFixtureProblems(
    item,
    schema,
    update ? { forbidReadOnly: true, skipRequired: true, resolve: updateRelationInput } : CREATE_OPTIONS,
  );
  return typeof item === 'object' && item !== null && !Array.isArray(item)
    ? [...problems, ...enumProblems(item as Record<string, unknown>, schema)]
    : problems;
}

function bodyProblems(operation: string, schemaName: string, body: unknown): string[] {
  switch (operation) {
    case 'create':
      return itemProblems(schemaName, body, false);
    case 'update':
      return itemProblems(schemaName, body, true);
    case 'batch-modify':
      if (!Array.isArray(body)) return ['batch-modify body is not an array'];
      return body.flatMap((item: unknown) => {
        if (typeof item !== 'object' || item === null || !('id' in item)) return itemProblems(schemaName, item, false);
        // `batch<Entity>Input` is the update input plus `id` (uuid), the record to update.
        const { id, ...fields } = item as Record<string, unknown>;
        const idProblem = typeof id === 'string' && UUID.test(id) ? [] : [`batch item id ${JSON.stringify(id)} is not a uuid`];
        return [...idProblem, ...itemProblems(schemaName, fields, true)];
      });
    case 'batch-delete':
      return Array.isArray(body) && body.every((id) => typeof id === 'string' && UUID.test(id))
        ? []
        : ['batch-delete body is not an array of ids'];
    default:
      return body === undefined ? [] : [`${operation} sends a body`];
  }
}

/** Problems of one request against the spec-derived fixtures; none for paths outside the entity routes. */
export function pipelinerContractProblems(request: CheckedRequest): string[] {
  const m = ROUTE.exec(request.path);
  if (!m?.[1]) return [];
  const plural = decodeURIComponent(m[1]);
  const tail = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
  const operation = operationOf(request.method, tail);
  const where = `${request.method} ${plural}${tail === undefined ? '' : `/${tail}`}`;
  if (!operation) return [`${where}: no such operation in the spec`];
  if (!QUERY.operations[operation]?.entities.includes(plural))
    return [`${where}: the spec has no ${operation} for ${plural}`];
  const entity = fixture(singular(plural));
  if (!entity) return [`${where}: no response fixture for ${plural}`];
  return [
    ...queryProblems(operation, entity, request.query),
    ...bodyProblems(operation, singular(plural), request.body),
  ].map((p) => `${where}: ${p}`);
}
