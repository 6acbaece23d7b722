import type { ErrorCode } from '../core/errors';
import type { Entity } from '../core/records';

/**
 * One line per create that was asked to write (DESIGN §10 Access, audit): who, where, what
 * became of it. Never a field value of the record: those are the CRM's data, not the log's.
 */
export interface WriteAudit {
  requestId: string;
  principal: string;
  source: string;
  entity: Entity;
  /** The vendor's id of the record, when one was written (or replayed). */
  remoteId: string | null;
  idempotencyKey: string | null;
  /**
   * `created`; `replayed` (a repeat answered from its key, nothing sent); `rejected` (input
   * refused, nothing written); `outcome unknown` (it may exist); `failed` (a source fault
   * before anything was written).
   */
  outcome: 'created' | 'replayed' | 'rejected' | 'outcome unknown' | 'failed';
  errorCode?: ErrorCode;
}

export type AuditSink = (event: WriteAudit) => void;
