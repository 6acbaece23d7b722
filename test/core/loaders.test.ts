import { defineConnector } from '../../src/core/defineConnector';
import { RecordLoaders } from '../../src/core/loaders';
import type { AccountRecord } from '../../src/core/records';
import { SourceRegistry } from '../../src/core/sources';
import { recordingCall } from '../support/calls';

const account = (remoteId: string, name: string): AccountRecord => ({
  entity: 'ACCOUNT',
  source: 'crm',
  remoteId,
  name,
  emails: [],
  phones: [],
  website: null,
  address: null,
  ownerId: null,
  createdAt: null,
  updatedAt: null,
  remoteData: null,
});

/** A source whose reads answer "fresh <id>" and count the ids asked for. */
function loaders() {
  const asked: string[] = [];
  const connector = defineConnector({
    id: 'crm',
    vendor: 'PIPELINER',
    name: 'CRM',
    limits: { maxPageSize: 100, maxBatchSize: 50 },
    reads: {
      get: {
        ACCOUNT: (ids) => {
          asked.push(...ids);
          return Promise.resolve(ids.map((id) => account(id, `fresh ${id}`)));
        },
      },
      list: {},
      all: {},
    },
    filters: {},
    writes: {},
    close: () => Promise.resolve(),
  });
  return { asked, loaders: new RecordLoaders(new SourceRegistry([connector]), recordingCall()) };
}

describe('RecordLoaders.loadKnown', () => {
  it('answers a record that came with another at once (no promise, no vendor read)', () => {
    const { asked, loaders: l } = loaders();
    l.prime(account('a1', 'embedded'));
    expect(l.loadKnown('ACCOUNT', 'crm', 'a1')).toMatchObject({ name: 'embedded' });
    expect(asked).toEqual([]);
  });

  it('answers exactly what the loader would: a record asked for before it was primed is the one read', async () => {
    const { asked, loaders: l } = loaders();
    const pending = l.load('ACCOUNT', 'crm', 'a2');
    l.prime(account('a2', 'embedded later'));
    const known = l.loadKnown('ACCOUNT', 'crm', 'a2');
    expect(known).toBeInstanceOf(Promise);
    expect(await known).toMatchObject({ name: 'fresh a2' });
    expect(await pending).toMatchObject({ name: 'fresh a2' });
    expect(asked).toEqual(['a2']);
  });

  it('keeps the first of two primes, as the loader does', async () => {
    const { loaders: l } = loaders();
    l.prime(account('a3', 'first'));
    l.prime(account('a3', 'second'));
    expect(l.loadKnown('ACCOUNT', 'crm', 'a3')).toMatchObject({ name: 'first' });
    expect(await l.load('ACCOUNT', 'crm', 'a3')).toMatchObject({ name: 'first' });
  });

  it('a record that came with some fields only answers a selection within them, and nothing else', async () => {
    const { asked, loaders: l } = loaders();
    l.prime({ ...account('a4', 'partial'), loaded: new Set(['id', 'name']) });
    expect(l.loadKnown('ACCOUNT', 'crm', 'a4', new Set(['name']))).toMatchObject({ name: 'partial' });
    expect(asked).toEqual([]);
    // A field it was not loaded with: read whole; and a plain load never answers the partial one.
    expect(await l.loadKnown('ACCOUNT', 'crm', 'a4', new Set(['name', 'website']))).toMatchObject({ name: 'fresh a4' });
    expect(await l.load('ACCOUNT', 'crm', 'a4')).toMatchObject({ name: 'fresh a4' });
    expect(asked).toEqual(['a4']);
  });
});
