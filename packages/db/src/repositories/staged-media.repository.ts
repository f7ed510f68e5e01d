import type { StagedMediaRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

export function createStagedMediaRepository(prisma: PrismaClient): StagedMediaRepository {
  return {
    async findCandidates(ids) {
      return prisma.mediaAsset.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, enterpriseId: true, meetingId: true, staged: true },
      });
    },

    async attach(ids, meetingId) {
      return prisma.$transaction(async (tx) => {
        // Only still-staged files move: one attached by an earlier, retried submission stays put.
        await tx.mediaAsset.updateMany({ where: { id: { in: [...ids] }, staged: true }, data: { meetingId, staged: false } });
        const ready = await tx.mediaAsset.findMany({
          where: { id: { in: [...ids] }, meetingId, status: 'READY', removedAt: null },
          select: { id: true },
        });
        return ready.map((r) => r.id);
      });
    },

    async attachLiveRecordings(meetingId, { teamId, shiftId, meetingDate }) {
      return prisma.$transaction(async (tx) => {
        const lives = await tx.liveStream.findMany({
          where: { teamId, shiftId, meetingDate: new Date(`${meetingDate}T00:00:00Z`), meetingId: null },
          select: { id: true, recordingAssetId: true },
        });
        if (lives.length === 0) return [];
        await tx.liveStream.updateMany({ where: { id: { in: lives.map((l) => l.id) } }, data: { meetingId } });
        const ids = lives.flatMap((l) => (l.recordingAssetId ? [l.recordingAssetId] : []));
        await tx.mediaAsset.updateMany({ where: { id: { in: ids }, staged: true }, data: { meetingId, staged: false } });
        const ready = await tx.mediaAsset.findMany({
          where: { id: { in: ids }, meetingId, status: 'READY', removedAt: null },
          select: { id: true },
        });
        return ready.map((r) => r.id);
      });
    },

    async listStale(createdBefore, limit) {
      const rows = await prisma.mediaAsset.findMany({
        where: { staged: true, createdAt: { lt: createdBefore }, status: { not: 'UPLOADING' } },
        select: { id: true },
        orderBy: { createdAt: 'asc' },
        take: limit,
      });
      return rows.map((r) => r.id);
    },

    async deleteAsset(id) {
      await prisma.mediaAsset.deleteMany({ where: { id, staged: true } });
    },
  };
}
