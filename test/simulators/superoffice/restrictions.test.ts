import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDERS } from '../../../src/simulators/superoffice/columns';
import { OPERATORS, restrictionOf } from '../../../src/simulators/superoffice/restrictions';
import { startSim, type Harness } from './harness';

/**
 * Issue 12: the simulator refuses what a real tenant refuses — `$filter` columns the archive
 * reference marks not restrictable, and operators outside the column's restriction type — with
 * the REST error object; its table is the one in the contract fixtures. And `/default` answers
 * the documented blank record.
 */
const DIR = join(__dirname, '..', '..', 'fixtures', 'superoffice');
const facts = JSON.parse(readFileSync(join(DIR, 'ArchiveRestrictions.json'), 'utf8')) as {
  providers: Record<string, Record<string, string>>;
  operators: Record<string, string[]>;
};
const blank = JSON.parse(readFileSync(join(DIR, 'BlankRecord.json'), 'utf8')) as Record<string, string[]>;

let h: Harness;
beforeAll(async () => {
  h = await startSim();
});
afterAll(() => h.close());

const q = (path: string, params: Record<string, string>): string => `${path}?${new URLSearchParams(params).toString()}`;

describe('SuperOffice simulator: archive restrictions as the reference lists them', () => {
  it('types every column the fixtures name as the reference does, with its operators', () => {
    for (const provider of Object.values(PROVIDERS)) {
      const reference = facts.providers[provider.name]!;
      for (const column of provider.columns) {
        const expected = reference[column.name];
        if (expected !== undefined) expect(`${column.name}: ${restrictionOf(provider, column)}`).toBe(`${column.name}: ${expected}`);
      }
      for (const name of Object.keys(reference)) expect(provider.columns.map((c) => c.name)).toContain(name);
    }
    for (const [restriction, ops] of Object.entries(facts.operators))
      expect([...OPERATORS[restriction as keyof typeof OPERATORS]].sort()).toEqual(ops.map((o) => o.toLowerCase()).sort());
  });

  it.each([
    ['/Sale', 'saleTypeId eq 1', 'cannot be restricted'],
    ['/Sale', 'stageId eq 2', 'cannot be restricted'],
    ['/Sale', 'amountInBaseCurrency gt 0', 'cannot be restricted'],
    ['/Sale', 'saleType eq 1', "operator 'eq'"],
    ['/Sale', 'contactId eq 2', "operator 'eq'"],
    ['/Sale', 'saleStatus eq 1', "operator 'eq'"],
    ['/Sale', "updatedDate afterTime '2024-01-01T00:00:00'", "operator 'aftertime'"],
    ['/Person', "personUpdatedDate dateTime '2024-01-01T00:00:00'", "operator 'datetime'"],
    ['/Contact', "name ends 'x'", "operator 'ends'"],
    ['/Contact', 'stop eq true', "operator 'eq'"],
    ['/Contact', 'contactId oneOf (2,3)', "operator 'oneof'"],
    ['/Contact', "startswith(contactId, '1')", 'needs a string column'],
  ])('%s refuses $filter=%s with the REST error object', async (path, filter, message) => {
    const res = await h.get(q(path, { $filter: filter }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      Error: true,
      ErrorType: 'ArgumentException',
      ErrorMessage: expect.stringContaining(message),
      ErrorSource: 'SuperOffice.Services.Implementation',
    });
  });

  it.each([
    ['/Sale', 'saleType equals 1 and stage oneOf (1,2) and contactId equals 2 and saleStatus notOneOf (3)'],
    ['/Sale', "updatedDate after '2024-01-01' and date beforeOrEqual '2030-01-01' and registeredDate thisYear or saleId in (1,2)"],
    ['/Person', "email/emailAddress eq 'a@b.c' or fullName contains 'a' or personId in (1,2) or contactId equals 2"],
    ['/Contact', "name is 'x' or name isNot 'y' or hasInfoText set true or associateId associateIsOneOf (1) or category equals 1"],
  ])('%s accepts the documented $filter=%s', async (path, filter) => {
    expect((await h.get(q(path, { $filter: filter }))).status).toBe(200);
  });

  it('accepts everything with strictFilters off (the switch for a tenant found more lenient)', async () => {
    const lenient = await startSim({ strictFilters: false });
    try {
      expect((await lenient.get(q('/Sale', { $filter: 'saleTypeId eq 1' }))).status).toBe(200);
    } finally {
      await lenient.close();
    }
  });
});

describe('SuperOffice simulator: GET /{Entity}/default is the documented blank record', () => {
  it.each(['Contact', 'Person', 'Sale'])('%s/default: empty list items and the current user, not nulls', async (entity) => {
    const res = await h.get(`/${entity}/default`);
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    for (const key of blank.emptyStrings!) if (key in body) expect([key, body[key]]).toEqual([key, '']);
    for (const key of blank.emptyArrays!) if (key in body) expect([key, body[key]]).toEqual([key, []]);
    const saleLists = entity === 'Sale' ? ['Competitor', 'Credited', 'Reason', 'Source', 'ReasonSold', 'ReasonStalled'] : [];
    for (const key of [...blank.emptyListItems!, ...saleLists])
      if (key in body) expect([key, body[key]]).toEqual([key, expect.objectContaining({ Id: 0, Value: '' })]);
    if ('CreatedBy' in body) expect(body.CreatedBy).toEqual(expect.objectContaining({ AssociateId: h.sim.store.preferences().currentAssociateId }));
    for (const [key, value] of Object.entries(body))
      if (typeof value === 'string' || Array.isArray(value)) continue;
      else if (value === null) expect(['UpdatedBy', 'SupportAssociate', 'SupportPerson', 'Contact', 'Person', 'Project', 'Appointment', 'Associate', 'CorrespondingAssociate', 'UserInfo', 'UtmParameters']).toContain(key);
  });
});
