import type { CameraRecord, CameraRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { enterpriseWhere } from './scope-filter.ts';

const include = {
  enterprise: { select: { id: true, name: true, zoneId: true } },
  team: { select: { id: true, name: true } },
  // The live recording from it now, if any.
  lives: { where: { status: { not: 'ENDED' } }, select: { id: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} as const;

type Row = Awaited<ReturnType<PrismaClient['camera']['findFirstOrThrow']>> & {
  enterprise: { id: string; name: string; zoneId: string };
  team: { id: string; name: string } | null;
  lives: { id: string }[];
};

function toCamera(row: Row): CameraRecord {
  return {
    id: row.id,
    enterprise: row.enterprise,
    team: row.team,
    name: row.name,
    rtspUrlSealed: row.rtspUrlSealed,
    rtspUrlShown: row.rtspUrlShown,
    transport: row.transport,
    autoRecord: row.autoRecord,
    status: row.status,
    statusReason: row.statusReason,
    statusCheckedAt: row.statusCheckedAt,
    lastOnlineAt: row.lastOnlineAt,
    videoCodec: row.videoCodec,
    liveId: row.lives[0]?.id ?? null,
    createdAt: row.createdAt,
  };
}

/** Meeting-room cameras; the address arrives sealed and leaves sealed. Status fields are the ingest's. */
export function createCameraRepository(prisma: PrismaClient): CameraRepository {
  return {
    async findById(id) {
      const row = await prisma.camera.findUnique({ where: { id }, include });
      return row ? toCamera(row) : null;
    },
    async list(scope, query) {
      const where = { enterprise: enterpriseWhere(scope), enterpriseId: query.enterpriseId, status: query.status };
      const [rows, total] = await Promise.all([
        prisma.camera.findMany({
          where,
          include,
          orderBy: [{ enterprise: { name: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.camera.count({ where }),
      ]);
      return { items: rows.map(toCamera), total, page: query.page, pageSize: query.pageSize };
    },
    async findIdByAddress(enterpriseId, rtspUrlShown) {
      return (await prisma.camera.findFirst({ where: { enterpriseId, rtspUrlShown }, select: { id: true } }))?.id ?? null;
    },
    async create(write) {
      return (await prisma.camera.create({ data: write, select: { id: true } })).id;
    },
    async update(id, change) {
      await prisma.camera.update({ where: { id }, data: change });
    },
    async delete(id) {
      const { count } = await prisma.camera.deleteMany({ where: { id } });
      return count === 1;
    },
  };
}
