import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Contract checks against schema fixtures: small JSON files derived from a vendor's official
 * spec (test/fixtures/<vendor>/<Schema>.json, facts only: property names, JSON types, formats,
 * enums, readOnly, required). Used for simulator responses and for the request bodies a
 * connector sends. See test/fixtures/pipeliner/README.md for how the files are made.
 */

/** One property as the spec declares it. */
export interface PropertyFact {
  /** JSON type: string, integer, number, boolean, object, array (the spec's odd `list` = array). */
  type: string;
  format?: string;
  enum?: unknown[];
  readOnly?: boolean;
  items?: PropertyFact;
  properties?: Record<string, PropertyFact>;
  required?: string[];
  /** The schema a `$ref` pointed at (inlined here). */
  ref?: string;
  /** For nested relation items: the create-input schema the spec says they follow. */
  see?: string;
}

export interface SchemaFixture {
  schema: string;
  source: string;
  required: string[];
  /** Top-level properties that may be null (relations and dates when unset). */
  nullable: string[];
  properties: Record<string, PropertyFact>;
  /** Set by `loadSchemaFixture`: the folder, so `see` references resolve to sibling files. */
  dir?: string;
}

export interface ContractOptions {
  /**
   * Dotted paths whose required-ness is relaxed, with `[]` for array items, e.g.
   * `'value.value_foreign'` (the docs allow sending either amount).
   */
  optional?: string[];
  /** Skip every required check (partial bodies such as PATCH). */
  skipRequired?: boolean;
  /** Report read-only properties present in the value (useful for request bodies). */
  forbidReadOnly?: boolean;
  /** Resolves `see` schemas of nested items; defaults to sibling fixture files. */
  resolve?: (schema: string) => SchemaFixture | undefined;
}

const FIXTURES = join(__dirname, '..', 'fixtures');
/** Formats whose values come back null when unset (recorded captures); also applied when nested. */
const NULLABLE_FORMATS = new Set(['uuid', 'uri', 'date', 'date-time']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads `test/fixtures/<vendor>/<schema>.json`. */
export function loadSchemaFixture(vendor: string, schema: string): SchemaFixture {
  const dir = join(FIXTURES, vendor);
  const fixture = JSON.parse(readFileSync(join(dir, `${schema}.json`), 'utf8')) as SchemaFixture;
  return { ...fixture, dir };
}

function siblingResolver(fixture: SchemaFixture): (schema: string) => SchemaFixture | undefined {
  return (schema) => {
    if (!fixture.dir) return undefined;
    const file = join(fixture.dir, `${schema}.json`);
    return existsSync(file)
      ? { ...(JSON.parse(readFileSync(file, 'utf8')) as SchemaFixture), dir: fixture.dir }
      : undefined;
  };
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v;
}

function typeMatches(fact: PropertyFact, v: unknown): boolean {
  const t = jsonType(v);
  const declared = fact.type === 'list' ? 'array' : fact.type;
  if (declared === t || (declared === 'number' && t === 'integer')) return true;
  // Spec quirk: a property typed "string" whose enum holds integers (Opportunity.label_flag).
  const first = fact.enum?.[0];
  return first !== undefined && jsonType(first) === t;
}

function formatProblem(fact: PropertyFact, v: unknown): string | null {
  if (typeof v !== 'string' || !fact.format) return null;
  const ok =
    fact.format === 'uuid'
      ? UUID.test(v)
      : fact.format === 'uri'
        ? /^https?:\/\/\S+$/.test(v)
        : fact.format === 'date-time'
          ? DATE_TIME.test(v)
          : fact.format === 'date'
            ? DATE.test(v)
            : true;
  return ok ? null : `is not a valid ${fact.format}: ${JSON.stringify(v)}`;
}

interface Walk {
  problems: string[];
  options: ContractOptions;
  resolve: (schema: string) => SchemaFixture | undefined;
}

function checkObject(
  w: Walk,
  path: string,
  value: Record<string, unknown>,
  properties: Record<string, PropertyFact>,
  required: string[],
  nullable: (name: string, fact: PropertyFact) => boolean,
): void {
  for (const [key, v] of Object.entries(value)) {
    const fact = properties[key];
    const at = path ? `${path}.${key}` : key;
    if (!fact) {
      w.problems.push(`${at} is not declared by the schema`);
      continue;
    }
    if (v === null) {
      if (!nullable(key, fact)) w.problems.push(`${at} is null but the schema does not allow it`);
      continue;
    }
    if (w.options.forbidReadOnly && fact.readOnly) w.problems.push(`${at} is read-only`);
    checkValue(w, at, fact, v);
  }
  if (w.options.skipRequired) return;
  for (const name of required) {
    const at = path ? `${path}.${name}` : name;
    if (!(name in value) && !w.options.optional?.includes(at)) w.problems.push(`${at} is required but missing`);
  }
}

function checkValue(w: Walk, path: string, fact: PropertyFact, v: unknown): void {
  if (!typeMatches(fact, v)) {
    w.problems.push(`${path} should be ${fact.type}${fact.format ? `/${fact.format}` : ''} but is ${jsonType(v)}`);
    return;
  }
  const bad = formatProblem(fact, v);
  if (bad) w.problems.push(`${path} ${bad}`);
  if (Array.isArray(v) && fact.items) {
    const items = fact.items;
    v.forEach((item, i) => {
      if (item === null) w.problems.push(`${path}[${i}] is null`);
      else checkValue(w, `${path}[]`, items, item);
    });
    return;
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const obj = v as Record<string, unknown>;
    const nestedNullable = (_: string, f: PropertyFact): boolean => NULLABLE_FORMATS.has(f.format ?? '');
    const seen = fact.see ? w.resolve(fact.see) : undefined;
    if (seen) {
      // Nested relation item: may use the generic `{id}` reference or the fields of the schema
      // the spec points at (the vendor's own connector sends e.g. {account_id, is_primary}).
      // Back-references (contact_id, lead_oppty_id) are filled by the server, so nothing is
      // required here.
      const props = { ...seen.properties, ...(fact.properties ?? {}) };
      checkObject({ ...w, options: { ...w.options, skipRequired: true } }, path, obj, props, [], nestedNullable);
    } else if (fact.properties) {
      checkObject(w, path, obj, fact.properties, fact.required ?? [], nestedNullable);
    }
  }
}

/** Every problem found, as readable lines (empty when the value conforms). */
export function schemaFixtureProblems(value: unknown, fixture: SchemaFixture, options: ContractOptions = {}): string[] {
  const w: Walk = { problems: [], options, resolve: options.resolve ?? siblingResolver(fixture) };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${fixture.schema}: expected an object, got ${jsonType(value)}`];
  }
  const nullable = new Set(fixture.nullable);
  checkObject(w, '', value as Record<string, unknown>, fixture.properties, fixture.required, (name) =>
    nullable.has(name),
  );
  return w.problems.map((p) => `${fixture.schema}: ${p}`);
}

/**
 * Throws (failing the test) unless `value` conforms to the fixture: every property it has is
 * declared with a compatible JSON type and format, every required property is present, and
 * nulls appear only where the fixture tolerates them.
 */
export function expectMatchesSchemaFixture(
  value: unknown,
  fixture: SchemaFixture,
  options: ContractOptions = {},
): void {
  const problems = schemaFixtureProblems(value, fixture, options);
  if (problems.length > 0) {
    throw new Error(`Value does not match schema fixture ${fixture.schema}:\n  ${problems.join('\n  ')}`);
  }
}
