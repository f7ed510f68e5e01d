import type { MeetingExportQuery } from '@platform/contracts';
import type { DueMeetingRow, EnterpriseScope, ExportRepository, ExportedMeeting } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { DueMeetingWhereInput, MeetingOrderByWithRelationInput, MeetingWhereInput } from '../generated/prisma/models.ts';
import { enterpriseWhere } from './scope-filter.ts';

/** Rows read per query: large enough to be quick, small enough that a district's month never sits in memory. */
const BATCH = 1000;

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The WHERE of `GET /api/meetings` (meeting.repository.ts `list`): an export holds what the list shows. */
function meetingWhere(scope: EnterpriseScope, query: MeetingExportQuery): MeetingWhereInput {
  return {
    status: 'REPORTED',
    enterprise: {
      AND: [
        enterpriseWhere(scope),
        { id: query.enterpriseId, zoneId: query.zoneId, industryId: query.industryId, riskLevel: query.riskLevel },
      ],
    },
    teamId: query.teamId,
    timeliness: query.timeliness,
    heldOnTime: query.held ? query.held === 'ON_TIME' : undefined,
    bestPractice: query.bestPractice ? query.bestPractice === 'true' : undefined,
    dueMeeting: {
      evidenceCount: query.evidence === 'WITHOUT' ? 0 : query.evidence === 'WITH' ? { gt: 0 } : undefined,
      flagCount: query.flagged === 'true' ? { gt: 0 } : query.flagged === 'false' ? 0 : undefined,
    },
    reviewStatus: query.reviewStatus,
    meetingDate: { gte: query.from ? asDate(query.from) : undefined, lte: query.to ? asDate(query.to) : undefined },
  };
}

/** The list's order, the id last so it is total. */
function meetingOrder(query: MeetingExportQuery): MeetingOrderByWithRelationInput[] {
  const direction = query.order;
  switch (query.sort) {
    case 'meetingDate':
      return [{ meetingDate: direction }, { reportedAt: direction }, { id: direction }];
    case 'enterprise':
      return [{ enterprise: { name: direction } }, { meetingDate: 'desc' }, { id: direction }];
    default:
      return [{ reportedAt: direction }, { id: direction }];
  }
}

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

const dueInclude = {
  enterprise: {
    select: {
      id: true,
      name: true,
      zoneId: true,
      zone: { select: { id: true, name: true } },
      industry: { select: { id: true, name: true } },
    },
  },
  team: { select: { id: true, name: true } },
  shift: { select: { id: true, name: true, startMinute: true, endMinute: true } },
} as const;

/**
 * Unpaged reads for CSV and Excel exports. Meetings: the ids in the list's order first (one narrow
 * query, any sort), then the rows in batches by id, so a month of a district streams in constant
 * row memory without offset scans. Missing: keyset batches on (reportBy, id).
 */
export function createExportRepository(prisma: PrismaClient): ExportRepository {
  return {
    countMeetings(scope, query) {
      return prisma.meeting.count({ where: meetingWhere(scope, query) });
    },

    async *meetings(scope, query) {
      const ids = await prisma.meeting.findMany({ where: meetingWhere(scope, query), orderBy: meetingOrder(query), select: { id: true } });
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
      const where: DueMeetingWhereInput = {
        enterprise: enterpriseWhere(scope),
        enterpriseId: filter.enterpriseId,
        zoneId: filter.zoneId,
        industryId: filter.industryId,
        riskLevel: filter.riskLevel,
        date: asDate(date),
        OR: [{ status: 'MISSING' }, { status: 'OPEN', reportBy: { lt: now } }],
      };
      let cursor: string | undefined;
      for (;;) {
        const rows = await prisma.dueMeeting.findMany({
          where,
          include: dueInclude,
          orderBy: [{ reportBy: 'asc' }, { id: 'asc' }],
          take: BATCH,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        });
        for (const r of rows) {
          const row: DueMeetingRow = {
            id: r.id,
            date: day(r.date),
            enterprise: { id: r.enterprise.id, name: r.enterprise.name, zoneId: r.enterprise.zoneId },
            zone: r.enterprise.zone,
            industry: r.enterprise.industry,
            team: r.team,
            shift: r.shift,
            dueFrom: r.dueFrom,
            dueUntil: r.dueUntil,
            reportBy: r.reportBy,
            status: r.status,
            meetingId: r.meetingId,
            reportedAt: r.reportedAt,
            reportedOnTime: r.reportedOnTime,
            heldOnTime: r.heldOnTime,
            evidenceCount: r.evidenceCount,
            evidenceBy: r.evidenceBy,
            flagCount: r.flagCount,
            missingAt: r.missingAt,
            remindedAt: r.remindedAt,
          };
          yield row;
        }
        if (rows.length < BATCH) return;
        cursor = rows.at(-1)!.id;
      }
    },
  };
}
