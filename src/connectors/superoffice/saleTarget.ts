import type { CallContext } from '../../core/call';
import type { CreateOpportunityCommand } from '../../core/connector';
import type { UserError } from '../../core/errors';
import type { PipelineRecord, StageRecord } from '../../core/records';
import { numericId, parseStageId } from './ids';
import type { CurrencyInfo } from './map';
import type { SuperOfficeReference } from './reference';

/** Where a new sale goes: its sale type and stage, and its currency. */
export interface SaleTarget {
  pipeline: PipelineRecord;
  stage: StageRecord;
  ratingId: number;
  currencyId: number;
  /** The reference data read on the way, for mapping the saved sale. */
  pipelines: PipelineRecord[];
  currencies: Map<number, CurrencyInfo>;
}

/**
 * Resolves the sale type (`pipelineId`, else the type of `stageId`, else the default sale
 * type), the stage (`stageId`, which must be a stage of that type, else the type's first), and
 * the currency (`currencyCode`, else the base currency). Problems are added to `errors`; null then.
 * Every sale needs a sale type (vendor notes §2, the sale admin docs).
 */
export async function resolveSaleTarget(
  cmd: CreateOpportunityCommand,
  reference: SuperOfficeReference,
  errors: UserError[],
  source: string,
  call: CallContext,
): Promise<SaleTarget | null> {
  const stageRef = cmd.stageId ? parseStageId(cmd.stageId) : null;
  const needsDefault = !cmd.pipelineId && !stageRef;
  const [pipelines, currencies, defaultTypeId] = await Promise.all([
    reference.pipelines(call),
    reference.currencyInfos(call),
    needsDefault ? reference.defaultSaleTypeId(call) : null,
  ]);
  const problems: UserError[] = [];

  if (cmd.stageId && !stageRef) {
    problems.push({ field: ['stageId'], message: `no stage ${cmd.stageId} in source "${source}"`, code: 'NOT_FOUND' });
  }
  const typeId = cmd.pipelineId ? numericId(cmd.pipelineId) : (stageRef?.saleTypeId ?? defaultTypeId);
  const pipeline = typeId !== null ? pipelines.find((p) => p.remoteId === String(typeId)) : undefined;
  if (!pipeline) {
    problems.push(
      cmd.pipelineId || stageRef
        ? {
            field: ['pipelineId'],
            message: `no sale type ${cmd.pipelineId ?? typeId} in source "${source}"`,
            code: 'NOT_FOUND',
          }
        : {
            field: ['pipelineId'],
            message: `source "${source}" has no default sale type; SuperOffice needs one on every sale, pass pipelineId`,
            code: 'REQUIRED',
          },
    );
  }

  let stage: StageRecord | undefined;
  if (pipeline && stageRef) {
    if (String(stageRef.saleTypeId) !== pipeline.remoteId) {
      const other = pipelines.find((p) => p.remoteId === String(stageRef.saleTypeId));
      const named = other?.stages.find((s) => s.remoteId === cmd.stageId)?.name;
      problems.push({
        field: ['stageId'],
        message: `stage ${named ? `"${named}"` : (cmd.stageId ?? '')} belongs to ${other ? `sale type "${other.name}"` : 'another sale type'}, not to "${pipeline.name}"`,
        code: 'CONFLICT',
      });
    } else {
      stage = pipeline.stages.find((s) => s.remoteId === cmd.stageId);
      if (!stage) {
        problems.push({
          field: ['stageId'],
          message: `sale type "${pipeline.name}" has no stage ${stageRef.ratingId}`,
          code: 'NOT_FOUND',
        });
      }
    }
  } else if (pipeline) {
    stage = pipeline.stages[0];
    if (!stage)
      problems.push({ field: ['pipelineId'], message: `sale type "${pipeline.name}" has no stages`, code: 'INVALID' });
  }

  const code = cmd.value.currencyCode;
  const currency = [...currencies].find(([, c]) => (code ? c.code === code : c.isBase));
  if (!currency) {
    const known = [...currencies.values()].map((c) => c.code).join(', ');
    problems.push({
      field: ['value', 'currencyCode'],
      message: code
        ? `currency ${code} is not set up in this source (it has ${known})`
        : 'this source reports no base currency; pass currencyCode',
      code: 'NOT_FOUND',
    });
  }

  errors.push(...problems);
  if (problems.length > 0 || !pipeline || !stage || !currency) return null;
  const ratingId = parseStageId(stage.remoteId)?.ratingId ?? 0;
  return { pipeline, stage, ratingId, currencyId: currency[0], pipelines, currencies };
}
