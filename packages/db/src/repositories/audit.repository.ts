import type { AuditEntry, AuditQuery, Page } from '@platform/contracts';
import type { AuditEvent, AuditRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { InputJsonValue } from '../generated/prisma/internal/prismaNamespace.ts';

/** Audit trail in the `audit_log` table. */
export function createAuditRepository(prisma: PrismaClient): AuditRepository {
  return {
    async record(event: AuditEvent): Promise<void> {
      await prisma.auditLog.create({
        data: {
          actorId: event.actor?.userId ?? null,
          actorRole: event.actor?.role ?? null,
          actorName: event.actor?.username ?? event.actorName ?? null,
          action: event.action,
          entityType: event.entityType ?? null,
          entityId: event.entityId ?? null,
          enterpriseId: event.enterpriseId ?? null,
          outcome: event.outcome,
          ip: event.ip ?? null,
          details: event.details as InputJsonValue | undefined,
        },
      });
    },

    async list(query: AuditQuery): Promise<Page<AuditEntry>> {
      const where = { action: query.action ? { startsWith: query.action } : undefined, actorId: query.actorId };
      const [rows, total] = await Promise.all([
        prisma.auditLog.findMany({ where, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
        prisma.auditLog.count({ where }),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id.toString(),
          at: r.at.toISOString(),
          actorName: r.actorName,
          actorRole: r.actorRole,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          outcome: r.outcome,
          ip: r.ip,
          details: r.details,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}
