import type { AuditEntry, AuditFilter, AuditQuery, Page } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { FieldChange } from './changed-fields.ts';

export type AuditOutcome = 'SUCCESS' | 'DENIED' | 'FAILURE';

/** One line of the audit trail. */
export interface AuditEvent {
  actor?: Actor | null;
  /** Name as typed, for failed logins where no user is known. */
  actorName?: string;
  /** Dotted verb from the catalogue (`AUDIT_ACTIONS` in contracts), e.g. `auth.login`, `enterprise.update`. */
  action: string;
  entityType?: string;
  entityId?: string;
  /**
   * Human name of the object when the event happened (a user's display name, an enterprise's name),
   * so the log stays readable after the object is renamed or removed.
   */
  entityLabel?: string | null;
  enterpriseId?: string | null;
  outcome: AuditOutcome;
  /** Filled from the request by the API when the service does not know it. */
  ip?: string | null;
  userAgent?: string | null;
  /** Before/after of the changed fields of an update, personal data masked (see `changedFields`). */
  changes?: Record<string, FieldChange>;
  details?: Record<string, unknown>;
}

/** Result of checking the hash chain of the audit log. */
export interface AuditChainReport {
  /** Rows checked (after the purge anchor, if any). */
  checked: number;
  /** Rows written before the chain existed. */
  unchained: number;
  /** Id of the last row removed by retention, where the check started. */
  anchoredAfterId: string | null;
  /** Hash of the newest row. */
  head: string;
  broken: { id: string; reason: string } | null;
}

/** Append-only audit storage. */
export interface AuditRepository {
  /** Appends a row, chained to the previous one by its SM3 hash. */
  record(event: AuditEvent): Promise<void>;
  list(query: AuditQuery): Promise<Page<AuditEntry>>;
  /** Every row matching `filter`, oldest first, read in batches. */
  stream(filter: AuditFilter): AsyncIterable<AuditEntry>;
  /** Removes rows older than `retentionDays` and leaves an anchor for verification; returns how many. */
  purgeExpired(retentionDays: number): Promise<number>;
  verifyChain(): Promise<AuditChainReport>;
}
