import type { SessionRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Listing, ending and checking sessions; logins create them through the auth repository. */
export function createSessionRepository(prisma: PrismaClient): SessionRepository {
  return {
    listOpen: (userId, now, activeSince) =>
      prisma.session.findMany({
        where: { userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gte: activeSince } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
      }),

    async end({ userId, ids, exceptId }, at, reason) {
      // One statement with `revokedAt: null` in it: of two concurrent endings only one counts a
      // session as ended by it, so each ending is announced and audited once.
      const ended = await prisma.session.updateManyAndReturn({
        where: { userId, revokedAt: null, ...(ids ? { id: { in: ids } } : {}), ...(exceptId ? { NOT: { id: exceptId } } : {}) },
        data: { revokedAt: at, endedReason: reason },
        select: { id: true },
      });
      return ended.map((s) => s.id);
    },

    async findState(sessionId) {
      const row = await prisma.session.findUnique({
        where: { id: sessionId },
        select: {
          userId: true,
          revokedAt: true,
          endedReason: true,
          expiresAt: true,
          lastSeenAt: true,
          user: { select: { active: true } },
        },
      });
      return row && { ...row, userActive: row.user.active };
    },

    async findApiTokenState(tokenId) {
      const row = await prisma.apiToken.findUnique({
        where: { id: tokenId },
        select: { revokedAt: true, expiresAt: true, enterprise: { select: { active: true } } },
      });
      return row && { revokedAt: row.revokedAt, expiresAt: row.expiresAt, enterpriseActive: row.enterprise.active };
    },

    findUser: (userId) => prisma.user.findUnique({ where: { id: userId }, select: { id: true, enterpriseId: true } }),
  };
}
