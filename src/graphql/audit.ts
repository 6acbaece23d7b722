import type { ErrorCode } from '../core/errors';
import type { Entity } from '../core/records';

/** The kinds of write an audit line is about. */
export type WriteOperation = 'create' | 'update' | 'delete';

/**
 * One line per write that was asked to write (DESIGN §10 Access, audit) — creates, updates and
 * deletes alike: who, where, what became of it. Never a field value of the record: those are
 * the CRM's data, not the log's.
 */
export interface WriteAudit {
  requestId: string;
  principal: string;
  operation: WriteOperation;
  source: string;
  entity: Entity;
  /** The vendor's id of the record: the one written (or replayed), updated or deleted; null when none was. */
  remoteId: string | null;
  idempotencyKey: string | null;
  /**
   * `created`, `updated`, `deleted`; `replayed` (a repeat answered from its key, nothing sent);
   * `rejected` (input refused, nothing written); `outcome unknown` (it may have taken effect);
   * `failed` (a source fault before anything was written).
   */
  outcome: 'created' | 'updated' | 'deleted' | 'replayed' | 'rejected' | 'outcome unknown' | 'failed';
  errorCode?: ErrorCode;
}

export type AuditSink = (event: WriteAudit) => void;
