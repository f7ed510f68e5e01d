import type { LiveEndReason, LiveGap } from '@platform/contracts';
import type { LiveRecord, LiveRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { enterpriseWhere } from './scope-filter.ts';

const include = {
  enterprise: { select: { id: true, name: true, zoneId: true } },
  team: { select: { id: true, name: true } },
  shift: { select: { id: true, name: true } },
  camera: { select: { id: true, name: true } },
} as const;

type Row = Awaited<ReturnType<PrismaClient['liveStream']['findFirstOrThrow']>> & {
  enterprise: { id: string; name: string; zoneId: string };
  team: { id: string; name: string } | null;
  shift: { id: string; name: string } | null;
  camera: { id: string; name: string } | null;
};

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

function toLive(row: Row): LiveRecord {
  return {
    id: row.id,
    enterprise: row.enterprise,
    team: row.team,
    shift: row.shift,
    meetingDate: row.meetingDate?.toISOString().slice(0, 10) ?? null,
    title: row.title,
    source: row.source,
    camera: row.camera,
    status: row.status,
    interruptedAt: row.interruptedAt,
    keyPrefix: row.streamKeyPrefix,
    revokedAt: row.revokedAt,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    endReason: (row.endReason as LiveEndReason | null) ?? null,
    gaps: Array.isArray(row.gaps) ? (row.gaps as unknown as LiveGap[]) : [],
    videoCodec: row.videoCodec,
    meetingId: row.meetingId,
    recordingAssetId: row.recordingAssetId,
    createdAt: row.createdAt,
  };
}

/** Lives: created, re-keyed and ended by the API; their status, gaps and recording are the ingest's. */
export function createLiveRepository(prisma: PrismaClient): LiveRepository {
  return {
    async findTeam(teamId) {
      const team = await prisma.team.findUnique({ where: { id: teamId }, include: { shifts: { select: { shiftId: true } } } });
      return team && { id: team.id, name: team.name, enterpriseId: team.enterpriseId, shiftIds: team.shifts.map((s) => s.shiftId) };
    },
    async findById(id) {
      const row = await prisma.liveStream.findUnique({ where: { id }, include });
      return row ? toLive(row) : null;
    },
    async list(scope, query) {
      const where = {
        enterprise: enterpriseWhere(scope),
        enterpriseId: query.enterpriseId,
        status: query.status,
        source: query.source,
      };
      const [rows, total] = await Promise.all([
        prisma.liveStream.findMany({
          where,
          include,
          // On air first (LIVE < IDLE < ENDED is not the enum's order, so by the two timestamps), newest next.
          orderBy: [
            { endedAt: { sort: 'desc', nulls: 'first' } },
            { startedAt: { sort: 'desc', nulls: 'last' } },
            { createdAt: 'desc' },
            { id: 'desc' },
          ],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.liveStream.count({ where }),
      ]);
      return { items: rows.map(toLive), total, page: query.page, pageSize: query.pageSize };
    },
    countOpen(enterpriseId) {
      return prisma.liveStream.count({ where: { enterpriseId, status: { not: 'ENDED' } } });
    },
    countOnAir() {
      return prisma.liveStream.count({ where: { status: 'LIVE' } });
    },
    async create(write) {
      const row = await prisma.liveStream.create({
        data: {
          enterpriseId: write.enterpriseId,
          teamId: write.teamId,
          shiftId: write.shiftId,
          meetingDate: write.meetingDate ? asDate(write.meetingDate) : null,
          title: write.title,
          source: write.source,
          cameraId: write.cameraId,
          streamKeyHash: write.key?.hash ?? null,
          streamKeyPrefix: write.key?.prefix ?? null,
          createdById: write.createdById,
        },
        select: { id: true },
      });
      return row.id;
    },
    async setKey(id, key, at) {
      await prisma.liveStream.update({
        where: { id },
        data: { streamKeyHash: key.hash, streamKeyPrefix: key.prefix, keyRotatedAt: at, revokedAt: null },
      });
    },
    async revokeKey(id, at) {
      await prisma.liveStream.update({ where: { id }, data: { revokedAt: at } });
    },
    async endIdle(id, at, reason) {
      const { count } = await prisma.liveStream.updateMany({
        where: { id, status: 'IDLE' },
        data: { status: 'ENDED', endedAt: at, endReason: reason },
      });
      return count === 1;
    },
    async openForCamera(cameraId) {
      return prisma.liveStream.findFirst({ where: { cameraId, status: { not: 'ENDED' } }, select: { id: true } });
    },
  };
}
