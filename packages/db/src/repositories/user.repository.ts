import type { User } from '@platform/contracts';
import type { UserRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { UserWhereInput } from '../generated/prisma/models.ts';
import { enterpriseWhere } from './scope-filter.ts';

const include = { enterprise: { select: { id: true, name: true, zoneId: true } }, zone: { select: { id: true, name: true } } } as const;

type Row = Awaited<ReturnType<PrismaClient['user']['findFirstOrThrow']>> & {
  enterprise: { id: string; name: string; zoneId: string } | null;
  zone: { id: string; name: string } | null;
};

function toUser(row: Row): User & { enterpriseZoneId: string | null } {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    enterprise: row.enterprise ? { id: row.enterprise.id, name: row.enterprise.name } : null,
    enterpriseZoneId: row.enterprise?.zoneId ?? null,
    zone: row.zone,
    phone: row.phone,
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

function publicUser(row: Row): User {
  const { enterpriseZoneId: _z, ...user } = toUser(row);
  return user;
}

/** Accounts. Password hashes never leave this module except through the auth repository. */
export function createUserRepository(prisma: PrismaClient): UserRepository {
  return {
    async list(scope, query) {
      const scoped: UserWhereInput = scope.kind === 'all' ? {} : { enterprise: enterpriseWhere(scope) };
      const where: UserWhereInput = {
        AND: [
          scoped,
          query.q ? { OR: [{ username: { contains: query.q, mode: 'insensitive' } }, { displayName: { contains: query.q } }] } : {},
          { role: query.role, enterpriseId: query.enterpriseId },
        ],
      };
      const [rows, total] = await Promise.all([
        prisma.user.findMany({
          where,
          include,
          orderBy: { username: 'asc' },
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
        }),
        prisma.user.count({ where }),
      ]);
      return { items: rows.map(publicUser), total, page: query.page, pageSize: query.pageSize };
    },
    async findById(id) {
      const row = await prisma.user.findUnique({ where: { id }, include });
      return row ? toUser(row) : null;
    },
    async findIdByUsername(username) {
      return (await prisma.user.findUnique({ where: { username }, select: { id: true } }))?.id ?? null;
    },
    async create(user) {
      return publicUser(await prisma.user.create({ data: user, include }));
    },
    async update(id, changes) {
      return publicUser(await prisma.user.update({ where: { id }, data: changes, include }));
    },
    async me(id) {
      const row = await prisma.user.findUnique({ where: { id }, include });
      return row ? publicUser(row) : null;
    },
  };
}
