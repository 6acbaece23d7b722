import { encodeId } from '../../src/core/globalId';
import type { Gateway } from '../../src/server';
import type { Fault, LoggedRequest, RequestMatch, SimulatorServer } from '../../src/simulators/kit';
import { startCin7 } from '../connectors/cin7/harness';
import { startLogiSense } from '../connectors/logisense/harness';
import { startPipeliner } from '../connectors/pipeliner/harness';
import { startSuperOffice } from '../connectors/superoffice/harness';
import { testGateway } from '../support/gateway';

/** The entities every vendor creates through the one write path. */
export type Entity = 'account' | 'contact';

/** A vendor's simulator and an in-process gateway over it, running. */
export interface RunningVendor {
  readonly gateway: Gateway;
  readonly server: SimulatorServer;
  /** Path of the vendor API in the simulator log; planned requests' paths are below it. */
  readonly apiRoot: string;
  /** Records of `entity` the vendor holds. */
  count(entity: Entity): number;
  /** The global id of an account the vendor holds from its seed, to create contacts under. */
  seededAccountId(): string;
  /** What identifies the input a stored contact was created from (see `ContractVendor.batch.tag`). */
  storedContactTag(remoteId: string): string | null | undefined;
  close(): Promise<void>;
}

/** One vendor, as the contract suites run it. */
export interface ContractVendor {
  readonly source: string;
  /** The vendor as errors name it (`extensions.vendor`). */
  readonly vendor: string;
  start(options: { timeoutMs: number }): Promise<RunningVendor>;
  /** A minimal create input of each entity the vendor accepts (without `source`), named `name`. */
  minimal: Record<Entity, (name: string) => Record<string, unknown>>;
  /** The request that writes a single create of each entity. */
  writeOf: Record<Entity, RequestMatch>;
  /** Whether a logged request changed something at the vendor (a login is not a write). */
  isWrite(r: LoggedRequest): boolean;
  /** An input the vendor's own rules refuse, and the field and code its one userError names. */
  refused: { entity: Entity; input: Record<string, unknown>; field: string[]; code: string };
  /**
   * The vendor's account updates and deletes, for the write-path cases (idempotency keys and
   * dry runs as for creates); absent = not covered yet. Each case runs on an account the case
   * creates first.
   */
  edits?: {
    /** Account update changes (besides `id`) the vendor accepts, naming the account `name`. */
    update: (name: string) => Record<string, unknown>;
    /** The request that writes an account update (`afterNext` commits it, then answers late). */
    updateWrite: RequestMatch;
    /** Whether accounts can be deleted here. */
    deletes: boolean;
  };
  /** A `createContacts` batch with one vendor call failing with a 5xx. */
  batch: {
    size: number;
    /** The vendor's batch size (the write carries that many records), or null: one write per input. */
    chunk: number | null;
    input(i: number): Record<string, unknown>;
    /** What `storedContactTag` answers for the record of input `i`. */
    tag(i: number): string;
    /** The failing call: answered instead of the vendor, so nothing of it is written. */
    fault: Fault;
    /** The inputs left without a record: exactly these, or (singles sent concurrently) how many. */
    failed: number[] | { count: number };
  };
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);
const notRead = (r: LoggedRequest): boolean => r.method !== 'GET';

const pipeliner: ContractVendor = {
  source: 'pipeliner',
  vendor: 'PIPELINER',
  async start({ timeoutMs }) {
    // No retries: the scripted failures are counted per request.
    const s = await startPipeliner({ sim: { size: { accounts: 3, contacts: 3, opportunities: 0 } }, source: { timeoutMs, maxRetries: 0 } });
    return {
      gateway: s.gateway,
      server: s.sim.server,
      apiRoot: `/api/v100/rest/spaces/${s.sim.spaceId}`,
      count: (entity) => s.sim.count(entity === 'account' ? 'Accounts' : 'Contacts'),
      seededAccountId: () => encodeId('Account', 'pipeliner', s.sim.records('Accounts')[0]!.id),
      storedContactTag: (id) => s.sim.record('Contacts', id)?.['first_name'] as string | undefined,
      close: () => s.close(),
    };
  },
  minimal: { account: (name) => ({ name }), contact: (name) => ({ firstName: name, lastName: 'Contract' }) },
  writeOf: {
    account: { method: 'POST', pathIncludes: '/entities/Accounts' },
    contact: { method: 'POST', pathIncludes: '/entities/Contacts' },
  },
  isWrite: notRead,
  edits: { update: (name) => ({ name }), updateWrite: { method: 'PATCH', pathIncludes: '/entities/Accounts/' }, deletes: true },
  refused: { entity: 'contact', input: { jobTitle: 'Nameless' }, field: ['input', 'lastName'], code: 'REQUIRED' },
  batch: {
    size: 300,
    chunk: 100,
    input: (i) => ({ firstName: `Safe${i}`, lastName: 'Batch' }),
    tag: (i) => `Safe${i}`,
    fault: {
      status: 500,
      body: { success: false, code: 500, name: 'ERROR', http_status: 500 },
      nth: 2,
      match: { method: 'POST', pathIncludes: '/Contacts/batch-modify' },
    },
    failed: range(100, 100),
  },
};

const superoffice: ContractVendor = {
  source: 'superoffice',
  vendor: 'SUPEROFFICE',
  async start({ timeoutMs }) {
    const s = await startSuperOffice({ sim: { size: { companies: 3, persons: 3, sales: 0 } }, source: { timeoutMs } });
    return {
      gateway: s.gateway,
      server: s.sim.server,
      apiRoot: `/${s.sim.tenant}/api/v1`,
      count: (entity) => (entity === 'account' ? s.sim.store.contacts() : s.sim.store.persons()).length,
      // Company 1 is the tenant's own.
      seededAccountId: () => encodeId('Account', 'superoffice', String(s.sim.store.contacts().find((c) => c.id > 1)!.id)),
      storedContactTag: (id) => s.sim.store.person(Number(id))?.lastname,
      close: () => s.close(),
    };
  },
  minimal: { account: (name) => ({ name }), contact: (name) => ({ lastName: name }) },
  writeOf: {
    // A company is a SuperOffice Contact: the POST on the collection, never on `/Contact/{id}`.
    account: { method: 'POST', where: (_, path) => path.endsWith('/api/v1/Contact') },
    contact: { method: 'POST', pathIncludes: '/Person' },
  },
  isWrite: notRead,
  edits: { update: (name) => ({ name }), updateWrite: { method: 'PATCH', pathIncludes: '/Contact/' }, deletes: true },
  refused: {
    entity: 'contact',
    input: { lastName: 'Verbose', jobTitle: 'x'.repeat(240) },
    field: ['input', 'jobTitle'],
    code: 'TOO_LONG',
  },
  batch: {
    // SuperOffice has no batch write: one POST per input, a few at a time.
    size: 300,
    chunk: null,
    input: (i) => ({ lastName: `Batch-${i}` }),
    tag: (i) => `Batch-${i}`,
    fault: {
      status: 500,
      body: { Error: true, ErrorType: 'SoException', ErrorMessage: 'Simulated server fault: nothing was saved' },
      nth: 137,
      match: { method: 'POST', pathIncludes: '/Person' },
    },
    failed: { count: 1 },
  },
};

const cin7: ContractVendor = {
  source: 'cin7',
  vendor: 'CIN7_OMNI',
  async start({ timeoutMs }) {
    // Closing the setup closes the GatewayResources it made (the key's pacer) too.
    const s = await startCin7({ sim: { size: { customers: 3, suppliers: 0, users: 2, quotes: 0 } }, source: { timeoutMs } });
    return {
      gateway: s.gateway,
      server: s.sim.server,
      apiRoot: '/api',
      // Accounts and contacts are both Cin7 contact records; a contact under an account is one
      // of that record's secondary contacts.
      count(entity) {
        const records = s.sim.store.contacts();
        const secondaries = records.reduce((n, r) => n + (r.secondaryContacts?.length ?? 0), 0);
        return records.length + (entity === 'contact' ? secondaries : 0);
      },
      seededAccountId: () => encodeId('Account', 'cin7', String(s.sim.store.contacts()[0]!.id)),
      storedContactTag: (id) => s.sim.store.contact(Number(id))?.firstName,
      close: () => s.close(),
    };
  },
  minimal: { account: (name) => ({ name }), contact: (name) => ({ firstName: name }) },
  writeOf: {
    account: { method: 'POST', pathIncludes: '/v1/Contacts' },
    contact: { method: 'POST', pathIncludes: '/v1/Contacts' },
  },
  isWrite: notRead,
  edits: { update: (name) => ({ name }), updateWrite: { method: 'PUT', pathIncludes: '/v1/Contacts' }, deletes: true },
  refused: { entity: 'contact', input: { firstName: 'z'.repeat(251) }, field: ['input', 'firstName'], code: 'TOO_LONG' },
  batch: {
    size: 600,
    chunk: 250,
    input: (i) => ({ firstName: `Batch-${i}` }),
    tag: (i) => `Batch-${i}`,
    fault: { status: 500, body: 'An error has occurred.', nth: 2, match: { method: 'POST', pathIncludes: '/v1/Contacts' } },
    failed: range(250, 250),
  },
};

/** Seeded LogiSense accounts the contact cases create under. */
const LOGISENSE_ACCOUNT = 10003;
const logisenseAccount = (remoteId: number): string => encodeId('Account', 'logisense', String(remoteId));

const logisense: ContractVendor = {
  source: 'logisense',
  vendor: 'LOGISENSE',
  async start({ timeoutMs }) {
    const s = await startLogiSense({ source: { timeoutMs } });
    const gateway = await testGateway([s.connector]);
    return {
      gateway,
      server: s.sim.server,
      apiRoot: '/ResourceServer/api/v6',
      count: (entity) => (entity === 'account' ? s.sim.store.accounts() : s.sim.store.contacts()).length,
      seededAccountId: () => logisenseAccount(LOGISENSE_ACCOUNT),
      storedContactTag(id) {
        const contact = s.sim.store.contact(Number(id));
        const accounts = s.sim.store.accountsOfContact(Number(id)).map((a) => a.identity);
        return contact && `${contact.lastName} at ${accounts.join(', ')}`;
      },
      async close() {
        await gateway.stop(); // closes the connector too
        await s.sim.close();
      },
    };
  },
  minimal: {
    account: (name) => ({ name }),
    contact: (name) => ({ lastName: name, emails: ['contract@logisense.example'], accountId: logisenseAccount(LOGISENSE_ACCOUNT) }),
  },
  writeOf: {
    account: { method: 'POST', where: (_, path) => path.endsWith('/Account') },
    // A contact is created by the PATCH of its account.
    contact: { method: 'PATCH', pathIncludes: `/Account/${LOGISENSE_ACCOUNT}` },
  },
  isWrite: (r) => notRead(r) && !/\/Access\/Login$/i.test(r.path),
  // No deletes: LogiSense v6 documents no DELETE of a contact or an account.
  edits: { update: (name) => ({ name }), updateWrite: { method: 'PATCH', where: (_, path) => /\/Account\/\d+$/.test(path) }, deletes: false },
  refused: {
    entity: 'contact',
    input: { lastName: 'Middle', middleName: 'K', emails: ['m@logisense.example'], accountId: logisenseAccount(LOGISENSE_ACCOUNT) },
    field: ['input', 'middleName'],
    code: 'UNSUPPORTED',
  },
  batch: {
    // No batch write: one PATCH per input, each under its own account.
    size: 8,
    chunk: null,
    input: (i) => ({ lastName: `Batch ${i}`, emails: [`batch${i}@safety.example`], accountId: logisenseAccount(10001 + i) }),
    tag: (i) => `Batch ${i} at ${10001 + i}`,
    // The fourth input's PATCH, told by its account's path.
    fault: { status: 500, match: { method: 'PATCH', pathIncludes: '/Account/10004' } },
    failed: [3],
  },
};

/** Every vendor, one entry each: the table the contract suites run over. */
export const VENDORS: readonly ContractVendor[] = [pipeliner, superoffice, cin7, logisense];
