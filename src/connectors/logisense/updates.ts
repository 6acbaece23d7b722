import type { CallContext } from '../../core/call';
import type { UpdateAccountCommand, UpdateContactCommand } from '../../core/connector';
import { GatewayError, InputRejected } from '../../core/errors';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { missingRecord } from '../../core/write/version';
import { defineUpdates, type UpdatesTable } from '../../core/writes';
import type { LogiSenseClient } from './client';
import type { LogiSenseSourceConfig } from './config';
import { answerOf, kindOf } from './creates';
import { fromLogiSenseAccount, fromLogiSenseContact } from './map';
import type { LogiSenseReads } from './reads';
import type { LogiSenseReference } from './reference';
import { LogiSenseUpdateDrafts, type AccountUpdatePayload, type ContactUpdatePayload } from './updateDrafts';
import { logisenseAccount } from './wire';

/** Update input fields a LogiSense v6 object lets the gateway change (notes §2.1, seed 004). */
export const UPDATABLE = {
  CONTACT: ['title', 'firstName', 'lastName', 'emails', 'phones'],
  ACCOUNT: ['name'],
} as const;

/**
 * How accounts and contacts are updated: one `PATCH X/{id}` each with only what changed, no
 * batch write (LogiSense has none). `expectedVersion` is checked by reading first
 * (BEST_EFFORT): v6 has no precondition header, and a contact has no stamp at all (its version
 * is a digest, versions.ts). The answer is the record as the vendor now holds it.
 */
export function logiSenseUpdates(
  config: LogiSenseSourceConfig,
  client: LogiSenseClient,
  reference: LogiSenseReference,
  reads: LogiSenseReads,
): UpdatesTable {
  const source = config.id;
  const drafts = new LogiSenseUpdateDrafts(config, client, reference);
  const notFound = (entity: string, id: string) => () => new InputRejected([missingRecord(entity, id)]);

  const ACCOUNT = defineUpdates<UpdateAccountCommand, AccountRecord, AccountUpdatePayload>({
    updatableFields: [...UPDATABLE.ACCOUNT],
    versionCheck: 'BEST_EFFORT',
    draft: (commands, call) => drafts.accounts(commands, call),
    commit: (payloads, call) => Promise.all(payloads.map((p) => answerOf(() => commitAccount(p, call)))),
  });

  const CONTACT = defineUpdates<UpdateContactCommand, ContactRecord, ContactUpdatePayload>({
    updatableFields: [...UPDATABLE.CONTACT],
    versionCheck: 'BEST_EFFORT',
    draft: (commands, call) => drafts.contacts(commands, call),
    commit: (payloads, call) => Promise.all(payloads.map((p) => answerOf(() => commitContact(p, call)))),
  });

  /**
   * The PATCH answers the account with its new `lastUpdate` (its item `updated`, notes §3): that
   * is the record. An answer without a readable account item is read back; when that fails too,
   * the record is the one read before with the name sent, without a version, and a warning.
   */
  async function commitAccount(p: AccountUpdatePayload, call: CallContext): Promise<{ record: AccountRecord; warnings: string[] }> {
    if (!p.request) return { record: fromLogiSenseAccount(source, p.current), warnings: [] };
    const items = await client.write(p.request, { operation: 'account update', fields: p.fields, onNotFound: notFound('ACCOUNT', p.id) }, call);
    const item = items.find((i) => kindOf(i) === 'account' && String(i.identity) === p.id) ?? items.find((i) => kindOf(i) === 'account');
    const answered = client.writtenObject(item, logisenseAccount);
    const account = answered ?? (await quietly(() => client.getOne('Account/{id}/Detail', p.id, logisenseAccount, call)));
    if (account) return { record: fromLogiSenseAccount(source, account), warnings: [] };
    const name = typeof p.request.body['name'] === 'string' ? p.request.body['name'] : p.current.name;
    const sent = fromLogiSenseAccount(source, { ...p.current, name });
    return { record: { ...sent, version: null }, warnings: [unreadable('account', p.id, 'as read before the update, with the name sent')] };
  }

  /**
   * A contact PATCH answers only what it touched (the contact when its properties changed, the
   * points created and deleted), so the contact is read back as any read finds it, with its
   * account link. When that read fails, the record is the one read before, without a version,
   * and a warning: the write happened, so it is not an error.
   */
  async function commitContact(p: ContactUpdatePayload, call: CallContext): Promise<{ record: ContactRecord; warnings: string[] }> {
    if (p.request) {
      await client.write(p.request, { operation: 'contact update', fields: p.fields, onNotFound: notFound('CONTACT', p.id) }, call);
    }
    const [record] = (await quietly(() => reads.getContacts([p.id], call))) ?? [];
    if (record) return { record, warnings: [] };
    if (!p.request) return { record: fromLogiSenseContact(source, p.current, []), warnings: [] };
    return { record: { ...fromLogiSenseContact(source, p.current, []), version: null }, warnings: [unreadable('contact', p.id, 'as read before the update')] };
  }

  return { ACCOUNT, CONTACT };
}

/** A read after a write: its failure must not turn the confirmed write into an error. */
async function quietly<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof GatewayError) return null;
    throw err;
  }
}

function unreadable(what: string, id: string, shown: string): string {
  return `LogiSense confirmed the ${what} update (identity ${id}) but it could not be read back: the record shown is ${shown}`;
}
