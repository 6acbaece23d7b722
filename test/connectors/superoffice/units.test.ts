import {
  fromSuperOfficeDate,
  fromSuperOfficeDateTime,
  toSuperOfficeFilterTime,
} from '../../../src/connectors/superoffice/dates';
import { userErrorsOf } from '../../../src/connectors/superoffice/errors';
import { and, equals, sinceDay, textCondition } from '../../../src/connectors/superoffice/filter';
import { numericId, parseStageId, toStageId } from '../../../src/connectors/superoffice/ids';
import { probabilityInExtraInfo } from '../../../src/connectors/superoffice/map';
import { baseAmountOf, exchangeRateOf } from '../../../src/connectors/superoffice/money';
import { SALE_FIELDS } from '../../../src/connectors/superoffice/bodies';

/** The pure pieces: wire dates, `$filter` text, ids, currency math, error parsing. */
describe('SuperOffice: pure helpers', () => {
  it('reads wire datetimes with and without offsets, and empty dates as null', () => {
    expect(fromSuperOfficeDateTime('2019-12-19T10:55:14Z')).toBe('2019-12-19T10:55:14.000Z');
    expect(fromSuperOfficeDateTime('2019-12-19T11:55:14+0100')).toBe('2019-12-19T10:55:14.000Z');
    expect(fromSuperOfficeDateTime('2006-11-29T14:13:48.4914217+01:00')).toBe('2006-11-29T13:13:48.491Z');
    expect(fromSuperOfficeDateTime('2019-12-19T10:55:14')).toBe('2019-12-19T10:55:14.000Z');
    expect(fromSuperOfficeDateTime('0001-01-01T00:00:00')).toBeNull();
    expect(fromSuperOfficeDateTime('yesterday')).toBeNull();
    expect(fromSuperOfficeDate('2027-03-31T00:00:00+0200')).toBe('2027-03-31');
    expect(toSuperOfficeFilterTime('2024-05-01T13:45:12.345Z')).toBe('2024-05-01T13:45:12');
  });

  it('quotes filter strings, doubling single quotes, and never sends a backslash', () => {
    expect(
      and([textCondition('email/emailAddress', 'is', "o'brien@x.test").filter, textCondition('fullName', 'contains', "O'B").filter]),
    ).toBe("email/emailAddress is 'o''brien@x.test' and fullName contains 'O''B'");
    // The documented grammar only doubles quotes; a backslash is left out and checked by the connector.
    expect(textCondition('fullName', 'contains', "x\\' or personId gt 0 or lastName is \\'y")).toEqual({
      filter: "fullName contains 'x' and fullName contains ''' or personId gt 0 or lastName is ' and fullName contains '''y'",
      exact: false,
    });
    expect(textCondition('name', 'contains', '\\')).toEqual({ filter: undefined, exact: false });
    // Day-precision columns: after the day before, less a margin day for the tenant's zone.
    expect(sinceDay('updatedDate', '2024-03-01T10:00:00Z')).toBe("updatedDate after '2024-02-28'");
    expect(equals('saleType', 4)).toBe('saleType equals 4');
    expect(and([])).toBeUndefined();
  });

  it('accepts only ids SuperOffice can have', () => {
    expect(['12', '0', '-1', '1.5', '12a', '99999999999', ''].map(numericId)).toEqual([
      12,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(parseStageId(toStageId(3, 2))).toEqual({ saleTypeId: 3, ratingId: 2 });
    expect(['3', '3.x', '3.2.1', '.2'].map(parseStageId)).toEqual([null, null, null, null]);
  });

  it('reads probabilities out of MDO ExtraInfo', () => {
    expect(probabilityInExtraInfo('IsDeleted=False&Probability=20&SaleTypeStageLinkId=1&')).toBe(20);
    expect(probabilityInExtraInfo('Probability=100')).toBe(100);
    expect(probabilityInExtraInfo('')).toBeNull();
    expect(probabilityInExtraInfo('MaxProbability=20')).toBeNull();
  });

  it('converts to the base currency in the configured direction (open question 7)', () => {
    const nok = { rate: 1166, units: 100 };
    expect(baseAmountOf(1166, nok, 'divideByRate')).toBe(100);
    expect(exchangeRateOf(nok, 'divideByRate')).toBeCloseTo(11.66);
    expect(baseAmountOf(100, { rate: 1.5, units: 1 }, 'multiplyByRate')).toBe(150);
    expect(exchangeRateOf({ rate: 1.5, units: 1 }, 'multiplyByRate')).toBeCloseTo(0.6667, 4);
    expect(baseAmountOf(10, { rate: 0, units: 1 }, 'divideByRate')).toBeNull();
  });

  it('splits a refused save into one userError per field, case-insensitively', () => {
    expect(
      userErrorsOf(
        'the Sale create',
        'Cannot save SaleEntity. heading: Sale heading is mandatory; Rating: Sale stage id 9 not found',
        SALE_FIELDS,
      ),
    ).toEqual([
      { field: ['name'], message: 'SuperOffice rejected the Sale create: Sale heading is mandatory', code: 'REQUIRED' },
      {
        field: ['stageId'],
        message: 'SuperOffice rejected the Sale create: Sale stage id 9 not found',
        code: 'NOT_FOUND',
      },
    ]);
    expect(userErrorsOf('the Sale create', null, SALE_FIELDS)).toEqual([
      { field: null, message: 'SuperOffice rejected the Sale create: no reason given', code: 'REJECTED' },
    ]);
  });
});
