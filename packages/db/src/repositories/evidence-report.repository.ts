import type { EvidenceReportRepository, EvidenceSlotRow } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * What an evidence report reads: the enterprise, and its due meetings of the period with their
 * meeting, every flag (resolved ones too: the report is a record), every review and every file
 * (removed ones too, marked, so nothing the enterprise sent is silently missing).
 */
export function createEvidenceReportRepository(prisma: PrismaClient): EvidenceReportRepository {
  return {
    async findEnterprise(id) {
      return prisma.enterprise.findUnique({
        where: { id },
        select: {
          id: true,
          name: true,
          creditCode: true,
          zoneId: true,
          riskLevel: true,
          address: true,
          zone: { select: { id: true, name: true } },
          industry: { select: { id: true, name: true } },
        },
      });
    },

    async slots(enterpriseId, from, to) {
      const rows = await prisma.dueMeeting.findMany({
        where: { enterpriseId, date: { gte: asDate(from), lte: asDate(to) } },
        orderBy: [{ date: 'asc' }, { dueFrom: 'asc' }, { id: 'asc' }],
        include: {
          team: { select: { id: true, name: true } },
          shift: { select: { id: true, name: true, startMinute: true, endMinute: true } },
          meeting: {
            select: {
              id: true,
              startedAt: true,
              hostName: true,
              expectedCount: true,
              presentCount: true,
              reviewStatus: true,
              flags: { orderBy: { createdAt: 'asc' }, select: { kind: true, params: true, createdAt: true, resolvedAt: true } },
              reviews: {
                orderBy: { createdAt: 'asc' },
                select: { id: true, action: true, note: true, createdAt: true, reviewer: { select: { displayName: true, role: true } } },
              },
              mediaAssets: {
                // Files still being uploaded are not evidence yet; everything else is listed.
                where: { status: { not: 'UPLOADING' } },
                orderBy: { createdAt: 'asc' },
                select: {
                  id: true,
                  kind: true,
                  originalName: true,
                  sizeBytes: true,
                  sha256: true,
                  createdAt: true,
                  capturedAt: true,
                  removedAt: true,
                },
              },
            },
          },
        },
      });
      return rows.map((r): EvidenceSlotRow => ({
        id: r.id,
        date: r.date.toISOString().slice(0, 10),
        team: r.team,
        shift: r.shift,
        dueFrom: r.dueFrom,
        dueUntil: r.dueUntil,
        reportBy: r.reportBy,
        status: r.status,
        reportedAt: r.reportedAt,
        reportedOnTime: r.reportedOnTime,
        heldOnTime: r.heldOnTime,
        evidenceCount: r.evidenceCount,
        evidenceBy: r.evidenceBy,
        flagCount: r.flagCount,
        meeting: r.meeting && {
          id: r.meeting.id,
          startedAt: r.meeting.startedAt,
          hostName: r.meeting.hostName,
          expectedCount: r.meeting.expectedCount,
          presentCount: r.meeting.presentCount,
          reviewStatus: r.meeting.reviewStatus,
          flags: r.meeting.flags,
          reviews: r.meeting.reviews.map((v) => ({
            id: v.id,
            action: v.action,
            note: v.note,
            author: { displayName: v.reviewer.displayName, role: v.reviewer.role },
            createdAt: v.createdAt.toISOString(),
          })),
          files: r.meeting.mediaAssets.map((a) => ({
            id: a.id,
            kind: a.kind,
            originalName: a.originalName,
            sizeBytes: Number(a.sizeBytes),
            sha256: a.sha256,
            uploadedAt: a.createdAt,
            capturedAt: a.capturedAt,
            removedAt: a.removedAt,
          })),
        },
      }));
    },
  };
}
