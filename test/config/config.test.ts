import { ConfigError, parseConfig } from '../../src/config';

const pipeliner = {
  id: 'pipeliner-eu',
  vendor: 'pipeliner',
  baseUrl: 'https://eu-central.api.pipelinersales.com',
  spaceId: 'eu_Acme',
  credentials: { username: '${PL_USER}', password: '${PL_PASS}' },
};
const env = { PL_USER: 'api-user', PL_PASS: 'top-secret-value' };

function problemsOf(raw: unknown, e: NodeJS.ProcessEnv = env): string[] {
  try {
    parseConfig(raw, e, 'crmgraph.config.json');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('interpolates ${ENV} into credentials and applies defaults', () => {
    const config = parseConfig({ sources: [pipeliner] }, env);
    const source = config.sources[0]!;
    expect(source.credentials).toEqual({ username: 'api-user', password: 'top-secret-value' });
    expect(source.timeoutMs).toBe(10_000);
    expect(config.server.port).toBe(4000);
  });

  it('names a missing environment variable and the key that needs it, never a value', () => {
    const problems = problemsOf({ sources: [pipeliner] }, { PL_USER: 'api-user' });
    expect(problems).toEqual(['sources[0].credentials.password: environment variable PL_PASS is not set']);
  });

  it('names an unknown key instead of ignoring it', () => {
    const problems = problemsOf({ sources: [{ ...pipeliner, options: { defaultOwnerID: 'x' } }] });
    expect(problems.join('\n')).toMatch(/sources\[0\]\.options.*defaultOwnerID/);
    expect(problemsOf({ sources: [{ ...pipeliner, timoutMs: 5 }] }).join('\n')).toMatch(/sources\[0\].*timoutMs/);
  });

  it('names a bad base URL, an unknown vendor and a duplicate id', () => {
    expect(problemsOf({ sources: [{ ...pipeliner, baseUrl: 'not a url' }] }).join()).toMatch(/^sources\[0\]\.baseUrl/);
    expect(problemsOf({ sources: [{ ...pipeliner, vendor: 'salesforce' }] }).join()).toMatch(/^sources\[0\]\.vendor/);
    expect(problemsOf({ sources: [pipeliner, pipeliner] }).join()).toMatch(/sources\[1\]\.id: duplicate source id "pipeliner-eu"/);
  });

  it('refuses a config without sources', () => {
    expect(problemsOf({ sources: [] }).join()).toMatch(/^sources: must list at least one source/);
  });

  it('never puts a secret value into its messages', () => {
    const problems = problemsOf({ sources: [{ ...pipeliner, spaceId: 'bad space!' }] });
    expect(problems.join()).not.toContain('top-secret-value');
    expect(problems.join()).toMatch(/^sources\[0\]\.spaceId/);
  });
});
