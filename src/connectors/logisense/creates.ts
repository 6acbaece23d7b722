import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand } from '../../core/connector';
import { GatewayError, InputRejected } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import { Problems } from '../../core/problems';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { defineWrites, type Committed, type WritesTable } from '../../core/writes';
import { toLogiSenseAccountCreate, toLogiSenseContactPatch, type NewContact } from './bodies';
import { checkAccount, checkContactFields, contactPointsOf, contactTypeOf, oncePerAccount } from './checks';
import type { LogiSenseClient, WriteRequest } from './client';
import type { LogiSenseSourceConfig } from './config';
import type { FieldMap } from './errors';
import { fromLogiSenseAccount, fromLogiSenseContact } from './map';
import type { LogiSenseReference } from './reference';
import { logisenseAccount, logisenseContact, logisenseContactPoint, type LogiSenseAccountDetail } from './wire';

/** What a create's commit sends: the one write, and where each input field went in it (to map a 400 back). */
interface Payload {
  request: WriteRequest;
  fields: FieldMap;
}
interface AccountPayload extends Payload {
  name: string;
}
interface ContactPayload extends Payload {
  accountId: string;
  contact: NewContact;
  emails: string[];
  phones: string[];
}

/**
 * How accounts and contacts are created: one write each, no batch write (LogiSense has none),
 * so the orchestrator commits them one at a time, a few in flight. Every documented rule is
 * checked in the draft; a 400 that still comes back lists every problem (notes §5) and is
 * mapped onto the input fields by the client.
 */
export function logiSenseWrites(
  config: LogiSenseSourceConfig,
  client: LogiSenseClient,
  reference: LogiSenseReference,
): WritesTable {
  const source = config.id;

  /** `POST Account` with the name only (notes §2.1): nothing to look up. */
  const ACCOUNT = defineWrites<CreateAccountCommand, AccountRecord, AccountPayload>({
    requiredOnCreate: ['name'],
    draft: async (commands) =>
      commands.map((cmd) => {
        const problems = new Problems();
        checkAccount(cmd, problems);
        if (problems.any) return new InputRejected(problems.errors);
        const name = cmd.name.trim();
        const { body, fields } = toLogiSenseAccountCreate(name);
        const request: WriteRequest = { method: 'POST', path: '/Account', body };
        return { payload: { request, fields, name }, requests: [request], warnings: [] };
      }),
    commit: (payloads, call) =>
      Promise.all(
        payloads.map((p) =>
          answerOf(async () => {
            const items = await client.write(p.request, { operation: 'account create', fields: p.fields }, call);
            const item = items.find((i) => i.dtoTypeKey === 'account') ?? items[0];
            const id = client.confirmedId(item, 'the account create');
            const account = client.writtenObject(item, logisenseAccount);
            if (account) return { record: fromLogiSenseAccount(source, account), warnings: [] };
            return {
              record: fromLogiSenseAccount(source, { identity: id, name: p.name }),
              warnings: [unreadable('account', id)],
            };
          }),
        ),
      ),
  });

  /**
   * A contact is created as a child of its account, by `PATCH Account/{id}` (the linking rule: a
   * v6 Contact has no account key, notes §3 option 1), its e-mails and phones as contact points
   * of the types configured for its contact type (notes §2.2), all in one request. The checks
   * read the contact types, the contact point types and each account named (in parallel, once
   * for all commands).
   */
  const CONTACT = defineWrites<CreateContactCommand, ContactRecord, ContactPayload>({
    requiredOnCreate: ['accountId'],
    draft: async (commands, call) => {
      const accountIds = [...new Set(commands.flatMap((c) => (c.accountId ? [c.accountId] : [])))];
      const [types, pointTypes, accounts] = await Promise.all([
        reference.contactTypes(call),
        reference.contactPointTypes(call),
        accountDetails(accountIds, call),
      ]);
      const type = contactTypeOf(config, types);
      const once = oncePerAccount(type, types);
      // Accounts given their once-per-account contact by an earlier command of this call.
      const taken = new Set<string>();
      return commands.map((cmd) => {
        const problems = new Problems();
        checkContactFields(cmd, problems);
        const points = contactPointsOf(cmd, type, pointTypes, problems);
        const account = cmd.accountId ? accounts.get(cmd.accountId) : undefined;
        if (cmd.accountId && !account) {
          problems.add(['accountId'], `no account ${cmd.accountId} in source "${source}"`, 'NOT_FOUND');
        }
        if (account && once.size > 0) {
          const kind = type.contactTypeTypeName ?? type.name;
          if (account.contacts.some((c) => c.contactTypeId != null && once.has(c.contactTypeId))) {
            problems.add(['accountId'], `the account already has its one ${kind} contact (notes §2.2)`, 'CONFLICT');
          } else if (taken.has(cmd.accountId!)) {
            problems.add(
              ['accountId'],
              `another input already gives the account its one ${kind} contact (notes §2.2)`,
              'CONFLICT',
            );
          }
        }
        const accountId = cmd.accountId;
        if (problems.any || !accountId) return new InputRejected(problems.errors);
        if (once.size > 0) taken.add(accountId);

        const contact: NewContact = {
          contactTypeId: type.identity,
          title: cmd.title,
          firstName: cmd.firstName?.trim(),
          lastName: cmd.lastName?.trim(),
        };
        const { body, fields } = toLogiSenseContactPatch(config.options.patch, contact, points);
        // Names only ids that exist before the write; the `patchClientId`s are ours.
        const request: WriteRequest = { method: 'PATCH', path: `/Account/${accountId}`, body };
        const payload: ContactPayload = { request, fields, accountId, contact, emails: cmd.emails, phones: cmd.phones };
        return { payload, requests: [request], warnings: [] };
      });
    },
    commit: (payloads, call) => Promise.all(payloads.map((p) => answerOf(() => commitContact(p, call)))),
  });

  async function accountDetails(
    ids: readonly string[],
    call: CallContext,
  ): Promise<Map<string, LogiSenseAccountDetail | null>> {
    const details = await mapLimit(ids, config.options.readConcurrency, (id) => client.accountDetail(id, call));
    return new Map(ids.map((id, i) => [id, details[i] ?? null]));
  }

  /**
   * Sends the PATCH and reads its answer: items matched by `patchClientId` (1 the contact, 2… its
   * points), with `dtoTypeKey` as a fallback. The account comes back too (action `retrieved`,
   * fresh after the write) and is primed, so the contact's primaryAccount costs no read.
   */
  async function commitContact(
    p: ContactPayload,
    call: CallContext,
  ): Promise<{ record: ContactRecord; warnings: string[] }> {
    const notFound = (): Error =>
      new InputRejected([
        { field: ['accountId'], message: `no account ${p.accountId} in source "${source}"`, code: 'NOT_FOUND' },
      ]);
    const items = await client.write(
      p.request,
      { operation: 'contact create', fields: p.fields, onNotFound: notFound },
      call,
    );
    const item =
      items.find((i) => i.patchClientId === 1) ??
      items.find((i) => i.dtoTypeKey === 'contact' && i.action === 'created');
    const id = client.confirmedId(item, 'the contact create');
    const parent = client.writtenObject(
      items.find((i) => i.dtoTypeKey === 'account'),
      logisenseAccount,
    );
    if (parent) call.prime?.(fromLogiSenseAccount(source, parent));
    const contact = client.writtenObject(item, logisenseContact);
    const points = items
      .filter((i) => i.dtoTypeKey === 'contactPoint' && (i.patchClientId ?? 0) >= 2)
      .map((i) => client.writtenObject(i, logisenseContactPoint));
    if (contact && points.every((pt) => pt !== null)) {
      const wire = { ...contact, details: { ...contact.details, contactPoints: points } };
      return { record: fromLogiSenseContact(source, wire, [p.accountId]), warnings: [] };
    }
    const sent = fromLogiSenseContact(source, { identity: id, ...p.contact }, [p.accountId]);
    return { record: { ...sent, emails: p.emails, phones: p.phones }, warnings: [unreadable('contact', id)] };
  }

  return { ACCOUNT, CONTACT };
}

/** The answer of one commit: the vendor's refusal or fault for this item is its answer, not the call's. */
async function answerOf<T>(send: () => Promise<{ record: T; warnings: string[] }>): Promise<Committed<T>> {
  try {
    return await send();
  } catch (err) {
    if (err instanceof InputRejected || err instanceof GatewayError) return err;
    throw err;
  }
}

function unreadable(what: string, id: number): string {
  return `LogiSense confirmed the ${what} (identity ${id}) but its answer could not be read: the record shown is what was sent`;
}
