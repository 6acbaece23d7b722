import { createClient } from './client';
import { contactPages, createContact } from './contacts';

/**
 * The client against a running gateway (`npm start` for demo mode):
 *
 *   npx tsx examples/frontend/src/demo.ts [http://localhost:4000/graphql] [source]
 *
 * Lists the first two pages of contacts across every CRM, then dry-runs a contact create in
 * one source and prints the vendor requests it would send, then shows a refused input.
 */
const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(url: string, source: string): Promise<void> {
  const request = createClient({ url });

  let page = 0;
  for await (const { contacts, totalCount, problems } of contactPages(request, { pageSize: 5 })) {
    page += 1;
    print(`page ${page} (total ${totalCount ?? 'unknown'})`);
    for (const c of contacts) print(`  ${c.source.id}: ${c.name ?? '(no name)'} <${c.emails[0] ?? ''}>`);
    for (const p of problems) print(`  left out: ${p}`);
    if (page === 2) break;
  }

  const planned = await createContact(request, {
    source,
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: ['ada.lovelace@example.com'],
    dryRun: true,
  });
  if (planned.kind === 'planned') {
    for (const r of planned.requests) print(`${source} would receive: ${r.method} ${r.path} ${JSON.stringify(r.body)}`);
  } else print(JSON.stringify(planned));

  const refused = await createContact(request, { source, emails: ['not an address'], dryRun: true });
  if (refused.kind === 'refused') {
    for (const e of refused.userErrors) print(`refused ${e.field?.join('.') ?? ''}: ${e.code} ${e.message}`);
  }
}

main(process.argv[2] ?? 'http://localhost:4000/graphql', process.argv[3] ?? 'pipeliner').catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
