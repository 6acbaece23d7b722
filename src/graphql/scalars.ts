import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';

/** `Date`: graphql-scalars' LocalDate (kept as the `YYYY-MM-DD` string), under our name. */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD`.',
});

/** `DateTime`: graphql-scalars' validation, normalised to an ISO 8601 UTC string both ways. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with offset.',
  serialize: (value) => toIso(GraphQLDateTime.serialize(value)),
  parseValue: (value) => toIso(GraphQLDateTime.parseValue(value)),
  parseLiteral: (ast) => toIso(GraphQLDateTime.parseLiteral(ast, {})),
});

const DECIMAL = /^-?\d{1,18}(\.\d{1,10})?$/;

/**
 * `Decimal`: exact amounts travel as strings so no float rounding touches money. Inputs may be
 * a string or a JSON number; anything else is refused with a message naming the value.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number, as a string. Inputs also accept a JSON number.',
  serialize: (value) => parseDecimal(value),
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      return parseDecimal(ast.kind === Kind.STRING ? ast.value : ast.value);
    }
    throw new GraphQLError(`Decimal must be a number or a numeric string`);
  },
});

export const JSONScalar = GraphQLJSON;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text === 'string' && DECIMAL.test(text.trim())) return normalise(text.trim());
  throw new GraphQLError(`Decimal cannot represent ${JSON.stringify(value)}: expected a number like "1250.50"`);
}

/** Drops a leading `+`/redundant zeros so equal amounts compare equal as strings. */
function normalise(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = text.replace(/^-/, '').split('.');
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction?.replace(/0+$/, '');
  const out = f ? `${w}.${f}` : w;
  return negative && out !== '0' ? `-${out}` : out;
}

function toIso(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
  return date.toISOString();
}
