import type { AuditEntry, AuditFilter, AuditQuery, Page } from '@platform/contracts';
import {
  AUDIT_CHAIN_LOCK_KEY,
  AUDIT_GENESIS_HASH,
  AuditChainVerifier,
  auditRowHash,
  type AuditChainReport,
  type AuditEvent,
  type AuditRepository,
  type AuditRowContent,
} from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { AuditLogWhereInput, InputJsonValue } from '../generated/prisma/internal/prismaNamespace.ts';

const BATCH = 500;

/** Audit trail in the `audit_log` table, each row chained to the one before by its SM3 hash. */
export function createAuditRepository(prisma: PrismaClient): AuditRepository {
  return {
    async record(event: AuditEvent): Promise<void> {
      const details = detailsOf(event);
      const content: Omit<AuditRowContent, 'id'> = {
        at: new Date().toISOString(),
        actorId: event.actor?.userId ?? null,
        actorRole: event.actor?.role ?? null,
        actorName: event.actor?.username ?? event.actorName ?? null,
        action: event.action,
        entityType: event.entityType ?? null,
        entityId: event.entityId ?? null,
        enterpriseId: event.enterpriseId ?? null,
        outcome: event.outcome,
        ip: event.ip ?? null,
        userAgent: event.userAgent ?? null,
        details,
      };
      // The lock makes "read the last hash, insert after it" atomic across connections and API
      // replicas, so the chain stays linear; it is held for three short statements.
      await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
        const [head] = await tx.$queryRaw<{ id: bigint; last: string | null; anchor: string | null }[]>`
          SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS id,
                 (SELECT coalesce(hash, '') FROM audit_log ORDER BY id DESC LIMIT 1) AS last,
                 (SELECT "lastHash" FROM audit_purge ORDER BY id DESC LIMIT 1) AS anchor`;
        if (!head) throw new Error('audit head query returned no row');
        // '' is a row from before the chain existed; null, an empty log (after a purge: its anchor).
        const prevHash = head.last === null ? (head.anchor ?? AUDIT_GENESIS_HASH) : head.last || AUDIT_GENESIS_HASH;
        const row = { id: head.id.toString(), ...content };
        await tx.auditLog.create({
          data: {
            ...content,
            id: head.id,
            at: new Date(content.at),
            actorRole: event.actor?.role ?? null,
            outcome: event.outcome,
            details: (details ?? undefined) as InputJsonValue | undefined,
            prevHash,
            hash: auditRowHash(prevHash, row),
          },
        });
      });
    },

    async list(query: AuditQuery): Promise<Page<AuditEntry>> {
      const where = whereOf(query);
      const [rows, total] = await Promise.all([
        prisma.auditLog.findMany({
          where,
          include: { actor: { select: { displayName: true } } },
          orderBy: { id: 'desc' },
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.auditLog.count({ where }),
      ]);
      return { items: rows.map(toEntry), total, page: query.page, pageSize: query.pageSize };
    },

    async *stream(filter: AuditFilter): AsyncIterable<AuditEntry> {
      let after = -1n;
      for (;;) {
        const rows = await prisma.auditLog.findMany({
          where: { AND: [whereOf(filter), { id: { gt: after } }] },
          include: { actor: { select: { displayName: true } } },
          orderBy: { id: 'asc' },
          take: BATCH,
        });
        for (const row of rows) yield toEntry(row);
        if (rows.length < BATCH) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    async purgeExpired(retentionDays: number): Promise<number> {
      // The app's role may not delete audit rows; this owner-defined function may, and only old ones.
      const [result] = await prisma.$queryRaw<{ removed: number }[]>`SELECT audit_purge_expired(${retentionDays}::int) AS removed`;
      return result?.removed ?? 0;
    },

    async verifyChain(): Promise<AuditChainReport> {
      const anchor = await prisma.auditPurge.findFirst({ orderBy: { id: 'desc' } });
      const verifier = new AuditChainVerifier(anchor?.lastHash ?? null);
      let after = anchor?.purgedThroughId ?? -1n;
      const report = (broken: AuditChainReport['broken']): AuditChainReport => ({
        checked: verifier.chained,
        unchained: verifier.unchained,
        anchoredAfterId: anchor ? anchor.purgedThroughId.toString() : null,
        head: verifier.head,
        broken,
      });
      for (;;) {
        const rows = await prisma.auditLog.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: BATCH * 4 });
        for (const r of rows) {
          const broken = verifier.push({ ...contentOf(r), prevHash: r.prevHash, hash: r.hash });
          if (broken) return report(broken);
        }
        if (rows.length < BATCH * 4) return report(null);
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}

/** The label and the changes travel in `details`, so the row's columns stay as they were. */
function detailsOf(event: AuditEvent): Record<string, unknown> | null {
  const details: Record<string, unknown> = { ...event.details };
  if (event.entityLabel) details.label = event.entityLabel;
  if (event.changes && Object.keys(event.changes).length) details.changes = event.changes;
  return Object.keys(details).length ? (JSON.parse(JSON.stringify(details)) as Record<string, unknown>) : null;
}

function whereOf(filter: AuditFilter): AuditLogWhereInput {
  const and: AuditLogWhereInput[] = [];
  if (filter.from) and.push({ at: { gte: new Date(filter.from) } });
  if (filter.to) and.push({ at: { lt: new Date(filter.to) } });
  if (filter.actorId) and.push({ actorId: filter.actorId });
  if (filter.action) and.push({ action: { startsWith: filter.action } });
  if (filter.outcome) and.push({ outcome: filter.outcome });
  if (filter.actor)
    and.push({
      OR: [
        { actorName: { contains: filter.actor, mode: 'insensitive' } },
        { actor: { displayName: { contains: filter.actor, mode: 'insensitive' } } },
      ],
    });
  return { AND: and };
}

/** A row as Prisma returns it: the hashed content with its native id and time types. */
type StoredRow = Omit<AuditRowContent, 'id' | 'at'> & { id: bigint; at: Date };

function contentOf(r: StoredRow): AuditRowContent {
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorRole: r.actorRole,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    enterpriseId: r.enterpriseId,
    outcome: r.outcome,
    ip: r.ip,
    userAgent: r.userAgent,
    details: r.details ?? null,
  };
}

function toEntry(r: StoredRow & { actor: { displayName: string } | null }): AuditEntry {
  const { label, changes, ...rest } = (r.details ?? {}) as { label?: unknown; changes?: unknown } & Record<string, unknown>;
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    actorDisplayName: r.actor?.displayName ?? null,
    actorRole: r.actorRole as AuditEntry['actorRole'],
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityLabel: typeof label === 'string' ? label : null,
    outcome: r.outcome as AuditEntry['outcome'],
    ip: r.ip,
    userAgent: r.userAgent,
    changes: changes && typeof changes === 'object' ? (changes as AuditEntry['changes']) : null,
    details: Object.keys(rest).length ? rest : null,
  };
}
