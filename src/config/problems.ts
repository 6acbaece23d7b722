import type { z } from 'zod';
import { SIMULATOR_VENDOR_KEYS } from '../vendors';
import { SIMULATOR_SUPPLIES_ALWAYS } from '../vendors/simulatable';
import { valueAt } from './paths';

type Issue = z.core.$ZodIssue;

/** One thing wrong with a config: where, and what. Never the value found there. */
export interface Problem {
  path: PropertyKey[];
  message: string;
}

/**
 * Zod's issues as problems a person can act on, one per bad key. The wording is ours wherever
 * zod's could carry a value (a secret may sit in any string), and as a last guard the value
 * found at a problem's own key is cut out of its message.
 */
export function describeIssues(issues: readonly Issue[], document: unknown, base: readonly PropertyKey[] = []): Problem[] {
  return issues
    .flatMap((issue) => describe(issue, document, [...base, ...issue.path]))
    .map((p) => ({ path: p.path, message: withoutValue(p.message, valueAt(document, p.path)) }));
}

function describe(issue: Issue, document: unknown, path: PropertyKey[]): Problem[] {
  const found = valueAt(document, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: 'is not a known key' }));
    case 'invalid_union':
      return describeUnion(issue, document, path);
    case 'invalid_type':
      if (found === undefined) return [{ path, message: requiredMessage(document, path) }];
      return [{ path, message: ownMessage(issue.message, 'Invalid input') ?? `must be ${article(issue.expected)}` }];
    case 'invalid_value':
      return [{ path, message: `must be ${oneOf(issue.values)}` }];
    case 'too_big':
    case 'too_small':
      return [{ path, message: ownMessage(issue.message, 'Too ') ?? bound(issue) }];
    case 'invalid_format':
      return [{ path, message: ownMessage(issue.message, 'Invalid ') ?? FORMATS[issue.format] ?? issue.message }];
    case 'not_multiple_of':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      // Our own messages, or zod's for kinds our schemas do not use; they state the rule.
      return [{ path, message: issue.message }];
  }
}

/**
 * A discriminated union names the allowed discriminators; a plain union (`false` or an object,
 * a number or a name) is reported through the one branch whose shape the value has, else as a
 * list of the accepted kinds.
 */
function describeUnion(issue: Extract<Issue, { code: 'invalid_union' }>, document: unknown, path: PropertyKey[]): Problem[] {
  if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
    const options = issue.options.filter((o) => o !== undefined && o !== null);
    return [{ path, message: `must be ${oneOf(options)}` }];
  }
  const shaped = issue.errors.filter((branch) => !branch.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')));
  if (shaped.length === 1) return describeIssues(shaped[0] ?? [], document, path);
  const kinds = issue.errors.flatMap((branch) =>
    branch.flatMap((i) => (i.code === 'invalid_type' ? [article(i.expected)] : i.code === 'invalid_value' ? i.values.map(show) : [])),
  );
  return [{ path, message: kinds.length > 0 ? `must be ${[...new Set(kinds)].join(' or ')}` : 'matches none of the forms this key accepts' }];
}

/** A source key the built-in simulator could supply gets the hint that it can. */
function requiredMessage(document: unknown, path: PropertyKey[]): string {
  const [top, index, key, ...deeper] = path;
  if (top === 'sources' && typeof index === 'number' && typeof key === 'string' && deeper.length === 0) {
    const vendor = valueAt(document, ['sources', index, 'vendor']);
    const vendorKeys: readonly string[] =
      typeof vendor === 'string' && vendor in SIMULATOR_VENDOR_KEYS ? SIMULATOR_VENDOR_KEYS[vendor as keyof typeof SIMULATOR_VENDOR_KEYS] : [];
    if ([...SIMULATOR_SUPPLIES_ALWAYS, ...vendorKeys].includes(key)) {
      return 'is required (or write "simulator": true to run the built-in simulator instead)';
    }
  }
  return 'is required';
}

/** A message a schema wrote itself, rather than zod's default for that kind of issue. */
function ownMessage(message: string, zodDefault: string): string | undefined {
  return message.startsWith(zodDefault) ? undefined : message;
}

const FORMATS: Record<string, string> = {
  url: 'must be a URL with a scheme this key allows',
  guid: 'must be an id of 32 hex digits as 8-4-4-4-12',
  uuid: 'must be a UUID',
  email: 'must be an e-mail address',
};

function bound(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const small = issue.code === 'too_small';
  const limit = String(small ? issue.minimum : issue.maximum);
  const strict = issue.inclusive === false;
  if (issue.origin === 'string') {
    return small && limit === '1' ? 'must not be empty' : `must have ${small ? 'at least' : 'at most'} ${limit} characters`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') return `must have ${small ? 'at least' : 'at most'} ${limit} items`;
  return `must be ${small ? (strict ? 'more than' : 'at least') : strict ? 'less than' : 'at most'} ${limit}`;
}

/** The last guard: whatever a message says, it never repeats the value at its key. */
function withoutValue(message: string, found: unknown): string {
  if (typeof found !== 'string' || found.length < 4) return message;
  return message.split(found).join('(value)');
}

function article(expected: string): string {
  if (expected === 'never') return 'absent';
  if (expected === 'int') return 'an integer';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** The allowed values come from the schema, never from the config. */
function oneOf(values: readonly unknown[]): string {
  return values.length === 1 ? show(values[0]) : `one of ${values.map(show).join(', ')}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
