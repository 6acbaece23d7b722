import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand } from '../../core/connector';
import { GatewayError, InputRejected } from '../../core/errors';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { defineWrites, type Committed, type WritesTable } from '../../core/writes';
import type { LogiSenseClient } from './client';
import type { LogiSenseSourceConfig } from './config';
import { LogiSenseDrafts, type AccountPayload, type ContactPayload } from './drafts';
import { fromLogiSenseAccount, fromLogiSenseContact } from './map';
import type { LogiSenseReference } from './reference';
import { logisenseAccount, logisenseContact, logisenseContactPoint } from './wire';

/**
 * How accounts and contacts are created: one write each, no batch write (LogiSense has none),
 * so the orchestrator commits them one at a time, a few in flight. Every documented rule is
 * checked in the draft (drafts.ts); a 400 that still comes back lists every problem (notes §5)
 * and is mapped onto the input fields by the client.
 */
export function logiSenseWrites(
  config: LogiSenseSourceConfig,
  client: LogiSenseClient,
  reference: LogiSenseReference,
): WritesTable {
  const source = config.id;
  const drafts = new LogiSenseDrafts(config, client, reference);

  const ACCOUNT = defineWrites<CreateAccountCommand, AccountRecord, AccountPayload>({
    requiredOnCreate: ['name'],
    draft: async (commands) => drafts.accounts(commands),
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

  const CONTACT = defineWrites<CreateContactCommand, ContactRecord, ContactPayload>({
    requiredOnCreate: ['accountId'],
    draft: (commands, call) => drafts.contacts(commands, call),
    commit: (payloads, call) => Promise.all(payloads.map((p) => answerOf(() => commitContact(p, call)))),
  });

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
