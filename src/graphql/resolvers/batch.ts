import { GatewayError } from '../../core/errors';

/** Most inputs one batch mutation takes (creates and updates alike). */
export const MAX_BATCH_INPUTS = 1000;

export function checkBatchSize(inputs: readonly unknown[]): void {
  if (inputs.length > MAX_BATCH_INPUTS) {
    throw new GatewayError('BAD_USER_INPUT', `inputs takes at most ${MAX_BATCH_INPUTS} items, got ${inputs.length}`);
  }
}
