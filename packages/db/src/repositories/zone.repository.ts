import type { IndustryRepository, ZoneRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

const zoneSelect = { id: true, code: true, name: true, kind: true, sortOrder: true } as const;

/** Development zones, streets and towns. */
export function createZoneRepository(prisma: PrismaClient): ZoneRepository {
  return {
    list: () => prisma.zone.findMany({ select: zoneSelect, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    findById: (id) => prisma.zone.findUnique({ where: { id }, select: zoneSelect }),
    create: (input) => prisma.zone.create({ data: input, select: zoneSelect }),
    update: (id, input) => prisma.zone.update({ where: { id }, data: input, select: zoneSelect }),
    async findClash(input, exceptId) {
      const other = await prisma.zone.findFirst({
        where: { OR: [{ code: input.code }, { name: input.name }], NOT: exceptId ? { id: exceptId } : undefined },
        select: { code: true },
      });
      if (!other) return null;
      return other.code === input.code ? 'code' : 'name';
    },
  };
}

/** Industry categories. */
export function createIndustryRepository(prisma: PrismaClient): IndustryRepository {
  return {
    list: () =>
      prisma.industry.findMany({
        select: { id: true, code: true, name: true, hazardous: true },
        orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      }),
    exists: async (id) => (await prisma.industry.count({ where: { id } })) > 0,
  };
}
