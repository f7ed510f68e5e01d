import type { AuditEntry, AuditFilter, AuditQuery, Page } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireAuditAdmin } from '../access/duties.ts';
import type { AuditRepository } from './audit.port.ts';

/** Reading and exporting the audit trail: the audit administrator's alone, and each read is itself audited. */
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
    requireAuditAdmin(actor);
    const page = await this.audit.list(query);
    await this.audit.record({ actor, action: 'audit.read', outcome: 'SUCCESS', details: { filter: filterOf(query), page: query.page } });
    return page;
  }

  /**
   * Every matching row, oldest first, for the CSV export. The export is recorded before the first
   * row is read, so even an interrupted download leaves its trace.
   */
  async export(actor: Actor, filter: AuditFilter): Promise<AsyncIterable<AuditEntry>> {
    requireAuditAdmin(actor);
    await this.audit.record({ actor, action: 'audit.export', outcome: 'SUCCESS', details: { filter: filterOf(filter) } });
    return this.audit.stream(filter);
  }
}

function filterOf(filter: AuditFilter): Record<string, string> {
  const { from, to, actor, actorId, action, outcome } = filter;
  return Object.fromEntries(Object.entries({ from, to, actor, actorId, action, outcome }).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}
