import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ConfigError } from '../../src/config';
import { createGateway } from '../../src/server';
import { loadStartup, type Startup } from '../../src/startup';

/** Access is open in these configs: startup is what they are about. */
function dirWithConfig(config: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crmgraph-startup-'));
  writeFileSync(join(dir, 'crmgraph.config.json'), JSON.stringify({ auth: { mode: 'none' }, ...config }));
  return dir;
}

describe('startup: "simulator": true sources', () => {
  let startup: Startup | undefined;
  afterEach(async () => {
    await startup?.stop();
    startup = undefined;
  });

  it('starts the simulator of each simulated source and fills in its URL, credentials and vendor keys', async () => {
    const dir = dirWithConfig({
      server: { logLevel: 'silent' },
      sources: [
        { id: 'crm', vendor: 'pipeliner', simulator: true, timeoutMs: 5000 },
        { id: 'so', vendor: 'superoffice', simulator: true, options: { language: 'de' } },
        { id: 'real', vendor: 'logisense', baseUrl: 'https://acme.logisensebilling.com', credentials: { clientId: 'c', clientSecret: '${LS_SECRET}' } },
      ],
    });
    startup = await loadStartup([], { LS_SECRET: 's3cret' }, dir);
    expect(startup.demo).toBe(false);
    const [crm, so, real] = startup.config.sources;
    expect(crm).toMatchObject({ id: 'crm', vendor: 'pipeliner', timeoutMs: 5000, baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), spaceId: expect.any(String) });
    expect(crm).toHaveProperty('credentials.username');
    expect(so).toMatchObject({ vendor: 'superoffice', tenant: expect.any(String), credentials: { scheme: 'bearer' }, options: { language: 'de' } });
    expect(real).toMatchObject({ baseUrl: 'https://acme.logisensebilling.com', credentials: { clientId: 'c', clientSecret: 's3cret' } });
    expect(startup.describe()).toMatch(/^crm http:\/\/127\.0\.0\.1:\d+\/api\/v100\/rest\/spaces\/\S+, so http:\/\/127\.0\.0\.1:\d+\/\S+\/api\/v1$/);
    expect(startup.describe()).not.toContain((crm as any).credentials.password);

    const gateway = await createGateway({ config: startup.config, logger: pino({ level: 'silent' }) });
    try {
      const res = await gateway.execute(`{ contacts(sources: ["crm", "so"], first: 4) { edges { node { source { id } } } } }`);
      expect(res.errors).toBeUndefined();
      const ids = (res.data as any).contacts.edges.map((e: any) => e.node.source.id);
      expect(ids).toHaveLength(4);
    } finally {
      await gateway.stop();
    }
  }, 30_000);

  it('stops the simulators: their ports refuse connections after stop()', async () => {
    const dir = dirWithConfig({ sources: [{ id: 'c', vendor: 'cin7', simulator: true, options: { rateLimits: false } }] });
    startup = await loadStartup([], {}, dir);
    const url = (startup.config.sources[0] as { baseUrl: string }).baseUrl;
    expect(startup.config.sources[0]).toMatchObject({ options: { rateLimits: false } });
    expect((await fetch(`${url}/v1/Contacts`)).status).toBe(401);
    await startup.stop();
    await startup.stop();
    await expect(fetch(`${url}/v1/Contacts`)).rejects.toThrow();
    startup = undefined;
  });

  it('refuses baseUrl or credentials beside "simulator": true, and a real source without them, before starting anything', async () => {
    const dir = dirWithConfig({
      sources: [
        { id: 'a', vendor: 'pipeliner', simulator: true, baseUrl: 'https://x.test', credentials: { username: 'u', password: 'p' } },
        { id: 'b', vendor: 'superoffice', simulator: false, credentials: { scheme: 'bearer', accessToken: 't' } },
      ],
    });
    const err = (await loadStartup([], {}, dir).catch((e: unknown) => e)) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.problems).toEqual([
      'sources[0].baseUrl: is supplied by the built-in simulator: remove it, or remove "simulator": true',
      'sources[0].credentials: is supplied by the built-in simulator: remove it, or remove "simulator": true',
      'sources[1].baseUrl: is required (or write "simulator": true to run the built-in simulator instead)',
      'sources[1].tenant: is required (or write "simulator": true to run the built-in simulator instead)',
    ]);
  });

  it('names a config file that cannot be read', async () => {
    const err = (await loadStartup(['--config', 'missing.json'], {}, tmpdir()).catch((e: unknown) => e)) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.problems).toEqual(['(file): cannot be read (ENOENT)']);
  });

  it('applies PORT, and refuses one that is not a port without echoing it', async () => {
    const dir = dirWithConfig({ server: { port: 4100 }, sources: [{ id: 'l', vendor: 'logisense', simulator: true }] });
    startup = await loadStartup([], { PORT: '0' }, dir);
    expect(startup.config.server.port).toBe(0);
    await startup.stop();
    startup = undefined;
    const err = (await loadStartup([], { PORT: 'eighty' }, dir).catch((e: unknown) => e)) as ConfigError;
    expect(err.problems).toEqual(['PORT: must be a port number from 0 to 65535']);
  });
});

describe('startup: no config file is demo mode', () => {
  it('runs the built-in demo config through the same path: four simulated sources, playground, introspection, local CORS', async () => {
    const startup = await loadStartup([], {}, mkdtempSync(join(tmpdir(), 'crmgraph-empty-')));
    try {
      expect(startup.demo).toBe(true);
      expect(startup.config.sources.map((s) => [s.id, s.vendor, s.name])).toEqual([
        ['pipeliner', 'pipeliner', 'Pipeliner CRM (simulator)'],
        ['superoffice', 'superoffice', 'SuperOffice CRM (simulator)'],
        ['cin7', 'cin7', 'Cin7 Omni (simulator)'],
        ['logisense', 'logisense', 'LogiSense Billing (simulator)'],
      ]);
      expect(startup.config.server).toMatchObject({ introspection: true, playground: true, cors: { origins: ['http://localhost:*', 'http://127.0.0.1:*'] } });
      expect(startup.describe().split(', ').map((line) => line.split(' ')[0])).toEqual(['pipeliner', 'superoffice', 'cin7', 'logisense']);
    } finally {
      await startup.stop();
    }
  });
});
