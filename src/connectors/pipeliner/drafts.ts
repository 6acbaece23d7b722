import type { z } from 'zod';
import type { CallContext } from '../../core/call';
import type { CreateAccountCommand, CreateContactCommand, CreateOpportunityCommand } from '../../core/connector';
import { InputRejected } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import { Problems } from '../../core/problems';
import type { CurrencyRecord, PipelineRecord, StageRecord } from '../../core/records';
import type { DraftOf } from '../../core/writes';
import { accountBody, contactBody, opportunityBody } from './bodies';
import { createRequest, type PipelinerClient } from './client';
import type { PipelinerSourceConfig } from './config';
import type { Lookups } from './reads';
import { defaultOwnerOf, type PipelinerReference } from './reference';
import { pipelinerAccount, pipelinerContact, SLOTS } from './wire';

/** What a Pipeliner create commits: the entity and the body of its POST. */
export interface CreatePayload {
  plural: 'Contacts' | 'Accounts' | 'Opportunities';
  body: Record<string, unknown>;
}

/** An opportunity also keeps what its record is mapped with once Pipeliner answers. */
export interface OpportunityPayload extends CreatePayload {
  lookups: Lookups;
  contactIds: string[];
  primaryContact: string | undefined;
  accountId: string | undefined;
}

type Drafts<P> = Promise<Array<DraftOf<P> | InputRejected>>;

/** Resolves an input's owner (or the default one) against the space's clients. */
type OwnerOf = (named: string | undefined, problems: Problems) => string | null;

/**
 * Pipeliner's documented rules, checked before anything is sent (vendor notes §3), so input
 * Pipeliner would refuse is answered with userErrors and nothing is written. The references
 * the checks need — clients, named accounts and contacts, pipelines, currencies — are read
 * once for all commands of a call, not once per command.
 */
export class PipelinerDrafts {
  constructor(
    private readonly config: PipelinerSourceConfig,
    private readonly client: PipelinerClient,
    private readonly reference: PipelinerReference,
  ) {}

  async accounts(cmds: readonly CreateAccountCommand[], call: CallContext): Drafts<CreatePayload> {
    const ownerOf = await this.owners(call);
    return cmds.map((cmd) => {
      const problems = new Problems();
      checkSlots(cmd, problems);
      const ownerId = ownerOf(cmd.ownerId, problems);
      if (problems.any || !ownerId) return new InputRejected(problems.errors);
      return draftOf({ plural: 'Accounts', body: accountBody(cmd, ownerId) });
    });
  }

  async contacts(cmds: readonly CreateContactCommand[], call: CallContext): Drafts<CreatePayload> {
    const [ownerOf, accounts] = await Promise.all([this.owners(call), this.existing('Accounts', cmds.map((c) => c.accountId), call)]);
    return cmds.map((cmd) => {
      const problems = new Problems();
      if (!cmd.firstName?.trim() && !cmd.lastName?.trim()) {
        problems.add(['lastName'], 'Pipeliner needs a first or a last name; both are empty', 'REQUIRED');
      }
      checkSlots(cmd, problems);
      const ownerId = ownerOf(cmd.ownerId, problems);
      this.mustExist(accounts, cmd.accountId, ['accountId'], 'account', problems);
      if (problems.any || !ownerId) return new InputRejected(problems.errors);
      return draftOf({ plural: 'Contacts', body: contactBody(cmd, ownerId) });
    });
  }

  /**
   * In the first step of the chosen (or default) pipeline unless a stage is named, in the base
   * currency unless another is named; the primary contact is the named one, else the first.
   */
  async opportunities(cmds: readonly CreateOpportunityCommand[], call: CallContext): Drafts<OpportunityPayload> {
    const [ownerOf, pipelines, currencies, accounts, contacts] = await Promise.all([
      this.owners(call),
      this.reference.pipelines(call),
      this.reference.currencies(call),
      this.existing('Accounts', cmds.map((c) => c.accountId), call),
      this.existing('Contacts', cmds.flatMap((c) => c.contactIds), call),
    ]);
    const lookups: Lookups = {
      codes: new Map(currencies.map((c) => [c.remoteId, c.code])),
      stages: new Map(pipelines.flatMap((p) => p.stages).map((s) => [s.remoteId, s])),
    };
    return cmds.map((cmd) => {
      const problems = new Problems();
      if (cmd.probability !== undefined) {
        problems.add(['probability'], 'Pipeliner keeps no probability per opportunity; it follows the stage (step percent)', 'UNSUPPORTED');
      }
      const ownerId = ownerOf(cmd.ownerId, problems);
      const stage = this.stageFor(cmd, pipelines, problems);
      const currency = currencyFor(cmd, currencies, problems);
      this.mustExist(accounts, cmd.accountId, ['accountId'], 'account', problems);
      cmd.contactIds.forEach((id, i) => this.mustExist(contacts, id, ['contactIds', String(i)], 'contact', problems));
      if (problems.any || !ownerId || !stage || !currency) return new InputRejected(problems.errors);
      const primaryContact = cmd.primaryContactId ?? cmd.contactIds[0];
      return draftOf({
        plural: 'Opportunities',
        body: opportunityBody(cmd, { ownerId, stage, currency, primaryContact }),
        lookups,
        contactIds: cmd.contactIds,
        primaryContact,
        accountId: cmd.accountId,
      });
    });
  }

  /** The owner id to send: the named client (which must exist) or the default owner. */
  private async owners(call: CallContext): Promise<OwnerOf> {
    const clients = await this.reference.clients(call);
    const fallback = defaultOwnerOf(clients, this.config.options.defaultOwnerId);
    return (named, problems) => {
      if (named) {
        if (clients.some((c) => c.id === named)) return named;
        problems.add(['ownerId'], `no user ${named} in source "${this.config.id}"`, 'NOT_FOUND');
        return null;
      }
      if (fallback) return fallback.id;
      problems.add(
        ['ownerId'],
        `source "${this.config.id}" has no default owner (configured owner missing or no active user); pass ownerId`,
        'REQUIRED',
      );
      return null;
    };
  }

  /** Which of `ids` Pipeliner holds: one GET per distinct id (it has no batch read). */
  async existing(plural: 'Accounts' | 'Contacts', ids: ReadonlyArray<string | undefined>, call: CallContext): Promise<Set<string>> {
    const distinct = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    const schema: z.ZodType<{ id: string }> = plural === 'Accounts' ? pipelinerAccount : pipelinerContact;
    const rows = await mapLimit(distinct, this.config.options.readConcurrency, (id) => this.client.get(plural, schema, id, [], call));
    return new Set(distinct.filter((_, i) => rows[i]));
  }

  private mustExist(found: Set<string>, id: string | undefined, field: string[], what: string, problems: Problems): void {
    if (id && !found.has(id)) problems.add(field, `no ${what} ${id} in source "${this.config.id}"`, 'NOT_FOUND');
  }

  /** The step: the named one (in the named pipeline, if any), else the pipeline's first. */
  private stageFor(cmd: CreateOpportunityCommand, pipelines: PipelineRecord[], problems: Problems): StageRecord | null {
    const pipelineId = cmd.pipelineId ?? this.config.options.defaultPipelineId;
    const pipeline = pipelineId ? pipelines.find((p) => p.remoteId === pipelineId) : pipelines[0];
    if (!pipeline) {
      const why = pipelineId ? `no pipeline ${pipelineId} in source "${this.config.id}"` : `source "${this.config.id}" has no pipeline`;
      problems.add(['pipelineId'], why, 'NOT_FOUND');
      return null;
    }
    if (!cmd.stageId) {
      const first = pipeline.stages[0];
      if (!first) problems.add(['pipelineId'], `pipeline "${pipeline.name}" has no stages`, 'INVALID');
      return first ?? null;
    }
    const stage = pipelines.flatMap((p) => p.stages).find((s) => s.remoteId === cmd.stageId);
    if (!stage) {
      problems.add(['stageId'], `no stage ${cmd.stageId} in source "${this.config.id}"`, 'NOT_FOUND');
      return null;
    }
    if (cmd.pipelineId && stage.pipelineId !== cmd.pipelineId) {
      problems.add(['stageId'], `stage "${stage.name}" belongs to another pipeline than pipeline "${pipeline.name}"`, 'CONFLICT');
      return null;
    }
    return stage;
  }
}

function draftOf<P extends CreatePayload>(payload: P): DraftOf<P> {
  return { payload, requests: [createRequest(payload.plural, payload.body)], warnings: [] };
}

function currencyFor(cmd: CreateOpportunityCommand, currencies: CurrencyRecord[], problems: Problems): CurrencyRecord | null {
  const code = cmd.value.currencyCode;
  const currency = code ? currencies.find((c) => c.code.toUpperCase() === code) : currencies.find((c) => c.isBase);
  if (!currency) {
    const known = currencies.map((c) => c.code).join(', ');
    const why = code ? `currency ${code} is not set up in this source (it has ${known})` : 'this source has no base currency';
    problems.add(['value', 'currencyCode'], why, 'NOT_FOUND');
    return null;
  }
  if (!currency.isBase && !(currency.exchangeRate && currency.exchangeRate > 0)) {
    problems.add(['value', 'currencyCode'], `currency ${currency.code} has no exchange rate in force`, 'INVALID');
    return null;
  }
  return currency;
}

function checkSlots(cmd: { emails: string[]; phones: string[] }, problems: Problems): void {
  if (cmd.emails.length > SLOTS) {
    problems.add(['emails'], `Pipeliner keeps at most ${SLOTS} e-mail addresses, got ${cmd.emails.length}`, 'INVALID');
  }
  if (cmd.phones.length > SLOTS) {
    problems.add(['phones'], `Pipeliner keeps at most ${SLOTS} phone numbers, got ${cmd.phones.length}`, 'INVALID');
  }
}
