import { startSim, useFreshSim } from './harness';

const NOW = new Date('2025-03-01T12:00:00Z');
const h = useFreshSim({ clock: () => NOW });

/** A seeded company that has at least one person, and one of those persons. */
function companyWithPerson(): { contactId: number; personId: number } {
  const person = h.sim.store.persons().find((p) => p.contactId > 1);
  if (!person) throw new Error('seed has no customer person');
  return { contactId: person.contactId, personId: person.id };
}

describe('SuperOffice simulator entity reads', () => {
  it('answers a Contact (a company) in PascalCase with EntityElement arrays and links', async () => {
    const rec = h.sim.store.contact(2);
    const res = await h.get('/Contact/2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body).toMatchObject({ ContactId: 2, Name: rec?.name, Deleted: 0 });
    expect(res.body.Emails[0]).toEqual({
      Value: rec?.emails[0]?.value,
      StrippedValue: rec?.emails[0]?.value,
      Description: rec?.emails[0]?.description,
      TableRight: null,
      FieldProperties: {},
    });
    expect(res.body.Phones[0].StrippedValue).toMatch(/^\d+$/);
    expect(res.body._Links.Self).toBe(`${h.sim.apiBase}/Contact/2`);
    expect(res.body.Associate.Name).toMatch(/^[A-Z]{2}$/);
  });

  it('answers a Person with its company as the slim Contact carrier and its job Title', async () => {
    const { contactId, personId } = companyWithPerson();
    const res = await h.get(`/Person/${personId}`);
    expect(res.body.Contact.ContactId).toBe(contactId);
    expect(res.body.Title).toBe(h.sim.store.person(personId)?.title);
    expect(res.body.Title).not.toBe('');
  });

  it('answers 404 with the documented error object for a missing id', async () => {
    const res = await h.get('/Contact/99999');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      Error: true,
      ErrorType: 'SoNotFoundException',
      ErrorMessage: 'Contact id 99999 not found',
      ErrorSource: 'SuperOffice.Services.Implementation',
    });
  });

  it('uses the Message key for errors when configured so (open question 3)', async () => {
    const other = await startSim({ errorMessageKey: 'Message' });
    try {
      const res = await other.get('/Sale/99999');
      expect(res.body).toMatchObject({ Error: true, Message: 'Sale id 99999 not found' });
      expect(res.body.ErrorMessage).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('answers /default as a blank entity with id 0 and tenant defaults', async () => {
    const c = await h.get('/Contact/default');
    expect(c.body).toMatchObject({ ContactId: 0, Name: '', Emails: [], CreatedDate: '0001-01-01T00:00:00' });
    expect(c.body.Associate.AssociateId).toBe(1);
    expect(c.body.Number2).toMatch(/^\d+$/);
    expect(c.body._Links).toBeUndefined();
    const s = await h.get('/Sale/default');
    expect(s.body).toMatchObject({ SaleId: 0, Status: 'Open', Currency: { Id: 1, Value: 'EUR' }, SaleType: { Id: 1 } });
  });

  it('emits datetimes without offset unless SO-TimeZone asks for includeTZOffset', async () => {
    const rec = h.sim.store.contact(2);
    const iso = new Date(rec?.updatedDate ?? 0).toISOString().slice(0, 19);
    expect((await h.get('/Contact/2')).body.UpdatedDate).toBe(iso);
    expect((await h.get('/Contact/2', { 'SO-TimeZone': 'UTC, includeTZOffset' })).body.UpdatedDate).toBe(`${iso}Z`);
    const shifted = (await h.get('/Contact/2', { 'SO-TimeZone': '-05:00, includeTZOffset' })).body.UpdatedDate as string;
    expect(shifted).toMatch(/-0500$/);
    expect(Date.parse(`${shifted.slice(0, 19)}-05:00`)).toBe(Date.parse(`${iso}Z`));
  });

  it('answers /Simple with the slim carrier', async () => {
    const res = await h.get('/Sale/1/Simple');
    expect(res.body).toMatchObject({ SaleId: 1, Title: h.sim.store.sale(1)?.heading });
  });

  it('honours If-Modified-Since with 304', async () => {
    const updated = h.sim.store.contact(2)?.updatedDate ?? 0;
    const res = await h.get('/Contact/2', { 'If-Modified-Since': new Date(updated + 1000).toUTCString() });
    expect(res.status).toBe(304);
    expect((await h.get('/Contact/2', { 'If-Modified-Since': new Date(updated - 60_000).toUTCString() })).status).toBe(200);
  });
});

describe('SuperOffice simulator $select on entities', () => {
  it('nulls reference-typed fields that were not selected and keeps value types typed', async () => {
    const res = await h.get('/Contact/2?$select=name,department,category/id');
    expect(res.body.Name).toBe(h.sim.store.contact(2)?.name);
    expect(res.body.Emails).toBeNull();
    expect(res.body.Associate).toBeNull();
    expect(res.body.ContactId).toBe(0);
    expect(res.body.NoMailing).toBe(false);
    expect(res.body.UpdatedDate).toBe('0001-01-01T00:00:00');
    expect(res.body.Category.Id).toBe(h.sim.store.contact(2)?.categoryId);
    expect(res.body.Category.Value).toBeNull();
    expect(Object.keys(res.body)).toContain('Phones');
  });
});

describe('SuperOffice simulator entity writes', () => {
  it('creates a Contact with POST and answers 200 with the saved entity', async () => {
    const res = await h.send('POST', '/Contact', {
      Name: 'Acme Norge AS',
      Emails: [{ Value: 'post@acme.example' }],
      Phones: [{ Value: '+47 22 33 44 55', Description: 'Main' }],
      Urls: [{ Value: 'www.acme.example' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.ContactId).toBeGreaterThan(1);
    expect(res.body.Phones[0]).toMatchObject({ Value: '+47 22 33 44 55', StrippedValue: '4722334455', Description: 'Main' });
    expect(res.body.CreatedDate).toBe('2025-03-01T12:00:00');
    expect(h.sim.store.contact(res.body.ContactId)?.name).toBe('Acme Norge AS');
    expect((await h.get(`/Contact/${res.body.ContactId}`)).body.Name).toBe('Acme Norge AS');
  });

  it('answers 201 on create when configured so (open question 4)', async () => {
    const other = await startSim({ postStatus: 201 });
    try {
      expect((await other.send('POST', '/Contact', { Name: 'X' })).status).toBe(201);
    } finally {
      await other.close();
    }
  });

  it('refuses a Contact without Name with the error object and status 400', async () => {
    const res = await h.send('POST', '/Contact', { Department: 'Sales' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Error: true, ErrorType: 'ArgumentException', ErrorSource: 'SuperOffice.Services.Implementation' });
    expect(res.body.ErrorMessage).toContain('Name');
    expect(h.sim.store.contacts().some((c) => c.department === 'Sales' && c.name === '')).toBe(false);
  });

  it('answers refused saves with 500 when configured so (open question 2)', async () => {
    const other = await startSim({ saveErrorStatus: 500 });
    try {
      expect((await other.send('POST', '/Contact', {})).status).toBe(500);
    } finally {
      await other.close();
    }
  });

  it('answers 400 when the body is missing or not JSON', async () => {
    expect((await h.send('POST', '/Contact')).body.ErrorMessage).toBe('Entity to save is not in request body.');
    expect((await h.send('PUT', '/Contact/2', '{oops')).status).toBe(400);
  });

  it('creates a Person at an existing company and refuses an unknown company', async () => {
    const ok = await h.send('POST', '/Person', {
      Firstname: 'Steve',
      Lastname: 'Martin',
      Title: 'Buyer',
      Contact: { ContactId: '2' },
      Emails: [{ Value: 'steve@lumen.example', Description: 'Work' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ Firstname: 'Steve', Title: 'Buyer', Contact: { ContactId: 2 } });
    const bad = await h.send('POST', '/Person', { Firstname: 'Nobody', Contact: { ContactId: 424242 } });
    expect(bad.status).toBe(400);
    expect(bad.body.ErrorMessage).toContain('Contact id 424242 not found');
  });

  it('lets a Person exist without a company unless MandatoryContactOnPerson is on', async () => {
    expect((await h.send('POST', '/Person', { Lastname: 'Solo' })).status).toBe(200);
    const strict = await startSim({ mandatoryContactOnPerson: true });
    try {
      const res = await strict.send('POST', '/Person', { Lastname: 'Solo' });
      expect(res.status).toBe(400);
      expect(res.body.ErrorMessage).toContain('Contact');
    } finally {
      await strict.close();
    }
  });

  it('creates a Sale with the stage probability and resolves list items by name', async () => {
    const { contactId, personId } = companyWithPerson();
    const res = await h.send('POST', '/Sale', {
      Heading: 'Big deal',
      Contact: { ContactId: contactId },
      Person: { PersonId: personId },
      Associate: { AssociateId: 2 },
      SaleType: { Id: 0, Value: 'Upsell' },
      Rating: { Id: 7 },
      Currency: { Id: 0, Value: 'USD' },
      Amount: 15980.5,
      Saledate: '2025-06-30T00:00:00',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      Heading: 'Big deal',
      SaleType: { Id: 2, Value: 'Upsell' },
      Rating: { Id: 7, Value: 'Demo' },
      Probability: 40,
      Currency: { Id: 2, Value: 'USD' },
      Amount: 15980.5,
      Status: 'Open',
      Saledate: '2025-06-30T00:00:00',
      Person: { PersonId: personId },
    });
  });

  it('defaults the stage to the first stage of the sale type and keeps an explicit Probability', async () => {
    const res = await h.send('POST', '/Sale', { Heading: 'x', Contact: { ContactId: 2 }, SaleType: { Id: 3 }, Probability: 33 });
    expect(res.body.Rating.Id).toBe(2);
    expect(res.body.Probability).toBe(33);
  });

  it('accepts a Sale without a person', async () => {
    const res = await h.send('POST', '/Sale', { Heading: 'Company only', Contact: { ContactId: 2 }, Amount: 1 });
    expect(res.status).toBe(200);
    expect(res.body.Person).toBeNull();
  });

  it.each([
    ['no Heading', { Contact: { ContactId: 2 } }, 'Heading'],
    ['a person of another company', { Heading: 'x', Contact: { ContactId: 2 }, Person: { PersonId: 1 } }, 'is not a contact person of company 2'],
    ['a stage outside the sale type', { Heading: 'x', Contact: { ContactId: 2 }, SaleType: { Id: 2 }, Rating: { Id: 1 } }, 'is not a stage of sale type 2'],
    ['no sale type', { Heading: 'x', Contact: { ContactId: 2 }, SaleType: null }, 'Sale type is mandatory'],
    ['an unknown currency name', { Heading: 'x', Contact: { ContactId: 2 }, Currency: { Value: 'XYZ' } }, 'Currency not found by name'],
    ['an unknown associate', { Heading: 'x', Contact: { ContactId: 2 }, Associate: { AssociateId: 77 } }, 'Associate id 77 not found'],
  ])('refuses a Sale with %s', async (_name, body, message) => {
    const res = await h.send('POST', '/Sale', body);
    expect(res.status).toBe(400);
    expect(res.body.ErrorMessage).toContain(message);
  });

  it('replaces the whole entity with PUT: fields left out become blank', async () => {
    const res = await h.send('PUT', '/Contact/2', { Name: 'Renamed AS' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ContactId: 2, Name: 'Renamed AS', Emails: [], Department: '' });
    expect(res.body.CreatedDate).not.toBe('0001-01-01T00:00:00');
    expect(res.body.UpdatedDate).toBe('2025-03-01T12:00:00');
    expect((await h.send('PUT', '/Contact/99999', { Name: 'x' })).status).toBe(404);
  });

  it('applies a JSON Patch with case-insensitive paths, optional slash and /- append', async () => {
    const before = h.sim.store.contact(2);
    const res = await h.send(
      'PATCH',
      '/Contact/2',
      [
        { op: 'replace', path: 'department', value: 'foo' },
        { op: 'add', path: '/Emails/-', value: { Value: 'extra@x.example' } },
        { op: 1, path: '/Phones', value: { Value: '+47 99 88 77 66' } },
      ],
      { 'Content-Type': 'application/json-patch+json' },
    );
    expect(res.status).toBe(200);
    expect(res.body.Department).toBe('foo');
    expect(res.body.Name).toBe(before?.name);
    expect(res.body.Emails).toHaveLength((before?.emails.length ?? 0) + 1);
    expect(res.body.Phones).toHaveLength((before?.phones.length ?? 0) + 1);
  });

  it('applies a merge patch: objects into arrays append, arrays replace', async () => {
    const res = await h.send(
      'PATCH',
      '/Person/6',
      { Title: 'Chief Buyer', Emails: { Value: 'second@x.example' }, MobilePhones: [{ Value: '+47 400 00 000' }] },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect(res.status).toBe(200);
    expect(res.body.Title).toBe('Chief Buyer');
    expect(res.body.Emails.map((e: { Value: string }) => e.Value)).toContain('second@x.example');
    expect(res.body.MobilePhones).toEqual([expect.objectContaining({ Value: '+47 400 00 000', StrippedValue: '4740000000' })]);
  });

  it('answers 409 when a JSON Patch test fails and 400 for move/copy', async () => {
    const test = await h.send('PATCH', '/Contact/2', [{ op: 'test', path: '/Name', value: 'not the name' }]);
    expect(test.status).toBe(409);
    expect(test.body.Error).toBe(true);
    const move = await h.send('PATCH', '/Contact/2', [{ op: 'move', from: '/Name', path: '/Department' }]);
    expect(move.status).toBe(400);
  });

  it('moves a sale to the next stage with PATCH and the probability follows the stage', async () => {
    const created = await h.send('POST', '/Sale', { Heading: 'x', Contact: { ContactId: 2 }, SaleType: { Id: 1 }, Rating: { Id: 1 } });
    expect(created.body.Probability).toBe(10);
    const res = await h.send('PATCH', `/Sale/${created.body.SaleId}`, { Rating: { Id: 2 } });
    expect(res.body).toMatchObject({ Rating: { Id: 2 }, Probability: 25 });
  });

  it('answers 412 when If-Unmodified-Since is older than the record', async () => {
    const res = await h.send('PUT', '/Contact/2', { Name: 'x' }, { 'If-Unmodified-Since': new Date('2000-01-01').toUTCString() });
    expect(res.status).toBe(412);
  });

  it('deletes with 204; the id then answers 404 and the company takes its persons along', async () => {
    const { contactId, personId } = companyWithPerson();
    const res = await h.send('DELETE', `/Contact/${contactId}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await h.get(`/Contact/${contactId}`)).status).toBe(404);
    expect((await h.get(`/Person/${personId}`)).status).toBe(404);
    expect(h.sim.store.sales().some((s) => s.contactId === contactId)).toBe(false);
  });

  it('validates without saving via /Validate', async () => {
    const res = await h.send('POST', '/Sale/Validate', { Contact: { ContactId: 2 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Heading: 'Sale heading is mandatory', SaleType: 'Sale type is mandatory' });
    expect((await h.send('POST', '/Contact/Validate', { Name: 'fine' })).body).toEqual({});
  });

  it('answers 405 for a verb the resource does not support', async () => {
    const res = await h.send('DELETE', '/Contact');
    expect(res.status).toBe(405);
    expect(res.body.Message).toContain("'DELETE'");
  });
});
