import type { AuditEntry, AuditQuery, Page } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';

export type AuditOutcome = 'SUCCESS' | 'DENIED' | 'FAILURE';

/** One line of the audit trail. */
export interface AuditEvent {
  actor?: Actor | null;
  /** Name as typed, for failed logins where no user is known. */
  actorName?: string;
  /** Dotted verb, e.g. `auth.login`, `enterprise.update`. */
  action: string;
  entityType?: string;
  entityId?: string;
  enterpriseId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Append-only audit storage. */
export interface AuditRepository {
  record(event: AuditEvent): Promise<void>;
  list(query: AuditQuery): Promise<Page<AuditEntry>>;
}
