import type { ExportRepository, ExportedMeeting } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { dueRowInclude, missingWhere, toDueRow } from './due-meeting.repository.ts';
import { meetingListOrder, meetingListWhere } from './meeting-filter.ts';

/** Rows read per query: large enough to be quick, small enough that a district's month never sits in memory. */
const BATCH = 1000;

const day = (d: Date) => d.toISOString().slice(0, 10);

const meetingSelect = {
  id: true,
  meetingDate: true,
  startedAt: true,
  hostName: true,
  expectedCount: true,
  presentCount: true,
  reportedAt: true,
  reviewStatus: true,
  bestPractice: true,
  enterprise: {
    select: { name: true, creditCode: true, riskLevel: true, zone: { select: { name: true } }, industry: { select: { name: true } } },
  },
  team: { select: { name: true } },
  shift: { select: { name: true, startMinute: true, endMinute: true } },
  dueMeeting: {
    select: {
      dueFrom: true,
      dueUntil: true,
      reportBy: true,
      status: true,
      reportedOnTime: true,
      heldOnTime: true,
      evidenceCount: true,
      evidenceBy: true,
      flagCount: true,
    },
  },
} as const;

/**
 * Unpaged reads for CSV and Excel exports. Meetings: the ids in the list's order first (one narrow
 * query, any sort), then the rows in batches by id, so a month of a district streams in constant
 * row memory without offset scans. Missing: keyset batches on (reportBy, id).
 */
export function createExportRepository(prisma: PrismaClient): ExportRepository {
  return {
    countMeetings(scope, query) {
      return prisma.meeting.count({ where: meetingListWhere(scope, query) });
    },

    async *meetings(scope, query) {
      const ids = await prisma.meeting.findMany({
        where: meetingListWhere(scope, query),
        orderBy: meetingListOrder(query),
        select: { id: true },
      });
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH).map((r) => r.id);
        const rows = await prisma.meeting.findMany({ where: { id: { in: batch } }, select: meetingSelect });
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const id of batch) {
          const r = byId.get(id);
          if (!r) continue; // deleted between the two reads
          const meeting: ExportedMeeting = {
            id: r.id,
            meetingDate: day(r.meetingDate),
            enterprise: { name: r.enterprise.name, creditCode: r.enterprise.creditCode, riskLevel: r.enterprise.riskLevel },
            zoneName: r.enterprise.zone.name,
            industryName: r.enterprise.industry.name,
            teamName: r.team.name,
            shift: r.shift,
            startedAt: r.startedAt,
            hostName: r.hostName,
            expectedCount: r.expectedCount,
            presentCount: r.presentCount,
            reportedAt: r.reportedAt,
            reviewStatus: r.reviewStatus,
            bestPractice: r.bestPractice,
            slot: r.dueMeeting,
          };
          yield meeting;
        }
      }
    },

    async *missing(scope, filter, date, now) {
      const where = missingWhere(scope, filter, date, now);
      let cursor: string | undefined;
      for (;;) {
        const rows = await prisma.dueMeeting.findMany({
          where,
          include: dueRowInclude,
          orderBy: [{ reportBy: 'asc' }, { id: 'asc' }],
          take: BATCH,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        });
        for (const r of rows) {
          const row = toDueRow(r);
          yield row;
        }
        if (rows.length < BATCH) return;
        cursor = rows.at(-1)!.id;
      }
    },
  };
}
