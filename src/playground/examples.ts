import { parse, print } from 'graphql';
import { filtersOf, supports, type Connector } from '../core/connector';
import { encodeId, type IdKind } from '../core/globalId';
import type { Vendor } from '../core/records';

/** One ready-to-run operation for the playground (the shape the IDE's `examples.json` carries). */
export interface ExampleOperation {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface ExampleOptions {
  /** Demo mode: every source is its vendor's seeded simulator, so seeded records can be named and writes are harmless. */
  demo: boolean;
}

/**
 * Example operations for the configured sources, built from what each source declares in
 * `capabilities` (entities, operations, filters, requiredOnCreate), so every example is valid
 * and runs: no field, filter or create is offered to a source that does not declare it.
 * First a search across every CRM, then per source (configuration order): a list with its
 * relations, filtered searches, a dry-run create per creatable entity and, in demo mode only,
 * one real create; an account rename as a dry-run update where the source can rename accounts
 * (in demo mode only on a seeded account). Nothing here calls a vendor.
 */
export function exampleOperations(sources: readonly Connector[], opts: ExampleOptions): ExampleOperation[] {
  return [
    ...findByEmail(sources, opts),
    capabilitiesExample(),
    ...sources.flatMap((s) => [
      ...relationsRead(s),
      ...nameSearch(s),
      ...openOpportunities(s),
      ...CREATABLE.filter((e) => canDryRun(s, e)).map((e) => createExample(s, e, opts, 'dryRun')),
      ...updateExample(s, opts),
      ...(opts.demo ? realCreate(s, opts) : []),
    ]),
  ];
}

/**
 * Records the demo's simulators are seeded with, as their READMEs document them (fixed seed
 * data, not generated): SuperOffice's associate 1 is Person 1 "Ragnhild Jensen" with
 * `first.last@simulated-tenant.example` and companies start at id 2; LogiSense accounts start
 * at id 10001. They let demo examples name real records without asking a vendor first; the
 * playground test runs every example against the simulators, so a changed seed shows there.
 */
const DEMO_SEEDS: Partial<Record<Vendor, { email?: string; remoteIds?: Partial<Record<IdKind, string>> }>> = {
  SUPEROFFICE: { email: 'ragnhild.jensen@simulated-tenant.example', remoteIds: { Account: '2' } },
  LOGISENSE: { remoteIds: { Account: '10001' } },
};

/** Outside demo mode: an address to replace with a real one. */
const PLACEHOLDER_EMAIL = 'jane.doe@example.com';

function findByEmail(sources: readonly Connector[], opts: ExampleOptions): ExampleOperation[] {
  const listing = sources.filter((s) => supports(s, 'CONTACT', 'LIST'));
  const able = listing.filter((s) => filtersOf(s, 'CONTACT').includes('email'));
  if (able.length === 0) return [];
  const seededIn = opts.demo ? able.find((s) => DEMO_SEEDS[s.vendor]?.email !== undefined) : undefined;
  const seeded = seededIn ? DEMO_SEEDS[seededIn.vendor]?.email : undefined;
  // Without `sources` the gateway asks every source that lists contacts, and one that cannot
  // filter by e-mail would answer UNSUPPORTED_BY_SOURCE: name the able ones when that differs.
  const sourcesArg = able.length === listing.length ? '' : `sources: ${literal(able.map((s) => s.id))}, `;
  const account = able.every((s) => supports(s, 'ACCOUNT', 'READ')) ? 'primaryAccount { name }' : '';
  return [
    {
      title: `Find a person by e-mail in every CRM (${able.map((s) => s.id).join(', ')}) — ${
        seededIn ? `$email is a person seeded in ${seededIn.name}` : 'set $email'
      }`,
      query: format(`query FindPersonByEmail($email: String!) {
        contacts(${sourcesArg}filter: { email: $email }, first: 10) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id name jobTitle emails ${account} source { id vendor name } } }
        }
      }`),
      variables: { email: seeded ?? PLACEHOLDER_EMAIL },
    },
  ];
}

function capabilitiesExample(): ExampleOperation {
  return {
    title: 'What each configured source can do: entities, operations, filters, fields required on create, fields an update can change',
    query: format(`query SourceCapabilities {
      sources { id vendor name capabilities { entity operations filters requiredOnCreate updatableFields versionCheck } }
    }`),
  };
}

/** Selections of one record, with the relations `s` can resolve and nothing else. */
interface Selection {
  fields: string;
  /** Names of the relations included, for the title. */
  relations: string[];
}

function contactSelection(s: Connector): Selection {
  const parts = ['id name firstName lastName jobTitle emails phones'];
  const relations: string[] = [];
  if (supports(s, 'ACCOUNT', 'READ')) {
    parts.push('primaryAccount { id name } accounts { isPrimary jobTitle account { name } }');
    relations.push('accounts');
  }
  if (supports(s, 'USER', 'READ')) {
    parts.push('owner { name email }');
    relations.push('owner');
  }
  return { fields: parts.join(' '), relations };
}

function accountSelection(s: Connector): Selection {
  const parts = ['id name emails phones website address { street city postalCode country }'];
  const relations: string[] = [];
  // Account.contacts and Account.opportunities are lists filtered by the account.
  if (supports(s, 'CONTACT', 'LIST') && filtersOf(s, 'CONTACT').includes('accountId')) {
    parts.push('contacts(first: 3) { totalCount edges { node { id name jobTitle emails } } }');
    relations.push('contacts');
  }
  if (supports(s, 'OPPORTUNITY', 'LIST') && filtersOf(s, 'OPPORTUNITY').includes('accountId')) {
    parts.push(
      'opportunities(first: 3) { totalCount edges { node { id name status value { amount currencyCode } } } }',
    );
    relations.push('opportunities');
  }
  if (supports(s, 'USER', 'READ')) {
    parts.push('owner { name email }');
    relations.push('owner');
  }
  return { fields: parts.join(' '), relations };
}

function opportunitySelection(s: Connector): Selection {
  const currency = supports(s, 'CURRENCY', 'LIST') ? 'currency { code symbol }' : '';
  const parts = [`id name status closingDate probability value { amount currencyCode baseAmount ${currency} }`];
  const relations: string[] = [];
  if (supports(s, 'ACCOUNT', 'READ')) {
    parts.push('account { id name }');
    relations.push('account');
  }
  if (supports(s, 'CONTACT', 'READ')) {
    parts.push('primaryContact { id name } contacts { id name }');
    relations.push('contacts');
  }
  // A stage is found among all of the source's pipelines, a pipeline is read by id.
  if (supports(s, 'PIPELINE', 'READ') && supports(s, 'PIPELINE', 'LIST')) {
    parts.push('pipeline { id name } stage { id name position probability }');
    relations.push('pipeline', 'stage');
  }
  if (supports(s, 'USER', 'READ')) {
    parts.push('owner { name email }');
    relations.push('owner');
  }
  return { fields: parts.join(' '), relations };
}

const PAGED = {
  ACCOUNT: { field: 'accounts', select: accountSelection },
  CONTACT: { field: 'contacts', select: contactSelection },
  OPPORTUNITY: { field: 'opportunities', select: opportunitySelection },
} as const;
type Paged = keyof typeof PAGED;

function list(
  s: Connector,
  entity: Paged,
  name: string,
  filter: Record<string, unknown> | null,
  first: number,
): string {
  const { field, select } = PAGED[entity];
  const filterArg = filter ? `, filter: ${literal(filter)}` : '';
  return format(`query ${operationName(s, name)} {
    ${field}(sources: [${literal(s.id)}]${filterArg}, first: ${first}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ${select(s).fields} } }
    }
  }`);
}

/** A list with its relations: accounts where the source lists them (they carry the most), else contacts, else opportunities. */
function relationsRead(s: Connector): ExampleOperation[] {
  const entity = (['ACCOUNT', 'CONTACT', 'OPPORTUNITY'] as const).find((e) => supports(s, e, 'LIST'));
  if (!entity) return [];
  const { field, select } = PAGED[entity];
  const { relations } = select(s);
  const what = relations.length > 0 ? `${field} with their ${words(relations)}` : field;
  return [{ title: `${s.name}: ${what}`, query: list(s, entity, `${pascal(field)}WithRelations`, null, 5) }];
}

/** Filter values that need no record of the source: a name fragment and a date. */
const NAME_FRAGMENT = 'an';
const SINCE = '2024-01-01T00:00:00Z';

/** A search by name (and change date, where declared) on contacts, else accounts. */
function nameSearch(s: Connector): ExampleOperation[] {
  const entity = (['CONTACT', 'ACCOUNT'] as const).find(
    (e) => supports(s, e, 'LIST') && filtersOf(s, e).includes('name'),
  );
  if (!entity) return [];
  const filter: Record<string, unknown> = { name: NAME_FRAGMENT };
  if (filtersOf(s, entity).includes('updatedSince')) filter['updatedSince'] = SINCE;
  const { field } = PAGED[entity];
  const since = 'updatedSince' in filter ? `, changed since ${SINCE.slice(0, 10)}` : '';
  return [
    {
      title: `${s.name}: ${field} whose name contains "${NAME_FRAGMENT}"${since} (filters ${Object.keys(filter).join(', ')})`,
      query: list(s, entity, `Search${pascal(field)}`, filter, 10),
    },
  ];
}

function openOpportunities(s: Connector): ExampleOperation[] {
  if (!supports(s, 'OPPORTUNITY', 'LIST') || !filtersOf(s, 'OPPORTUNITY').includes('status')) return [];
  const { relations } = opportunitySelection(s);
  const withWhat = relations.length > 0 ? ` with ${words(relations)}` : '';
  return [
    {
      title: `${s.name}: open opportunities${withWhat} (filter status)`,
      query: list(s, 'OPPORTUNITY', 'OpenOpportunities', { status: new EnumValue('OPEN') }, 5),
    },
  ];
}

const CREATABLE = ['CONTACT', 'ACCOUNT', 'OPPORTUNITY'] as const;
type Creatable = (typeof CREATABLE)[number];

const MUTATION = {
  CONTACT: { field: 'createContact', payload: 'contact', word: 'contact' },
  ACCOUNT: { field: 'createAccount', payload: 'account', word: 'account' },
  OPPORTUNITY: { field: 'createOpportunity', payload: 'opportunity', word: 'opportunity' },
} as const;

/** Every create path drafts before it commits, so whatever a source creates it can dry-run. */
function canDryRun(s: Connector, entity: Creatable): boolean {
  return supports(s, entity, 'CREATE');
}

/**
 * The input of an example create: fields every vendor stores (what each source lists in
 * `requiredOnCreate` apart from ids is among them), so a source never refuses one as
 * UNSUPPORTED. The closing date is next year's, so it is never in the past.
 */
function sampleInput(entity: Creatable): Record<string, unknown> {
  switch (entity) {
    case 'CONTACT':
      return { firstName: 'Ada', lastName: 'Lovelace', emails: ['ada.lovelace@example.com'] };
    case 'ACCOUNT':
      return { name: 'Analytical Engines Ltd' };
    case 'OPPORTUNITY':
      return {
        name: 'Analytical engine, first unit',
        closingDate: `${new Date().getUTCFullYear() + 1}-06-30`,
        value: { amount: '12500.00' },
      };
  }
}

/** Required create fields that name another record: they come as variables (an id cannot be known without a call). */
const ID_FIELDS: Record<string, { kind: IdKind; list: boolean }> = {
  accountId: { kind: 'Account', list: false },
  ownerId: { kind: 'User', list: false },
  pipelineId: { kind: 'Pipeline', list: false },
  stageId: { kind: 'Stage', list: false },
  primaryContactId: { kind: 'Contact', list: false },
  contactIds: { kind: 'Contact', list: true },
};

function requiredIds(s: Connector, entity: Creatable): string[] {
  const required = s.capabilities.find((c) => c.entity === entity)?.requiredOnCreate ?? [];
  // `firstName|lastName` = one of them; the sample gives every such name field already.
  return required.filter((f) => !f.includes('|') && f in ID_FIELDS);
}

/** An id variable's value: in demo mode a seeded record when one is documented, else a placeholder to replace. */
function idValue(s: Connector, field: string, opts: ExampleOptions): string | string[] {
  const { kind, list: many } = ID_FIELDS[field]!;
  const remote = opts.demo ? DEMO_SEEDS[s.vendor]?.remoteIds?.[kind] : undefined;
  const value = remote !== undefined ? encodeId(kind, s.id, remote) : `<a ${kind} id of source ${s.id}>`;
  return many ? [value] : value;
}

function createExample(
  s: Connector,
  entity: Creatable,
  opts: ExampleOptions,
  mode: 'dryRun' | 'real',
): ExampleOperation {
  const { field, payload, word } = MUTATION[entity];
  const ids = requiredIds(s, entity);
  const input: Record<string, unknown> = { source: s.id, ...sampleInput(entity) };
  for (const id of ids) input[id] = new Variable(id);
  if (mode === 'dryRun') input['dryRun'] = true;
  // A rerun with the same key answers the first result instead of writing again.
  else input['idempotencyKey'] = `playground-${s.id}-${word}`;
  const declarations = ids.map((id) => `$${id}: ${ID_FIELDS[id]!.list ? '[ID!]!' : 'ID!'}`).join(', ');
  const selection =
    mode === 'dryRun' ? 'plannedRequests { method path body }' : `${payload} { ${createdSelection(s, entity)} }`;
  const name = operationName(s, `${mode === 'dryRun' ? 'DryRun' : 'Create'}${pascal(word)}`);
  const query = format(`mutation ${name}${declarations ? `(${declarations})` : ''} {
    ${field}(input: ${literal(input)}) {
      ${selection}
      userErrors { field message code }
      warnings
    }
  }`);
  const vars = words(ids.map((id) => `$${id}`));
  const needs =
    ids.length === 0
      ? ''
      : opts.demo
        ? `; ${vars} ${ids.length > 1 ? 'are seeded records' : 'is a seeded record'} of this source (any of its ids will do)`
        : `; set ${vars} to ids of this source's records (from its lists)`;
  const title =
    mode === 'dryRun'
      ? `${s.name}: ${field} as a dry run — checks the input, answers the vendor requests it would send, writes nothing${needs}`
      : `${s.name}: ${field} for real — writes to the simulator; its idempotencyKey makes a rerun answer the same ${word}${needs}`;
  return {
    title,
    query,
    ...(ids.length > 0 ? { variables: Object.fromEntries(ids.map((id) => [id, idValue(s, id, opts)])) } : {}),
  };
}

function createdSelection(s: Connector, entity: Creatable): string {
  switch (entity) {
    case 'CONTACT':
      return `id remoteId name emails ${supports(s, 'ACCOUNT', 'READ') ? 'primaryAccount { id name }' : ''}`;
    case 'ACCOUNT':
      return 'id remoteId name';
    case 'OPPORTUNITY':
      return 'id remoteId name status closingDate value { amount currencyCode }';
  }
}

/** Demo mode only (a real CRM is never written by an example): one create, of the first entity the source can create. */
function realCreate(s: Connector, opts: ExampleOptions): ExampleOperation[] {
  const entity = CREATABLE.find((e) => supports(s, e, 'CREATE'));
  return entity ? [createExample(s, entity, opts, 'real')] : [];
}

/**
 * A dry-run rename of an account, where the source can change account names: in demo mode
 * on the seeded account its simulator documents (none documented, no example), elsewhere on
 * an id to set. Only `read` is needed to run it.
 */
function updateExample(s: Connector, opts: ExampleOptions): ExampleOperation[] {
  const capability = s.capabilities.find((c) => c.entity === 'ACCOUNT');
  if (!capability?.operations.includes('UPDATE') || !capability.updatableFields.includes('name')) return [];
  const seeded = DEMO_SEEDS[s.vendor]?.remoteIds?.Account;
  if (opts.demo && seeded === undefined) return [];
  const id = opts.demo && seeded !== undefined ? encodeId('Account', s.id, seeded) : `<an Account id of source ${s.id}>`;
  const check = capability.versionCheck === 'NATIVE' ? 'the vendor checks expectedVersion itself' : 'expectedVersion is checked by a read just before the write';
  return [
    {
      title: `${s.name}: updateAccount as a dry run — reads the account and answers the vendor requests that would rename it (${check}), writes nothing; ${
        opts.demo ? '$id is a seeded account' : "set $id to an account of this source (from its lists)"
      }`,
      query: format(`mutation ${operationName(s, 'DryRunRenameAccount')}($id: ID!) {
        updateAccount(input: { id: $id, name: "Analytical Engines Holdings", dryRun: true }) {
          plannedRequests { method path body headers }
          userErrors { field message code }
          warnings
        }
      }`),
      variables: { id },
    },
  ];
}

/* --- GraphQL text --------------------------------------------------------------------- */

/** A `$name` inside a literal. */
class Variable {
  constructor(readonly name: string) {}
}

/** An enum value inside a literal (printed bare). */
class EnumValue {
  constructor(readonly value: string) {}
}

/** A GraphQL input literal of a JSON-like value. */
function literal(value: unknown): string {
  if (value instanceof Variable) return `$${value.name}`;
  if (value instanceof EnumValue) return value.value;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  }
  // JSON strings, numbers, booleans and null are GraphQL literals too.
  return JSON.stringify(value);
}

/** graphql-js's own layout, so every example reads the same in the editor (and is known to parse). */
function format(query: string): string {
  return print(parse(query));
}

/** `PipelinerAccounts` from source `pipeliner`: operation names must be GraphQL names. */
function operationName(s: Connector, what: string): string {
  const id = pascal(s.id.replace(/[^a-z0-9]+/gi, ' '));
  return /^[A-Za-z]/.test(id) ? `${id}${what}` : `Source${id}${what}`;
}

function pascal(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function words(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
