import {
  logiSenseConnector,
  logisenseSourceSchema,
  type LogiSenseConnectorDeps,
} from '../../../src/connectors/logisense';
import type { CallContext } from '../../../src/core/call';
import type { Connector } from '../../../src/core/connector';
import { GatewayError, InputRejected } from '../../../src/core/errors';
import type { EntityWrites, WritableEntity, WriteTypes } from '../../../src/core/writes';
import {
  createLogiSenseSimulator,
  type LogiSenseSimulator,
  type LogiSenseSimulatorOptions,
} from '../../../src/simulators/logisense';
import type { LoggedRequest } from '../../../src/simulators/kit';

export const SOURCE = 'logisense';

export interface Setup {
  sim: LogiSenseSimulator;
  connector: Connector;
  /** Login requests the simulator has answered so far. */
  logins(): number;
  /** Logged requests as `METHOD /Path` below the resource root (login as `POST login`). */
  calls(): string[];
  close(): Promise<void>;
}

export interface SetupOptions {
  sim?: LogiSenseSimulatorOptions;
  /** Source config fields over the defaults (credentials default to the simulator's password login). */
  source?: Record<string, unknown>;
  deps?: LogiSenseConnectorDeps;
}

/** A seeded simulator on a free port and a connector configured against it, as a deployment would. */
export async function startLogiSense(options: SetupOptions = {}): Promise<Setup> {
  const sim = createLogiSenseSimulator(options.sim);
  await sim.listen();
  const c = sim.credentials;
  const config = logisenseSourceSchema.parse({
    id: SOURCE,
    vendor: 'logisense',
    baseUrl: sim.url,
    credentials: { clientId: c.clientId, username: c.username, password: c.password },
    timeoutMs: 5000,
    retryBaseMs: 5,
    ...options.source,
  });
  const connector = logiSenseConnector(config, undefined, options.deps);
  return {
    sim,
    connector,
    logins: () => sim.server.log.filter(isLogin).length,
    calls: () => sim.server.log.map(describe),
    async close() {
      await connector.close();
      await sim.close();
    },
  };
}

function isLogin(r: LoggedRequest): boolean {
  return /\/Access\/Login$/i.test(r.path);
}

function describe(r: LoggedRequest): string {
  if (isLogin(r)) return 'POST login';
  return `${r.method} ${r.path.replace(/^\/ResourceServer\/api\/v6\//i, '')}${r.status === 200 ? '' : ` → ${r.status}`}`;
}

/** Fails the test when a scripted fault was left unused (STYLE P16). */
export function expectNoPendingFaults(s: Setup): void {
  const pending = s.sim.server.pendingFaults();
  if (pending !== 0) throw new Error(`${pending} scripted fault(s) were never consumed`);
}

/**
 * One create through the connector's write path, as the gateway runs it: draft, then commit
 * that draft. Resolves to the record and its warnings; rejects with the InputRejected of the
 * draft or of the vendor, or the GatewayError the commit answered.
 */
export async function createOne<E extends WritableEntity>(
  connector: Connector,
  entity: E,
  command: WriteTypes[E]['command'],
  call: CallContext,
): Promise<{ record: WriteTypes[E]['record']; warnings: string[] }> {
  const writes: EntityWrites<WriteTypes[E]['command'], WriteTypes[E]['record']> | undefined = connector.writes[entity];
  if (!writes) throw new Error(`${connector.id} declares no creates of ${entity}`);
  const [draft] = await writes.draft([command], call);
  if (draft instanceof InputRejected) throw draft;
  const [answer] = await writes.commit([draft!], call);
  if (answer instanceof InputRejected || answer instanceof GatewayError) throw answer;
  return answer!;
}

/** Counts of what the simulator holds, to prove that a refused create or a dry run wrote nothing. */
export function holdings(s: Setup): { accounts: number; contacts: number; points: number } {
  return {
    accounts: s.sim.store.accounts().length,
    contacts: s.sim.store.contacts().length,
    points: s.sim.store.contactPoints().length,
  };
}

/**
 * The `PATCH Account/{id}` body creating one contact of the default type (Shipping, the first of
 * back-end type "Other") with one e-mail and one phone, in the default layout: children beside
 * an empty `details`, as the seed 004 sample has them.
 */
export function shippingContactPatch(
  s: Setup,
  c: { title: string; firstName: string; lastName: string; email: string; phone: string },
): Record<string, unknown> {
  const shipping = s.sim.store.contactTypes().find((t) => t.name === 'Shipping')!;
  const point = (name: string) =>
    s.sim.store.contactPointTypes().find((t) => t.contactTypeId === shipping.identity && t.name === name)!.identity;
  const created = (patchClientId: number, fields: Record<string, unknown>) => ({
    patchType: 'create',
    patchClientId,
    ...fields,
  });
  const points = [
    created(2, { contactPointTypeId: point('email'), value: c.email }),
    created(3, { contactPointTypeId: point('phone'), value: c.phone }),
  ];
  const contact = created(1, {
    contactTypeId: shipping.identity,
    title: c.title,
    firstName: c.firstName,
    lastName: c.lastName,
    contactPoints: { items: points },
  });
  return { details: {}, contacts: { items: [contact] } };
}
