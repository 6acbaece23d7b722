import { ConfigError, parseConfig, parseConfigDocument } from '../../src/config';

const pipeliner = {
  id: 'pipeliner-eu',
  vendor: 'pipeliner',
  baseUrl: 'https://eu-central.api.pipelinersales.com',
  spaceId: 'eu_Acme',
  credentials: { username: '${PL_USER}', password: '${PL_PASS}' },
};
const env = { PL_USER: 'api-user', PL_PASS: 'top-secret-value' };

/** Access is open in these configs (test/auth/config.test.ts is about `auth`). */
const open = (raw: Record<string, unknown>): Record<string, unknown> => ({ auth: { mode: 'none' }, ...raw });

function problemsOf(raw: Record<string, unknown>, e: NodeJS.ProcessEnv = env): string[] {
  try {
    parseConfigDocument(open(raw), e, 'crmgraph.config.json');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('interpolates ${ENV} into credentials and applies defaults', () => {
    const config = parseConfig(open({ sources: [pipeliner] }), env);
    const source = config.sources[0]!;
    expect(source.credentials).toEqual({ username: 'api-user', password: 'top-secret-value' });
    expect(source.timeoutMs).toBe(10_000);
    expect(config.server.port).toBe(4000);
  });

  it('takes "simulator": false as a real source', () => {
    expect(parseConfig(open({ sources: [{ ...pipeliner, simulator: false }] }), env).sources[0]).not.toHaveProperty('simulator');
  });

  it('has production defaults outside demo mode: no playground, no introspection', () => {
    const { server } = parseConfig(open({ sources: [pipeliner] }), env);
    expect(server).toMatchObject({ playground: false, introspection: false, cors: { origins: [] } });
  });

  it('names a missing environment variable and the key that needs it, never a value', () => {
    const problems = problemsOf({ sources: [pipeliner] }, { PL_USER: 'api-user' });
    expect(problems).toEqual(['sources[0].credentials.password: environment variable PL_PASS is not set']);
  });

  it('names an unknown key instead of ignoring it', () => {
    expect(problemsOf({ sources: [{ ...pipeliner, options: { defaultOwnerID: 'x' } }] })).toEqual([
      'sources[0].options.defaultOwnerID: is not a known key',
    ]);
    expect(problemsOf({ sources: [{ ...pipeliner, timoutMs: 5 }] })).toEqual(['sources[0].timoutMs: is not a known key']);
  });

  it('names a bad base URL, an unknown vendor and a duplicate id', () => {
    expect(problemsOf({ sources: [{ ...pipeliner, baseUrl: 'not a url' }] }).join()).toMatch(/^sources\[0\]\.baseUrl: must be a URL/);
    expect(problemsOf({ sources: [{ ...pipeliner, vendor: 'salesforce' }] })).toEqual([
      'sources[0].vendor: must be one of "pipeliner", "superoffice", "cin7", "logisense"',
    ]);
    expect(problemsOf({ sources: [pipeliner, pipeliner] })).toEqual(['sources[1].id: duplicate source id (sources[0] has the same)']);
  });

  it('refuses a config without sources', () => {
    expect(problemsOf({ sources: [] })).toEqual(['sources: must list at least one source']);
  });

  it('reports every problem at once: missing variables beside misspelled keys, bad values and duplicate ids', () => {
    const problems = problemsOf(
      {
        server: { logLevel: 'loud', limits: { depth: 1 } },
        sources: [{ ...pipeliner, timoutMs: 5 }, { ...pipeliner, options: { readConcurrency: 0 } }],
      },
      { PL_USER: 'api-user' },
    );
    expect(problems).toEqual([
      'sources[0].credentials.password: environment variable PL_PASS is not set',
      'sources[1].credentials.password: environment variable PL_PASS is not set',
      'server.logLevel: must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent"',
      'server.limits.depth: must be at least 2',
      'sources[0].timoutMs: is not a known key',
      'sources[1].options.readConcurrency: must be at least 1',
      'sources[1].id: duplicate source id (sources[0] has the same)',
    ]);
  });

  it('does not report a key twice when its variable is missing', () => {
    // The empty stand-in for PL_PASS would also fail `min(1)`: that is the same problem.
    expect(problemsOf({ sources: [pipeliner] }, { PL_USER: 'u' })).toHaveLength(1);
    expect(problemsOf({ sources: [{ ...pipeliner, baseUrl: '${PL_URL}' }] })).toEqual(['sources[0].baseUrl: environment variable PL_URL is not set']);
  });

  it('says which form a union key takes', () => {
    const cin7 = { id: 'c', vendor: 'cin7', baseUrl: 'https://api.cin7.com/api', credentials: { username: 'u', apiKey: 'k' } };
    expect(problemsOf({ sources: [{ ...cin7, options: { rateLimits: { perSecond: 0 } } }] })).toEqual(['sources[0].options.rateLimits.perSecond: must be at least 1']);
    expect(problemsOf({ sources: [{ ...cin7, options: { rateLimits: 'fast' } }] })).toEqual(['sources[0].options.rateLimits: must be false or an object']);
  });

  it('accepts Pipeliner ids as the vendor writes them (UUID-shaped, no RFC version digit)', () => {
    const options = { defaultOwnerId: '00000000-0000-0000-0000-000000008e97', defaultPipelineId: '0190978c-d6d1-2f3e-9a1b-0123456789ab' };
    expect(parseConfig(open({ sources: [{ ...pipeliner, options }] }), env).sources[0]).toMatchObject({ options });
    expect(problemsOf({ sources: [{ ...pipeliner, options: { defaultOwnerId: 'owner-1' } }] })).toEqual([
      'sources[0].options.defaultOwnerId: must be an id of 32 hex digits as 8-4-4-4-12',
    ]);
  });
});
