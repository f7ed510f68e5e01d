import type { AuditRepository } from './audit.port.ts';

/** 等保 level 3 asks for at least six months of audit records; config refuses less at boot, and so does this. */
export const MIN_AUDIT_RETENTION_DAYS = 180;

/** The daily retention job: removes audit rows older than the configured retention. */
export class AuditRetentionService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly retentionDays: number,
  ) {
    if (retentionDays < MIN_AUDIT_RETENTION_DAYS) throw new RangeError(`audit retention must be at least ${MIN_AUDIT_RETENTION_DAYS} days`);
  }

  /** Returns the number of rows removed. */
  purgeExpired(): Promise<number> {
    return this.audit.purgeExpired(this.retentionDays);
  }
}
