import type { MeetingSummary } from '@platform/contracts';
import { clockFromMinutes, type MeetingRecord, type MeetingRepository, type MeetingWrite } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { meetingListOrder, meetingListWhere } from './meeting-filter.ts';

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
  mediaAssets: {
    where: { removedAt: null },
    select: { id: true, kind: true, status: true, progress: true },
    orderBy: { createdAt: 'asc' as const },
  },
} as const;

/** What a single meeting shows beyond its summary: attendance, flags, review history, removed files. */
const detailInclude = {
  ...summaryInclude,
  attendance: { orderBy: { name: 'asc' as const } },
  flags: {
    orderBy: { createdAt: 'asc' as const },
    include: {
      relatedMeeting: { select: { id: true, meetingDate: true, enterprise: { select: { id: true, name: true, zoneId: true } } } },
    },
  },
  reviews: { orderBy: { createdAt: 'asc' as const }, include: { reviewer: { select: { displayName: true, role: true } } } },
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
    heldOnTime: row.heldOnTime,
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

/** Lists count matching meetings up to this many and then say "more": counting further costs more than any reader gains. */
const COUNT_CAP = 1_000;

/** Flag params as stored JSON: only the scalar values the contract allows. */
function flagParams(value: unknown): Record<string, string | number | boolean | null> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)));
}

/** 班前会 records and their attendance, flags and review history. */
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
        select: { id: true, clientRef: true },
      });
      return row;
    },

    async create(data, meta) {
      const row = await prisma.meeting.create({
        data: { ...writeData(data), status: 'REPORTED', ...meta, attendance: { create: data.attendance } },
        select: { id: true },
      });
      return row.id;
    },

    async setTimeliness(id, facts) {
      await prisma.meeting.update({ where: { id }, data: facts });
    },

    async addReview(meetingId, review) {
      const { authorId, action, note, manualFlag, ...change } = review;
      await prisma.$transaction([
        prisma.meetingReview.create({ data: { meetingId, reviewerId: authorId, action, note } }),
        prisma.meeting.update({ where: { id: meetingId }, data: change }),
        ...(manualFlag
          ? [
              prisma.meetingFlag.upsert({
                where: { meetingId_key: { meetingId, key: manualFlag.key } },
                create: { meetingId, kind: 'MANUAL', key: manualFlag.key, detail: manualFlag.detail, params: { note: note ?? '' } },
                update: { resolvedAt: null, detail: manualFlag.detail, params: { note: note ?? '' } },
              }),
            ]
          : []),
      ]);
    },

    async findEvidenceFile(assetId) {
      return prisma.mediaAsset.findUnique({
        where: { id: assetId },
        select: { id: true, meetingId: true, enterpriseId: true, originalName: true, removedAt: true },
      });
    },

    async removeEvidenceFile(assetId, removedById, at) {
      await prisma.mediaAsset.update({ where: { id: assetId }, data: { removedAt: at, removedById } });
    },

    async update(id, data) {
      await prisma.$transaction([
        prisma.meetingAttendance.deleteMany({ where: { meetingId: id } }),
        prisma.meeting.update({ where: { id }, data: { ...writeData(data), attendance: { create: data.attendance } } }),
      ]);
    },

    async findById(id) {
      const [row, removed] = await Promise.all([
        prisma.meeting.findUnique({ where: { id }, include: detailInclude }),
        prisma.mediaAsset.findMany({
          where: { meetingId: id, removedAt: { not: null } },
          orderBy: { removedAt: 'asc' },
          select: { id: true, kind: true, originalName: true, removedAt: true, removedBy: { select: { displayName: true } } },
        }),
      ]);
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
        flags: row.flags.map((f) => ({
          id: f.id,
          kind: f.kind,
          params: flagParams(f.params),
          assetId: f.assetId,
          relatedAssetId: f.relatedAssetId,
          relatedMeeting: f.relatedMeeting
            ? {
                enterprise: f.relatedMeeting.enterprise,
                summary: {
                  id: f.relatedMeeting.id,
                  enterpriseName: f.relatedMeeting.enterprise.name,
                  meetingDate: day(f.relatedMeeting.meetingDate),
                },
              }
            : null,
          createdAt: f.createdAt.toISOString(),
          resolvedAt: f.resolvedAt?.toISOString() ?? null,
        })),
        reviews: row.reviews.map((r) => ({
          id: r.id,
          action: r.action,
          note: r.note,
          author: { displayName: r.reviewer.displayName, role: r.reviewer.role },
          createdAt: r.createdAt.toISOString(),
        })),
        removedMedia: removed.map((m) => ({
          id: m.id,
          kind: m.kind,
          originalName: m.originalName,
          removedAt: m.removedAt!.toISOString(),
          removedBy: m.removedBy?.displayName ?? null,
        })),
      };
      return record;
    },

    async list(scope, query) {
      const where = meetingListWhere(scope, query);
      const [rows, total] = await Promise.all([
        prisma.meeting.findMany({
          where,
          include: summaryInclude,
          orderBy: meetingListOrder(query),
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        // Without a period a district has millions of meetings, and counting past a cap costs more
        // than any reader gains. With one, the exact count is cheap through the date index, while a
        // capped count would tempt the planner into a fast-start scan that a selective filter ruins.
        query.from || query.to ? prisma.meeting.count({ where }) : prisma.meeting.count({ where, take: COUNT_CAP + 1 }),
      ]);
      return {
        items: rows.map(toSummary),
        total: Math.min(total, COUNT_CAP),
        totalCapped: total > COUNT_CAP,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}
