import type { PasswordRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Passwords and their history. */
export function createPasswordRepository(prisma: PrismaClient): PasswordRepository {
  return {
    findAccount: (userId) => prisma.user.findUnique({ where: { id: userId }, select: { id: true, username: true, passwordHash: true } }),

    async recentHashes(userId, limit) {
      const rows = await prisma.passwordHistory.findMany({
        where: { userId },
        orderBy: { createdAt: 'desc' },
        take: limit,
        select: { passwordHash: true },
      });
      return rows.map((r) => r.passwordHash);
    },

    async save(userId, change, keep) {
      await prisma.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: userId },
          data: { passwordHash: change.passwordHash, passwordChangedAt: change.changedAt, mustChangePassword: change.mustChange },
        });
        await tx.passwordHistory.create({ data: { userId, passwordHash: change.passwordHash, createdAt: change.changedAt } });
        // Old hashes are of no use once out of the reuse window, and each kept one is one more to crack.
        const stale = await tx.passwordHistory.findMany({
          where: { userId },
          orderBy: { createdAt: 'desc' },
          skip: keep,
          select: { id: true },
        });
        if (stale.length) await tx.passwordHistory.deleteMany({ where: { id: { in: stale.map((r) => r.id) } } });
      });
    },
  };
}
