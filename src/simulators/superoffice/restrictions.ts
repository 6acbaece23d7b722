import type { ColumnDef, ColumnKind, Provider } from './columns';
import { SoError } from './errors';
import type { FilterExpr } from './filter';

/**
 * What a `$filter` may restrict, per archive provider (vendor notes §3; the archive provider
 * reference pages list each column's restriction type, or *None* where the column can be
 * selected and sorted but not restricted — FindSale's `saleTypeId`, `stageId`,
 * `amountInBaseCurrency`…), and the operators each restriction type takes. The operators are
 * those the documentation names for the type: the restriction-types page, the OData search
 * pages' table and samples, the Swagger's "Filter Operators" text and the official request
 * collection's samples (`personId in (…)`, `email/emailAddress eq '…'`). A column or operator
 * outside these is refused with the REST error object (switch `strictFilters`).
 */
export type Restriction =
  | 'int'
  | 'decimal'
  | 'string'
  | 'stringorPK'
  | 'positiveString'
  | 'bool'
  | 'date'
  | 'datetime'
  | 'listAny'
  | 'associate'
  | 'userGroup'
  | 'none';

const NUMBER_OPS = ['eq', '=', 'ne', 'lt', 'gt', 'le', 'ge', 'set', 'equals', 'greater', 'less', 'unequals', 'between', 'in'];
const STRING_OPS = ['begins', 'between', 'contains', 'is', 'notbegins', 'notcontains', 'isnot', 'in', 'eq'];
const PERIODS = [
  'beforetoday', 'today', 'aftertoday', 'lastweek', 'thisweek', 'nextweek', 'lastmonth', 'thismonth', 'nextmonth',
  'lastquarter', 'thisquarter', 'nextquarter', 'thishalf', 'thisyear',
];
const DATE_OPS = ['before', 'date', 'after', 'between', 'datebetween', 'beforeorequal', ...PERIODS];

/** Lower-cased operator names per restriction type; `le`/`ge` are listed, and fail by another switch. */
export const OPERATORS: Record<Exclude<Restriction, 'none'>, ReadonlySet<string>> = {
  int: new Set(NUMBER_OPS),
  decimal: new Set(NUMBER_OPS),
  string: new Set(STRING_OPS),
  stringorPK: new Set(STRING_OPS),
  positiveString: new Set(STRING_OPS),
  bool: new Set(['set']),
  date: new Set(DATE_OPS),
  datetime: new Set(['datetime', 'beforetime', 'aftertime']),
  listAny: new Set(['equals', 'oneof', 'notoneof']),
  associate: new Set(['associateisoneof', 'associateisnotoneof', 'currentassociate']),
  userGroup: new Set(['oneof', 'notoneof']),
};

/** The OData string functions of the Swagger text, on string columns. */
const STRING_RESTRICTIONS = new Set<Restriction>(['string', 'stringorPK', 'positiveString']);

const BY_KIND: Record<ColumnKind, Restriction> = {
  int: 'int',
  decimal: 'decimal',
  string: 'string',
  bool: 'bool',
  date: 'date',
  list: 'listAny',
  associate: 'associate',
};

/** Where a provider's reference page types a column otherwise than its kind says. */
export const RESTRICTION_OVERRIDES: Record<string, Record<string, Restriction>> = {
  SimpleContact: { name: 'stringorPK' },
  Person: { 'personContact/name': 'stringorPK' },
  FindSale: {
    heading: 'stringorPK',
    contactId: 'listAny',
    personId: 'listAny',
    projectId: 'listAny',
    'contact/name': 'stringorPK',
    saleTypeId: 'none',
    stageId: 'none',
    stageName: 'none',
    stageRank: 'none',
    amountInBaseCurrency: 'none',
    amountWeightedInBaseCurrency: 'none',
  },
  AllUsers: { usergroup: 'userGroup' },
};

export function restrictionOf(provider: Provider<unknown>, column: ColumnDef<unknown>): Restriction {
  return RESTRICTION_OVERRIDES[provider.name]?.[column.name] ?? BY_KIND[column.kind];
}

function refused(message: string): SoError {
  return new SoError(400, 'ArgumentException', message);
}

/** Throws the vendor's error for the first column or operator of `e` that the reference does not allow. */
export function assertRestrictable<R>(
  e: FilterExpr,
  provider: Provider<R>,
  column: (name: string, where: string) => ColumnDef<R>,
): void {
  if (e.kind !== 'cmp' && e.kind !== 'func') {
    assertRestrictable(e.left, provider, column);
    assertRestrictable(e.right, provider, column);
    return;
  }
  const def = column(e.column, '$filter');
  const restriction = restrictionOf(provider, def);
  if (restriction === 'none')
    throw refused(`$filter: column '${def.name}' of archive provider '${provider.name}' cannot be restricted`);
  if (e.kind === 'func') {
    if (!STRING_RESTRICTIONS.has(restriction))
      throw refused(`$filter: ${e.name} needs a string column, '${def.name}' is ${restriction}`);
    return;
  }
  if (!OPERATORS[restriction].has(e.op.toLowerCase()))
    throw refused(`$filter: operator '${e.op}' is not valid for column '${def.name}' (${restriction})`);
}
