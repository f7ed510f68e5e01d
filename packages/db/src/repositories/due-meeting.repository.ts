import type {
  CalendarDayKind,
  ComplianceFilter,
  DueMeetingRepository,
  DueMeetingRow,
  DueSlotWrite,
  EnterpriseScope,
  ScheduleWithEnterprises,
} from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { DueMeetingWhereInput } from '../generated/prisma/models.ts';
import { enterpriseWhere } from './scope-filter.ts';

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** What a due-meeting row's views show: the enterprise with its zone and industry, the team and shift. */
export const dueRowInclude = {
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

type Row = Awaited<ReturnType<PrismaClient['dueMeeting']['findFirstOrThrow']>> & {
  enterprise: { id: string; name: string; zoneId: string; zone: { id: string; name: string }; industry: { id: string; name: string } };
  team: { id: string; name: string };
  shift: { id: string; name: string; startMinute: number; endMinute: number };
};

export function toDueRow(r: Row): DueMeetingRow {
  return {
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
}

const slotData = (s: DueSlotWrite) => ({
  date: asDate(s.date),
  enterpriseId: s.enterpriseId,
  zoneId: s.zoneId,
  industryId: s.industryId,
  riskLevel: s.riskLevel,
  teamId: s.teamId,
  shiftId: s.shiftId,
  dueFrom: s.dueFrom,
  dueUntil: s.dueUntil,
  reportBy: s.reportBy,
});

/** Slots in `scope` matching the compliance filters. */
function scopedWhere(scope: EnterpriseScope, filter: ComplianceFilter): DueMeetingWhereInput {
  return {
    enterprise: enterpriseWhere(scope),
    enterpriseId: filter.enterpriseId,
    zoneId: filter.zoneId,
    industryId: filter.industryId,
    riskLevel: filter.riskLevel,
  };
}

/** Slots of `date` not reported by their deadline: closed as missing, or still open past it. */
export function missingWhere(scope: EnterpriseScope, filter: ComplianceFilter, date: string, now: Date): DueMeetingWhereInput {
  return { ...scopedWhere(scope, filter), date: asDate(date), OR: [{ status: 'MISSING' }, { status: 'OPEN', reportBy: { lt: now } }] };
}

/** The compliance fact table: what is due, what came, what is missing. */
export function createDueMeetingRepository(prisma: PrismaClient): DueMeetingRepository {
  return {
    async loadSchedule(filter, dates) {
      const teams = await prisma.team.findMany({
        where: { id: filter.teamId, active: true, enterprise: { active: true, id: filter.enterpriseId } },
        select: {
          id: true,
          enterpriseId: true,
          enterprise: { select: { zoneId: true, industryId: true, riskLevel: true } },
          shifts: { select: { shiftId: true, effectiveFrom: true } },
        },
      });
      const enterpriseIds = [...new Set(teams.map((t) => t.enterpriseId))];
      const shiftIds = [...new Set(teams.flatMap((t) => t.shifts.map((s) => s.shiftId)))];
      const [revisions, calendarDays] = await Promise.all([
        prisma.shiftRevision.findMany({ where: { shiftId: { in: shiftIds } } }),
        prisma.enterpriseCalendarDay.findMany({
          where: { enterpriseId: filter.enterpriseId ?? { in: enterpriseIds }, date: { in: dates.map(asDate) } },
        }),
      ]);
      const byShift = new Map<string, ScheduleWithEnterprises['shifts'][number]>();
      for (const r of revisions) {
        const shift = byShift.get(r.shiftId) ?? { id: r.shiftId, revisions: [] };
        shift.revisions.push({ ...r, effectiveFrom: day(r.effectiveFrom) });
        byShift.set(r.shiftId, shift);
      }
      const calendar = new Map<string, Map<string, CalendarDayKind>>();
      for (const c of calendarDays) {
        const days = calendar.get(c.enterpriseId) ?? new Map<string, CalendarDayKind>();
        days.set(day(c.date), c.kind);
        calendar.set(c.enterpriseId, days);
      }
      return {
        teams: teams.map((t) => ({
          id: t.id,
          enterpriseId: t.enterpriseId,
          assignments: t.shifts.map((s) => ({ shiftId: s.shiftId, effectiveFrom: day(s.effectiveFrom) })),
        })),
        shifts: [...byShift.values()],
        calendar,
        enterprises: new Map(teams.map((t) => [t.enterpriseId, t.enterprise])),
      };
    },

    async materialise(date, slots, enterpriseIds) {
      const keyOf = (teamId: string, shiftId: string) => `${teamId}:${shiftId}`;
      const due = new Map(slots.map((s) => [keyOf(s.teamId, s.shiftId), s]));
      await prisma.$transaction(
        async (tx) => {
          const open = await tx.dueMeeting.findMany({
            where: { date: asDate(date), status: 'OPEN', enterpriseId: enterpriseIds ? { in: enterpriseIds } : undefined },
            select: { id: true, teamId: true, shiftId: true, dueFrom: true, dueUntil: true, reportBy: true },
          });
          const gone = open.filter((o) => !due.has(keyOf(o.teamId, o.shiftId))).map((o) => o.id);
          if (gone.length) await tx.dueMeeting.deleteMany({ where: { id: { in: gone } } });
          for (const o of open) {
            const s = due.get(keyOf(o.teamId, o.shiftId));
            if (s && (+s.dueFrom !== +o.dueFrom || +s.dueUntil !== +o.dueUntil || +s.reportBy !== +o.reportBy))
              await tx.dueMeeting.update({ where: { id: o.id }, data: { dueFrom: s.dueFrom, dueUntil: s.dueUntil, reportBy: s.reportBy } });
          }
          if (slots.length) await tx.dueMeeting.createMany({ data: slots.map(slotData), skipDuplicates: true });
          // A district's day is ~5,000 slots: Prisma's default 5 s ran out at that scale (bench:compliance).
        },
        { timeout: 60_000 },
      );
    },

    async findSlot(teamId, shiftId, date) {
      const row = await prisma.dueMeeting.findUnique({
        where: { teamId_shiftId_date: { teamId, shiftId, date: asDate(date) } },
        include: dueRowInclude,
      });
      return row ? toDueRow(row) : null;
    },

    async findByMeeting(meetingId) {
      const row = await prisma.dueMeeting.findUnique({ where: { meetingId }, include: dueRowInclude });
      return row ? toDueRow(row) : null;
    },

    async addSlot(slot) {
      const row = await prisma.dueMeeting.upsert({
        where: { teamId_shiftId_date: { teamId: slot.teamId, shiftId: slot.shiftId, date: asDate(slot.date) } },
        create: slotData(slot),
        update: {},
        include: dueRowInclude,
      });
      return toDueRow(row);
    },

    async recordReport(slotId, report) {
      await prisma.dueMeeting.update({ where: { id: slotId }, data: { status: 'REPORTED', ...report } });
    },

    async updateHeld(slotId, heldOnTime) {
      await prisma.dueMeeting.update({ where: { id: slotId }, data: { heldOnTime } });
    },

    async releaseSlot(slotId, now) {
      await prisma.$executeRaw`
        UPDATE due_meeting SET "meetingId" = NULL, "reportedAt" = NULL, "reportedOnTime" = NULL, "heldOnTime" = NULL,
          "evidenceBy" = NULL, "evidenceCount" = 0, "flagCount" = 0,
          status = (CASE WHEN "reportBy" < ${now} THEN 'MISSING' ELSE 'OPEN' END)::"DueStatus",
          "missingAt" = (CASE WHEN "reportBy" < ${now} THEN ${now} ELSE NULL END), "updatedAt" = now()
        WHERE id = ${slotId}::uuid`;
    },

    async flagWithoutEvidence(now) {
      return prisma.$executeRaw`
        INSERT INTO meeting_flag (id, "meetingId", kind, key, detail, params, "createdAt")
        SELECT gen_random_uuid(), d."meetingId", 'NO_MEDIA', 'NO_MEDIA',
               'reported without photo or video by the evidence deadline', jsonb_build_object('deadline', d."evidenceBy"), ${now}
        FROM due_meeting d
        WHERE d.status = 'REPORTED' AND d."evidenceCount" = 0 AND d."evidenceBy" < ${now} AND d."meetingId" IS NOT NULL
        ON CONFLICT ("meetingId", key) DO UPDATE SET "resolvedAt" = NULL WHERE meeting_flag."resolvedAt" IS NOT NULL`;
    },

    async closeMissing(now) {
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        UPDATE due_meeting SET status = 'MISSING', "missingAt" = ${now}, "updatedAt" = now()
        WHERE status = 'OPEN' AND "reportBy" < ${now}
        RETURNING id::text`;
      return rows.map((r) => r.id);
    },

    async forDay(scope, filter, date) {
      const rows = await prisma.dueMeeting.findMany({
        where: { ...scopedWhere(scope, filter), date: asDate(date) },
        include: dueRowInclude,
        orderBy: [{ dueFrom: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toDueRow);
    },

    async correctionNotes(meetingIds) {
      if (!meetingIds.length) return new Map();
      const meetings = await prisma.meeting.findMany({
        where: { id: { in: meetingIds } },
        select: {
          id: true,
          reviewStatus: true,
          reviews: { where: { action: 'REQUEST_CORRECTION' }, orderBy: { createdAt: 'desc' }, take: 1, select: { note: true } },
        },
      });
      return new Map(
        meetings.map((m) => [
          m.id,
          { reviewStatus: m.reviewStatus, correctionNote: m.reviewStatus === 'CORRECTION_REQUESTED' ? (m.reviews[0]?.note ?? null) : null },
        ]),
      );
    },

    async missing(scope, filter, date, now, page) {
      const where = missingWhere(scope, filter, date, now);
      const [rows, total] = await Promise.all([
        prisma.dueMeeting.findMany({
          where,
          include: dueRowInclude,
          orderBy: [{ reportBy: 'asc' }, { id: 'asc' }],
          skip: (page.page - 1) * page.pageSize,
          take: page.pageSize,
        }),
        prisma.dueMeeting.count({ where }),
      ]);
      return { items: rows.map(toDueRow), total };
    },
  };
}
