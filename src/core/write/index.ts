export { commitAll } from './commitAll';
export { createItems, type CreateItem, type ItemResult } from './createItems';
export { fingerprintOf } from './fingerprint';
export { KeyedWrites, type IdempotencyOptions, type KeyOutcome } from './keyedWrites';
export type { Claim, IdempotencyStore, KeyState } from './keyStore';
export { missingRecord, staleVersion } from './version';
