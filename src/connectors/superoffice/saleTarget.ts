import type { CallContext } from '../../core/call';
import type { CreateOpportunityCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';
import type { PipelineRecord, StageRecord } from '../../core/records';
import { numericId, parseStageId } from './ids';
import type { CurrencyInfo } from './map';
import type { SuperOfficeReference } from './reference';

/** The reference data new sales are placed with, read once for all sales of a call. */
export interface SaleReference {
  pipelines: PipelineRecord[];
  currencies: Map<number, CurrencyInfo>;
  /** The tenant's (or configured) default sale type; read only when a sale names neither type nor stage. */
  defaultTypeId: number | null;
}

/** Where a new sale goes: its sale type and stage, and its currency. */
export interface SaleTarget {
  pipeline: PipelineRecord;
  stage: StageRecord;
  ratingId: number;
  currencyId: number;
}

/** Sale types, currencies and, when some command needs it, the default sale type. */
export async function readSaleReference(
  commands: readonly CreateOpportunityCommand[],
  reference: SuperOfficeReference,
  call: CallContext,
): Promise<SaleReference> {
  const needsDefault = commands.some((cmd) => !cmd.pipelineId && !(cmd.stageId && parseStageId(cmd.stageId)));
  const [pipelines, currencies, defaultTypeId] = await Promise.all([
    reference.pipelines(call),
    reference.currencyInfos(call),
    needsDefault ? reference.defaultSaleTypeId(call) : null,
  ]);
  return { pipelines, currencies, defaultTypeId };
}

/**
 * Resolves the sale type (`pipelineId`, else the type of `stageId`, else the default sale
 * type), the stage (`stageId`, which must be a stage of that type, else the type's first), and
 * the currency (`currencyCode`, else the base currency). Problems are added to `problems`;
 * null then. Every sale needs a sale type (vendor notes §2, the sale admin docs).
 */
export function resolveSaleTarget(
  cmd: CreateOpportunityCommand,
  ref: SaleReference,
  problems: Problems,
  source: string,
): SaleTarget | null {
  const before = problems.errors.length;
  const { pipelines, currencies } = ref;
  const stageRef = cmd.stageId ? parseStageId(cmd.stageId) : null;

  if (cmd.stageId && !stageRef) problems.add(['stageId'], `no stage ${cmd.stageId} in source "${source}"`, 'NOT_FOUND');
  const typeId = cmd.pipelineId ? numericId(cmd.pipelineId) : (stageRef?.saleTypeId ?? ref.defaultTypeId);
  const pipeline = typeId !== null ? pipelines.find((p) => p.remoteId === String(typeId)) : undefined;
  if (!pipeline) {
    if (cmd.pipelineId || stageRef) {
      problems.add(['pipelineId'], `no sale type ${cmd.pipelineId ?? typeId} in source "${source}"`, 'NOT_FOUND');
    } else {
      problems.add(
        ['pipelineId'],
        `source "${source}" has no default sale type; SuperOffice needs one on every sale, pass pipelineId`,
        'REQUIRED',
      );
    }
  }

  let stage: StageRecord | undefined;
  if (pipeline && stageRef) {
    if (String(stageRef.saleTypeId) !== pipeline.remoteId) {
      const other = pipelines.find((p) => p.remoteId === String(stageRef.saleTypeId));
      const named = other?.stages.find((s) => s.remoteId === cmd.stageId)?.name;
      problems.add(
        ['stageId'],
        `stage ${named ? `"${named}"` : (cmd.stageId ?? '')} belongs to ${other ? `sale type "${other.name}"` : 'another sale type'}, not to "${pipeline.name}"`,
        'CONFLICT',
      );
    } else {
      stage = pipeline.stages.find((s) => s.remoteId === cmd.stageId);
      if (!stage)
        problems.add(['stageId'], `sale type "${pipeline.name}" has no stage ${stageRef.ratingId}`, 'NOT_FOUND');
    }
  } else if (pipeline) {
    stage = pipeline.stages[0];
    if (!stage) problems.add(['pipelineId'], `sale type "${pipeline.name}" has no stages`, 'INVALID');
  }

  const code = cmd.value.currencyCode;
  const currency = [...currencies].find(([, c]) => (code ? c.code === code : c.isBase));
  if (!currency) {
    const known = [...currencies.values()].map((c) => c.code).join(', ');
    problems.add(
      ['value', 'currencyCode'],
      code
        ? `currency ${code} is not set up in this source (it has ${known})`
        : 'this source reports no base currency; pass currencyCode',
      'NOT_FOUND',
    );
  }

  if (problems.errors.length > before || !pipeline || !stage || !currency) return null;
  const ratingId = parseStageId(stage.remoteId)?.ratingId ?? 0;
  return { pipeline, stage, ratingId, currencyId: currency[0] };
}
