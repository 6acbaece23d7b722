import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Checks a request body the connector sent against the Swagger-derived fixtures in
 * test/fixtures/superoffice (see that folder's README). A create body is a *partial* entity:
 * every property it has must be declared by the definition with a compatible JSON type
 * (integers for ids, `date-time` strings, enum members), nested carriers checked the same way
 * against their own definitions; properties it leaves out keep the tenant's defaults.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: string[];
  items?: Schema;
  additionalProperties?: Schema;
}

interface Fixture {
  definition: string;
  properties: Record<string, Schema>;
}

const DIR = join(__dirname, '..', '..', 'fixtures', 'superoffice');
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Fixture;
}

/** Every way `body` departs from the definition `name` (empty = it conforms). */
export function partialBodyProblems(name: string, body: unknown): string[] {
  const problems: string[] = [];
  checkRef(name, body, name, problems);
  return problems;
}

function checkRef(name: string, value: unknown, path: string, problems: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path}: expected an object (${name}), got ${JSON.stringify(value)}`);
    return;
  }
  const def = fixture(name);
  for (const [key, v] of Object.entries(value)) {
    const schema = def.properties[key];
    if (!schema) problems.push(`${path}.${key}: not a property of ${def.definition}`);
    else check(schema, v, `${path}.${key}`, problems);
  }
}

function check(schema: Schema, value: unknown, path: string, problems: string[]): void {
  if (schema.$ref) return checkRef(schema.$ref, value, path, problems);
  const fail = (what: string): void => {
    problems.push(`${path}: expected ${what}, got ${JSON.stringify(value)}`);
  };
  switch (schema.type ?? 'any') {
    case 'integer':
      if (!Number.isInteger(value)) fail('an integer');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('a number');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail('a boolean');
      return;
    case 'string':
      if (typeof value !== 'string') return fail('a string');
      if (schema.format === 'date-time' && !DATE_TIME.test(value)) fail('a date-time');
      if (schema.enum && !schema.enum.includes(value)) fail(`one of ${schema.enum.join('|')}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return fail('an array');
      if (schema.items) value.forEach((item, i) => check(schema.items as Schema, item, `${path}[${i}]`, problems));
      return;
    default:
      return;
  }
}
