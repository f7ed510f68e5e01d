import type { MeetingSummary } from '@platform/contracts';
import { clockFromMinutes, type MeetingRecord, type MeetingRepository, type MeetingWrite } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { MeetingWhereInput } from '../generated/prisma/models.ts';
import { enterpriseWhere } from './scope-filter.ts';

const summaryInclude = {
  enterprise: {
    select: {
      id: true,
      name: true,
      riskLevel: true,
      zoneId: true,
      zone: { select: { id: true, name: true } },
      industry: { select: { id: true, name: true } },
    },
  },
  team: { select: { id: true, name: true } },
  shift: { select: { id: true, name: true, startMinute: true } },
  mediaAssets: { select: { id: true, kind: true, status: true, progress: true }, orderBy: { createdAt: 'asc' as const } },
} as const;

type SummaryRow = Awaited<ReturnType<PrismaClient['meeting']['findFirstOrThrow']>> & {
  enterprise: {
    id: string;
    name: string;
    riskLevel: MeetingSummary['enterprise']['riskLevel'];
    zoneId: string;
    zone: { id: string; name: string };
    industry: { id: string; name: string };
  };
  team: { id: string; name: string };
  shift: { id: string; name: string; startMinute: number };
  mediaAssets: MeetingSummary['media'];
};

/** A shift's times and meeting window: what the compliance rules read, for one shift or a board's. */
const shiftWindowSelect = {
  id: true,
  name: true,
  enterpriseId: true,
  startMinute: true,
  endMinute: true,
  daysOfWeek: true,
  meetingWindowBefore: true,
  meetingWindowAfter: true,
} as const;

const day = (d: Date) => d.toISOString().slice(0, 10);

function toSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    enterprise: { id: row.enterprise.id, name: row.enterprise.name, riskLevel: row.enterprise.riskLevel },
    zone: row.enterprise.zone,
    industry: row.enterprise.industry,
    team: row.team,
    shift: { id: row.shift.id, name: row.shift.name, startTime: clockFromMinutes(row.shift.startMinute) },
    meetingDate: day(row.meetingDate),
    startedAt: row.startedAt.toISOString(),
    hostName: row.hostName,
    expectedCount: row.expectedCount,
    presentCount: row.presentCount,
    timeliness: row.timeliness,
    reviewStatus: row.reviewStatus,
    bestPractice: row.bestPractice,
    reportedAt: row.reportedAt?.toISOString() ?? null,
    // Uploads still in flight are not evidence yet.
    media: row.mediaAssets.filter((m) => m.status !== 'UPLOADING'),
  };
}

function writeData(data: MeetingWrite) {
  const { attendance: _a, meetingDate, ...rest } = data;
  return { ...rest, meetingDate: new Date(`${meetingDate}T00:00:00Z`) };
}

/** 班前会 records, their attendance, and the shift calendar behind compliance. */
export function createMeetingRepository(prisma: PrismaClient): MeetingRepository {
  return {
    async findTeam(teamId) {
      const team = await prisma.team.findUnique({
        where: { id: teamId },
        include: {
          enterprise: { select: { zoneId: true } },
          members: { where: { active: true }, select: { id: true, name: true } },
          shifts: { select: { shiftId: true } },
        },
      });
      if (!team) return null;
      return {
        id: team.id,
        name: team.name,
        enterpriseId: team.enterpriseId,
        zoneId: team.enterprise.zoneId,
        members: team.members,
        shiftIds: team.shifts.map((s) => s.shiftId),
      };
    },

    async findShift(shiftId) {
      return prisma.shift.findUnique({
        where: { id: shiftId },
        select: shiftWindowSelect,
      });
    },

    async findIdFor(teamId, shiftId, meetingDate) {
      const row = await prisma.meeting.findUnique({
        where: { teamId_shiftId_meetingDate: { teamId, shiftId, meetingDate: new Date(`${meetingDate}T00:00:00Z`) } },
        select: { id: true },
      });
      return row?.id ?? null;
    },

    async create(data, meta) {
      const row = await prisma.meeting.create({
        data: { ...writeData(data), status: 'REPORTED', ...meta, attendance: { create: data.attendance } },
        select: { id: true },
      });
      return row.id;
    },

    async update(id, data) {
      await prisma.$transaction([
        prisma.meetingAttendance.deleteMany({ where: { meetingId: id } }),
        prisma.meeting.update({ where: { id }, data: { ...writeData(data), attendance: { create: data.attendance } } }),
      ]);
    },

    async findById(id) {
      const row = await prisma.meeting.findUnique({
        where: { id },
        include: { ...summaryInclude, attendance: { orderBy: { name: 'asc' } } },
      });
      if (!row) return null;
      const record: MeetingRecord = {
        ...toSummary(row),
        enterpriseId: row.enterpriseId,
        zoneId: row.enterprise.zoneId,
        endedAt: row.endedAt?.toISOString() ?? null,
        taskBriefing: row.taskBriefing,
        safetyBriefing: row.safetyBriefing,
        measureBriefing: row.measureBriefing,
        attireChecked: row.attireChecked,
        mentalChecked: row.mentalChecked,
        ppeChecked: row.ppeChecked,
        checkNotes: row.checkNotes,
        attendance: row.attendance.map((a) => ({
          teamMemberId: a.teamMemberId,
          name: a.name,
          present: a.present,
          absenceReason: a.absenceReason,
        })),
        hazards: row.hazards,
        topics: row.topics,
        notes: row.notes,
        source: row.source,
      };
      return record;
    },

    async list(scope, query) {
      const where: MeetingWhereInput = {
        status: 'REPORTED',
        enterprise: {
          AND: [
            enterpriseWhere(scope),
            { id: query.enterpriseId, zoneId: query.zoneId, industryId: query.industryId, riskLevel: query.riskLevel },
          ],
        },
        teamId: query.teamId,
        timeliness: query.timeliness,
        reviewStatus: query.reviewStatus,
        meetingDate: {
          gte: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
          lte: query.to ? new Date(`${query.to}T00:00:00Z`) : undefined,
        },
      };
      const [rows, total] = await Promise.all([
        prisma.meeting.findMany({
          where,
          include: summaryInclude,
          orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.meeting.count({ where }),
      ]);
      return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
    },

    async calendar(scope, filter, date) {
      const teams = await prisma.team.findMany({
        where: {
          active: true,
          enterprise: {
            AND: [
              enterpriseWhere(scope),
              { active: true, id: filter.enterpriseId, zoneId: filter.zoneId, industryId: filter.industryId, riskLevel: filter.riskLevel },
            ],
          },
        },
        select: {
          id: true,
          name: true,
          enterpriseId: true,
          shifts: {
            where: { shift: { active: true } },
            select: {
              shift: { select: shiftWindowSelect },
            },
          },
          meetings: {
            where: { meetingDate: new Date(`${date}T00:00:00Z`), status: 'REPORTED' },
            select: { id: true, shiftId: true, timeliness: true },
          },
        },
      });
      return teams.flatMap((team) =>
        team.shifts.map(({ shift }) => {
          const meeting = team.meetings.find((m) => m.shiftId === shift.id);
          return {
            enterpriseId: team.enterpriseId,
            team: { id: team.id, name: team.name },
            shift,
            meeting: meeting ? { id: meeting.id, timeliness: meeting.timeliness } : null,
          };
        }),
      );
    },
  };
}
