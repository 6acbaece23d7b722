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
import {
  logisenseAccount,
  logisenseContact,
  logisenseContactPoint,
  type LogiSenseContact,
  type LogiSenseContactPoint,
  type LogiSenseWriteItem,
} from './wire';

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
   * Sends the PATCH and reads what it created from the documented answer (seed 004): items of
   * `{identity, action, dtoTypeKey, instance}`, with no `patchClientId` echo. The request
   * creates one contact, so the `created` contact item is it, and the `created` contact point
   * items of that contact are its points. When the answer does not account for every point
   * sent (the sample lists the contact alone), the contact is read back
   * (`GET Contact/{id}/Detail`). The account is primed — its item when the answer has one, else
   * as the draft read it (a child create leaves its own fields as they were) — so the contact's
   * primaryAccount costs no read.
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
    const item = items.find((i) => created(i, 'contact')) ?? items.find((i) => i.patchClientId === 1);
    const id = client.confirmedId(item, 'the contact create');
    const parent = client.writtenObject(
      items.find((i) => kindOf(i) === 'account'),
      logisenseAccount,
    );
    call.prime?.(fromLogiSenseAccount(source, parent ?? p.account));
    const contact = client.writtenObject(item, logisenseContact);
    const points = items
      .filter((i) => created(i, 'contactpoint'))
      .map((i) => client.writtenObject(i, logisenseContactPoint))
      .filter((pt): pt is LogiSenseContactPoint => pt !== null && (pt.contactId == null || pt.contactId === id));
    if (contact && points.length === p.points) {
      const wire = { ...contact, details: { ...contact.details, contactPoints: points } };
      return { record: fromLogiSenseContact(source, wire, [p.accountId]), warnings: [] };
    }
    const readBack = await readContact(id, call);
    if (readBack) return { record: fromLogiSenseContact(source, readBack, [p.accountId]), warnings: [] };
    const sent = fromLogiSenseContact(source, { identity: id, ...p.contact }, [p.accountId]);
    // Its points are not known as the vendor holds them, so neither is its version.
    return { record: { ...sent, emails: p.emails, phones: p.phones, version: null }, warnings: [unreadable('contact', id)] };
  }

  /**
   * The created contact as the vendor now holds it; null when that read fails: the contact was
   * written, so a failed read must not turn the create into an error (a retry would duplicate it).
   */
  async function readContact(id: number, call: CallContext): Promise<LogiSenseContact | null> {
    try {
      return await client.getOne('Contact/{id}/Detail', String(id), logisenseContact, call);
    } catch (err) {
      if (err instanceof GatewayError) return null;
      throw err;
    }
  }

  return { ACCOUNT, CONTACT };
}

/** The answer of one commit: the vendor's refusal or fault for this item is its answer, not the call's. */
export async function answerOf<T>(send: () => Promise<{ record: T; warnings: string[] }>): Promise<Committed<T>> {
  try {
    return await send();
  } catch (err) {
    if (err instanceof InputRejected || err instanceof GatewayError) return err;
    throw err;
  }
}

/** A write item's `dtoTypeKey`, compared without regard to case (.NET serializers differ). */
export function kindOf(item: LogiSenseWriteItem): string {
  return (item.dtoTypeKey ?? '').toLowerCase();
}

function created(item: LogiSenseWriteItem, kind: string): boolean {
  return kindOf(item) === kind && (item.action ?? '').toLowerCase() === 'created';
}

function unreadable(what: string, id: number): string {
  const how = what === 'contact' ? 'neither its answer nor a read of it could be used' : 'its answer could not be read';
  return `LogiSense confirmed the ${what} (identity ${id}) but ${how}: the record shown is what was sent`;
}
