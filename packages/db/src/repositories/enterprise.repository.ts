import type { Enterprise, EnterpriseInput } from '@platform/contracts';
import type { EnterpriseRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { EnterpriseWhereInput } from '../generated/prisma/models.ts';
import { enterpriseWhere } from './scope-filter.ts';

const include = { zone: { select: { id: true, name: true } }, industry: { select: { id: true, name: true } } } as const;

type Row = Awaited<ReturnType<PrismaClient['enterprise']['findFirstOrThrow']>> & {
  zone: { id: string; name: string };
  industry: { id: string; name: string };
};

function toEnterprise(row: Row): Enterprise & { zoneId: string } {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    zone: row.zone,
    zoneId: row.zoneId,
    industry: row.industry,
    riskLevel: row.riskLevel,
    address: row.address,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    active: row.active,
  };
}

function withoutZoneId({ zoneId: _z, ...rest }: Enterprise & { zoneId: string }): Enterprise {
  return rest;
}

function dataOf(input: EnterpriseInput) {
  return {
    ...input,
    creditCode: input.creditCode.trim().toUpperCase(),
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
}

/** Supervised enterprises. */
export function createEnterpriseRepository(prisma: PrismaClient): EnterpriseRepository {
  return {
    async list(scope, query) {
      const where: EnterpriseWhereInput = {
        AND: [
          enterpriseWhere(scope),
          query.q
            ? { OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { creditCode: { contains: query.q.toUpperCase() } }] }
            : {},
          { zoneId: query.zoneId, industryId: query.industryId, riskLevel: query.riskLevel },
        ],
      };
      const [rows, total] = await Promise.all([
        prisma.enterprise.findMany({
          where,
          include,
          orderBy: { name: 'asc' },
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.enterprise.count({ where }),
      ]);
      return { items: rows.map((r) => withoutZoneId(toEnterprise(r))), total, page: query.page, pageSize: query.pageSize };
    },

    async findById(id) {
      const row = await prisma.enterprise.findUnique({ where: { id }, include });
      return row ? toEnterprise(row) : null;
    },

    async findIdByCreditCode(creditCode) {
      const row = await prisma.enterprise.findUnique({ where: { creditCode: creditCode.trim().toUpperCase() }, select: { id: true } });
      return row?.id ?? null;
    },

    async create(input) {
      return withoutZoneId(toEnterprise(await prisma.enterprise.create({ data: dataOf(input), include })));
    },

    async update(id, input) {
      return withoutZoneId(toEnterprise(await prisma.enterprise.update({ where: { id }, data: dataOf(input), include })));
    },
  };
}
