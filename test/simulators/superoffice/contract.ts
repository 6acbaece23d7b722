import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small checker of values against the fixtures in test/fixtures/superoffice (facts derived
 * from the official Swagger; see that folder's README). Rules:
 * - every declared property is present and no undeclared property appears;
 * - integer/number/boolean are never null; strings, arrays, objects and `$ref`s may be null
 *   (.NET reference types); `required` properties are present and not null;
 * - `format: date-time` strings look like `2024-01-31T12:00:00` with an optional `Z`/`±hhmm`;
 * - `enum` strings are members; `$ref`s are checked recursively.
 * Returns the list of violations (empty = conforms).
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
  required: string[];
  properties: Record<string, Schema>;
}

const DIR = join(__dirname, '..', '..', 'fixtures', 'superoffice');
const cache = new Map<string, Fixture>();
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/;

export function loadFixture(name: string): Fixture {
  let f = cache.get(name);
  if (!f) {
    f = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Fixture;
    cache.set(name, f);
  }
  return f;
}

export function conformsTo(fixtureName: string, value: unknown): string[] {
  const problems: string[] = [];
  checkRef(fixtureName, value, fixtureName, problems);
  return problems;
}

function checkRef(name: string, value: unknown, path: string, problems: string[]): void {
  if (value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path}: expected object ${name}, got ${JSON.stringify(value)}`);
    return;
  }
  const fixture = loadFixture(name);
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!(key in fixture.properties)) problems.push(`${path}.${key}: not a property of ${name}`);
  }
  for (const [key, schema] of Object.entries(fixture.properties)) {
    if (!(key in obj)) {
      problems.push(`${path}.${key}: missing`);
      continue;
    }
    check(schema, obj[key], `${path}.${key}`, problems);
  }
  for (const key of fixture.required) {
    if (obj[key] === undefined || obj[key] === null) problems.push(`${path}.${key}: required`);
  }
}

function check(schema: Schema, value: unknown, path: string, problems: string[]): void {
  if (schema.$ref) return checkRef(schema.$ref, value, path, problems);
  switch (schema.type) {
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${path}: expected integer, got ${JSON.stringify(value)}`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${path}: expected number, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${path}: expected boolean, got ${JSON.stringify(value)}`);
      return;
    case 'string':
      if (value === null) return;
      if (typeof value !== 'string') {
        problems.push(`${path}: expected string, got ${JSON.stringify(value)}`);
        return;
      }
      if (schema.format === 'date-time' && !DATE_TIME.test(value)) problems.push(`${path}: not a date-time: ${value}`);
      if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${value} not in ${schema.enum.join('|')}`);
      return;
    case 'array':
      if (value === null) return;
      if (!Array.isArray(value)) {
        problems.push(`${path}: expected array`);
        return;
      }
      if (schema.items) value.forEach((v, i) => check(schema.items as Schema, v, `${path}[${i}]`, problems));
      return;
    case 'object':
      if (value === null) return;
      if (!schema.additionalProperties) return; // a bare "object" is any value
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${path}: expected object`);
        return;
      }
      if (schema.additionalProperties.type === 'object' && !schema.additionalProperties.additionalProperties) return;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        check(schema.additionalProperties, v, `${path}.${k}`, problems);
      }
      return;
    case undefined:
    default:
      return;
  }
}
