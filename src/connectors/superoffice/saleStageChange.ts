import type { UpdateOpportunityCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';
import type { PipelineRecord, StageRecord } from '../../core/records';
import { numericId, parseStageId, toStageId } from './ids';
import type { PatchOps } from './patchOps';

/** A sale's place before an update: the tenant's sale types, the sale's type and its Rating. */
export interface SaleStages {
  pipelines: readonly PipelineRecord[];
  typeId: number;
  ratingId: number;
}

/**
 * A sale's sale type, stage and probability after an update (vendor notes §2 "Pipeline"): a
 * stage is a Rating within the sale's sale type (`stageId` of another type is a CONFLICT); a
 * new sale type without `stageId` puts the sale at its first stage; a new stage without
 * `probability` takes the stage's probability, as a create does, and `probability: null`
 * goes back to the stage's. Writes `SaleType`, `Rating` and `Probability` as they change;
 * answers the sale type after the update (null when it could not be resolved).
 */
export function saleStageChange(
  c: UpdateOpportunityCommand['changes'],
  sale: SaleStages,
  problems: Problems,
  ops: PatchOps,
  source: string,
): PipelineRecord | null {
  const { pipelines } = sale;
  if (c.pipelineId === null) problems.add(['pipelineId'], 'every SuperOffice sale has a sale type; name another one instead', 'REQUIRED');
  if (c.stageId === null) problems.add(['stageId'], 'every SuperOffice sale has a stage; name another one instead', 'REQUIRED');
  const typeId = typeof c.pipelineId === 'string' ? numericId(c.pipelineId) : sale.typeId;
  const pipeline = pipelines.find((p) => p.remoteId === String(typeId)) ?? null;
  if (!pipeline) {
    if (typeof c.pipelineId === 'string') problems.add(['pipelineId'], `no sale type ${c.pipelineId} in source "${source}"`, 'NOT_FOUND');
    return null;
  }
  const typeChanged = pipeline.remoteId !== String(sale.typeId);
  const currentStage = pipeline.stages.find((s) => s.remoteId === toStageId(sale.typeId, sale.ratingId)) ?? null;

  let stage: StageRecord | null = null;
  if (typeof c.stageId === 'string') {
    const stageRef = parseStageId(c.stageId);
    if (!stageRef) problems.add(['stageId'], `no stage ${c.stageId} in source "${source}"`, 'NOT_FOUND');
    else if (String(stageRef.saleTypeId) !== pipeline.remoteId) {
      const other = pipelines.find((p) => p.remoteId === String(stageRef.saleTypeId));
      const named = other?.stages.find((s) => s.remoteId === c.stageId)?.name;
      problems.add(
        ['stageId'],
        `stage ${named ? `"${named}"` : c.stageId} belongs to ${other ? `sale type "${other.name}"` : 'another sale type'}, not to the sale's "${pipeline.name}"`,
        'CONFLICT',
      );
    } else {
      stage = pipeline.stages.find((s) => s.remoteId === c.stageId) ?? null;
      if (!stage) problems.add(['stageId'], `sale type "${pipeline.name}" has no stage ${stageRef.ratingId}`, 'NOT_FOUND');
    }
  } else if (typeChanged) {
    stage = pipeline.stages[0] ?? null;
    if (!stage) problems.add(['pipelineId'], `sale type "${pipeline.name}" has no stages`, 'INVALID');
  }

  if (typeof c.pipelineId === 'string') ops.replace('/SaleType', { Id: Number(pipeline.remoteId) });
  const stageChanged = stage !== null && stage.remoteId !== currentStage?.remoteId;
  if (stage && (stageChanged || typeChanged)) ops.replace('/Rating', { Id: parseStageId(stage.remoteId)?.ratingId ?? 0 });
  if (typeof c.probability === 'number') ops.replace('/Probability', c.probability);
  else if (c.probability === null) ops.replace('/Probability', (stage ?? currentStage)?.probability ?? 0);
  else if (stage && stageChanged) ops.replace('/Probability', stage.probability ?? 0);
  return pipeline;
}
