import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startCli, writeConfig, type Cli } from '../support/cli';
import { SCRIPT, startSimulator } from '../support/simulatorCli';

const QUERY = '{ contacts(sources: ["cin7"], first: 2) { edges { node { id name } } } }';

async function contacts(cli: Cli): Promise<any> {
  const res = await fetch(cli.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  return res.json();
}

describe('npm run simulator: one vendor simulator for several gateway processes', () => {
  it('is the command package.json runs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.simulator).toContain(SCRIPT);
  });

  it('prints a source line two gateways share, answers both, and exits 0 on SIGTERM', async () => {
    const sim = await startSimulator(['cin7', '--limits', 'off', '--size', '6', '--log-requests']);
    const gateways: Cli[] = [];
    try {
      expect(sim.source).toEqual({
        vendor: 'cin7',
        baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api$/),
        credentials: { username: expect.any(String), apiKey: expect.any(String) },
      });
      const config = writeConfig({ server: { logLevel: 'warn' }, sources: [{ id: 'cin7', ...sim.source }] });
      gateways.push(...(await Promise.all([startCli(['--config', config]), startCli(['--config', config])])));
      const answers = await Promise.all(gateways.map(contacts));
      for (const body of answers) {
        expect(body.errors).toBeUndefined();
        expect(body.data.contacts.edges).toHaveLength(2);
      }
      // The same records through either gateway: one vendor behind both.
      expect(answers[1].data).toEqual(answers[0].data);
      await new Promise((r) => setTimeout(r, 300));
      expect(sim.requests().filter((r) => r.path.includes('/Contacts')).length).toBeGreaterThanOrEqual(2);
    } finally {
      for (const g of gateways) g.child.kill('SIGTERM');
      sim.child.kill('SIGTERM');
    }
    expect(await Promise.all(gateways.map((g) => g.exited))).toEqual([0, 0]);
    expect(await sim.exited).toBe(0);
  }, 60_000);

  it('refuses an unknown vendor with its usage', async () => {
    await expect(startSimulator(['nosuchcrm'])).rejects.toThrow(/exited with 2[\s\S]*usage: npm run simulator/);
  });
});
