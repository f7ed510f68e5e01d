import type { LoginThrottleRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

const state = { failures: true, lockCount: true, lockedUntil: true, lastFailureAt: true } as const;

/** Failed-login counters per user name as typed and source address. */
export function createLoginThrottleRepository(prisma: PrismaClient): LoginThrottleRepository {
  return {
    find: ({ username, source }) => prisma.loginThrottle.findUnique({ where: { username_source: { username, source } }, select: state }),

    async update({ username, source }, next) {
      return prisma.$transaction(async (tx) => {
        // Holding the row makes parallel guesses queue here, so every one of them is counted.
        const rows = await tx.$queryRaw<{ failures: number; lockCount: number; lockedUntil: Date | null; lastFailureAt: Date }[]>`
          SELECT "failures", "lockCount", "lockedUntil", "lastFailureAt" FROM "login_throttle"
          WHERE "username" = ${username} AND "source" = ${source} FOR UPDATE`;
        const data = next(rows[0] ?? null);
        return tx.loginThrottle.upsert({
          where: { username_source: { username, source } },
          create: { username, source, ...data },
          update: data,
          select: state,
        });
      });
    },

    async clear({ username, source }) {
      await prisma.loginThrottle.deleteMany({ where: { username, source } });
    },

    listLocked: (username, now) =>
      prisma.loginThrottle
        .findMany({
          where: { username, lockedUntil: { gt: now } },
          orderBy: { lockedUntil: 'desc' },
          select: { source: true, lockedUntil: true, lockCount: true },
        })
        .then((rows) => rows.map((r) => ({ source: r.source, lockedUntil: r.lockedUntil!, lockCount: r.lockCount }))),

    async clearUsername(username) {
      return (await prisma.loginThrottle.deleteMany({ where: { username } })).count;
    },
  };
}
