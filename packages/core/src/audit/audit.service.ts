import type { AuditEntry, AuditQuery, Page } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from './audit.port.ts';

/** Reading the audit trail, which only administrators may do. */
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  list(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
    requireRole(actor, 'ADMIN');
    return this.audit.list(query);
  }
}
