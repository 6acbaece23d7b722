import type { UpdateOpportunityCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';
import type { CurrencyRecord, PipelineRecord, StageRecord } from '../../core/records';
import { ownerChange, setChanged, stored, textChange, type Body, type Known, type Link } from './patches';
import type { PipelinerOpportunity } from './wire';

/** What an opportunity's checks know: the space's pipelines and currencies, and which contacts exist. */
export interface OpportunityKnown extends Known {
  contact(id: string): boolean;
  pipelines: readonly PipelineRecord[];
  currencies: readonly CurrencyRecord[];
}

/**
 * The opportunity's PATCH. Name, closing date, value, owner and step are required on every
 * write (the create input's required list, which the server checks on the stored record), so
 * they cannot be cleared; the description can. The stage is `step_id`, and must be a step of
 * the opportunity's pipeline (the current one, or the `pipelineId` given); a new pipeline
 * alone moves it to that pipeline's first step, as a create does. The account and contacts
 * are the relation arrays, sent whole with exactly one primary item each.
 */
export function opportunityPatch(
  cmd: UpdateOpportunityCommand,
  current: PipelinerOpportunity,
  links: { accounts: readonly Link[]; contacts: readonly Link[] },
  known: OpportunityKnown,
  problems: Problems,
): Body {
  const c = cmd.changes;
  const body: Body = {};
  if (c.name !== undefined) {
    const name = (c.name ?? '').trim();
    if (name === '') problems.add(['name'], 'Pipeliner requires an opportunity name: it cannot be cleared', 'REQUIRED');
    else setChanged(body, 'name', name, current.name);
  }
  if (c.closingDate === null) problems.add(['closingDate'], 'Pipeliner requires a closing date: it cannot be cleared', 'REQUIRED');
  else setChanged(body, 'closing_date', c.closingDate, current.closing_date);
  setChanged(body, 'description', textChange(c.description), current.description);
  if (c.probability !== undefined) {
    problems.add(['probability'], 'Pipeliner keeps no probability per opportunity; it follows the stage (step percent)', 'UNSUPPORTED');
  }
  ownerChange(body, c.ownerId, current.owner_id, known, problems);
  stepChange(body, c, current, known, problems);
  valueChange(body, c, current, known, problems);
  accountChange(body, c.accountId, links.accounts, known, problems);
  contactChanges(body, c, links.contacts, known, problems);
  return body;
}

function stepChange(body: Body, c: UpdateOpportunityCommand['changes'], current: PipelinerOpportunity, known: OpportunityKnown, problems: Problems): void {
  if (c.stageId === null) problems.add(['stageId'], 'Pipeliner requires a step on every opportunity: stageId cannot be cleared', 'REQUIRED');
  if (c.pipelineId === null) problems.add(['pipelineId'], 'an opportunity is always in a pipeline: pipelineId cannot be cleared', 'REQUIRED');
  if (c.stageId === null || c.pipelineId === null || (c.stageId === undefined && c.pipelineId === undefined)) return;
  const stages = known.pipelines.flatMap((p) => p.stages);
  const currentStage = stages.find((s) => s.remoteId === stored(current.step_id));
  let pipeline: PipelineRecord | undefined;
  if (c.pipelineId !== undefined) {
    pipeline = known.pipelines.find((p) => p.remoteId === c.pipelineId);
    if (!pipeline) {
      problems.add(['pipelineId'], `no pipeline ${c.pipelineId} in this source`, 'NOT_FOUND');
      return;
    }
  } else {
    pipeline = known.pipelines.find((p) => p.remoteId === currentStage?.pipelineId);
  }
  let stage: StageRecord | undefined;
  if (c.stageId !== undefined) {
    stage = stages.find((s) => s.remoteId === c.stageId);
    if (!stage) {
      problems.add(['stageId'], `no stage ${c.stageId} in this source`, 'NOT_FOUND');
      return;
    }
    if (pipeline && stage.pipelineId !== pipeline.remoteId) {
      const how = c.pipelineId === undefined ? "the opportunity's pipeline" : 'pipeline';
      problems.add(['stageId'], `stage "${stage.name}" belongs to another pipeline than ${how} "${pipeline.name}"`, 'CONFLICT');
      return;
    }
  } else if (pipeline && pipeline.remoteId !== currentStage?.pipelineId) {
    stage = pipeline.stages[0];
    if (!stage) {
      problems.add(['pipelineId'], `pipeline "${pipeline.name}" has no stages`, 'INVALID');
      return;
    }
  }
  if (stage) setChanged(body, 'step_id', stage.remoteId, current.step_id);
}

/**
 * `value` carries all three fields the spec requires, as on create: the foreign amount in the
 * currency, and the base value through the rate in force. A new currency alone re-prices the
 * same amount; a new amount alone keeps the currency.
 */
function valueChange(body: Body, c: UpdateOpportunityCommand['changes'], current: PipelinerOpportunity, known: OpportunityKnown, problems: Problems): void {
  if (c.value === undefined) return;
  if (c.value === null) {
    problems.add(['value'], 'Pipeliner requires a value on every opportunity: it cannot be cleared', 'REQUIRED');
    return;
  }
  const { amount, currencyCode } = c.value;
  if (amount === null) problems.add(['value', 'amount'], 'Pipeliner requires an amount: it cannot be cleared', 'REQUIRED');
  if (currencyCode === null) problems.add(['value', 'currencyCode'], "an opportunity's value always has a currency: it cannot be cleared", 'REQUIRED');
  if (amount === null || currencyCode === null || (amount === undefined && currencyCode === undefined)) return;
  const currentCurrency = stored(current.value?.currency_id);
  const currency = currencyCode
    ? known.currencies.find((x) => x.code.toUpperCase() === currencyCode.toUpperCase())
    : known.currencies.find((x) => x.remoteId === currentCurrency);
  if (!currency) {
    const known_ = known.currencies.map((x) => x.code).join(', ');
    problems.add(['value', 'currencyCode'], `currency ${currencyCode ?? currentCurrency} is not set up in this source (it has ${known_})`, 'NOT_FOUND');
    return;
  }
  if (!currency.isBase && !(currency.exchangeRate && currency.exchangeRate > 0)) {
    problems.add(['value', 'currencyCode'], `currency ${currency.code} has no exchange rate in force`, 'INVALID');
    return;
  }
  const foreign = amount !== undefined ? Number(amount) : (current.value?.value_foreign ?? current.value?.base_value ?? 0);
  if (foreign === current.value?.value_foreign && currency.remoteId === currentCurrency) return;
  const rate = currency.isBase ? 1 : (currency.exchangeRate as number);
  body['value'] = { base_value: Math.round((foreign / rate) * 100) / 100, currency_id: currency.remoteId, value_foreign: foreign };
}

/** The primary account relation moved (or removed when it is the only one), other links kept. */
function accountChange(body: Body, accountId: string | null | undefined, links: readonly Link[], known: Known, problems: Problems): void {
  const primary = links.find((l) => l.isPrimary);
  if (accountId === undefined || accountId === (primary?.target ?? null)) return;
  const others = links.filter((l) => l !== primary && l.target !== accountId);
  if (accountId === null && others.length > 0) {
    problems.add(['accountId'], `Pipeliner needs exactly one primary account among an opportunity's ${links.length} accounts: its primary one cannot be removed alone`, 'INVALID');
    return;
  }
  if (accountId !== null && !known.account(accountId)) {
    problems.add(['accountId'], `no account ${accountId} in this source`, 'NOT_FOUND');
    return;
  }
  const kept = others.map((l) => ({ account_id: l.target, is_primary: false }));
  body['account_relations'] = accountId === null ? [] : [{ account_id: accountId, is_primary: true }, ...kept];
}

/**
 * `contactIds` replaces the set of contacts; exactly one is primary — the named one, else the
 * current primary if it stays, else the first. Sent only when the set or the primary changes.
 */
function contactChanges(body: Body, c: UpdateOpportunityCommand['changes'], links: readonly Link[], known: OpportunityKnown, problems: Problems): void {
  if (c.contactIds === undefined && c.primaryContactId === undefined) return;
  const linked = new Set(links.map((l) => l.target));
  const ids = c.contactIds === undefined ? links.map((l) => l.target) : (c.contactIds ?? []);
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.add(['contactIds', String(i)], `contact ${id} is listed more than once`, 'INVALID');
    else if (!linked.has(id) && !known.contact(id)) problems.add(['contactIds', String(i)], `no contact ${id} in this source`, 'NOT_FOUND');
    seen.add(id);
  });
  const currentPrimary = links.find((l) => l.isPrimary)?.target;
  let primary: string | undefined;
  if (c.primaryContactId === null) {
    if (ids.length > 0) {
      problems.add(['primaryContactId'], 'Pipeliner needs exactly one primary contact among an opportunity\'s contacts: it cannot be cleared while it has contacts', 'INVALID');
      return;
    }
  } else if (c.primaryContactId !== undefined) {
    primary = c.primaryContactId;
    if (!ids.includes(primary)) {
      problems.add(['primaryContactId'], `contact ${primary} is not among the opportunity's contacts`, 'INVALID');
      return;
    }
  } else {
    primary = currentPrimary && ids.includes(currentPrimary) ? currentPrimary : ids[0];
  }
  const same = ids.length === linked.size && ids.every((id) => linked.has(id)) && primary === currentPrimary;
  if (!same) body['contact_relations'] = ids.map((id) => ({ contact_id: id, is_primary: id === primary }));
}
