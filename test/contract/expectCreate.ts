import type { LoggedRequest } from '../../src/simulators/kit';
import { dataOf } from '../support/gateway';
import type { ContractVendor, Entity, RunningVendor } from './vendors';

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

/** A vendor request as the gateway plans it: the path below the vendor's API root. */
export interface PlannedRequest {
  method: string;
  path: string;
  body: unknown;
}

/** What one create input did at one vendor. */
export interface CreateOutcome {
  /** The create's userErrors (its dry run answered the same ones). */
  userErrors: UserError[];
  /** The dry run's plan: the requests the create would send; null when the input is refused. */
  plannedRequests: PlannedRequest[] | null;
  /** The write requests the create then sent, in the plan's form. */
  sent: PlannedRequest[];
  /** Records the vendor gained. */
  written: number;
  /** The created record, or null. */
  record: { id: string; remoteId: string } | null;
}

const QUERY: Record<Entity, string> = {
  account: `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
    account { id remoteId } userErrors { field message code } warnings plannedRequests { method path body } } }`,
  contact: `mutation($input: CreateContactInput!) { createContact(input: $input) {
    contact { id remoteId } userErrors { field message code } warnings plannedRequests { method path body } } }`,
};
const FIELD: Record<Entity, string> = { account: 'createAccount', contact: 'createContact' };

interface Payload {
  userErrors: UserError[];
  warnings: string[];
  plannedRequests: PlannedRequest[] | null;
  [record: string]: unknown;
}

/**
 * Runs `input` at one vendor as a dry run, then as the create, and answers what each did. What
 * holds for every input is checked here: the dry run writes nothing and answers no record, and
 * both runs answer the same userErrors and warnings.
 */
export async function expectCreate(
  vendor: ContractVendor,
  running: RunningVendor,
  entity: Entity,
  input: Record<string, unknown>,
): Promise<CreateOutcome> {
  const run = async (extra: Record<string, unknown>): Promise<Payload> =>
    dataOf(await running.gateway.execute(QUERY[entity], { input: { source: vendor.source, ...input, ...extra } }))[FIELD[entity]] as Payload;
  const writes = (): LoggedRequest[] => running.server.log.filter((r) => vendor.isWrite(r));
  const asPlanned = (r: LoggedRequest): PlannedRequest => ({ method: r.method, path: r.path.slice(running.apiRoot.length), body: r.body });

  const before = running.count(entity);
  running.server.clearLog();
  const dry = await run({ dryRun: true });
  expect(writes()).toEqual([]);
  expect(running.count(entity)).toBe(before);
  expect(dry[entity]).toBeNull();

  running.server.clearLog();
  const real = await run({});
  expect(real.plannedRequests).toBeNull();
  expect(real.userErrors).toEqual(dry.userErrors);
  expect(real.warnings).toEqual(dry.warnings);
  return {
    userErrors: real.userErrors,
    plannedRequests: dry.plannedRequests,
    sent: writes().map(asPlanned),
    written: running.count(entity) - before,
    record: real[entity] as CreateOutcome['record'],
  };
}
