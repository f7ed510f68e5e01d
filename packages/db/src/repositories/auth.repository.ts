import type { AuthRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Credentials, sessions and API tokens. */
export function createAuthRepository(prisma: PrismaClient): AuthRepository {
  return {
    findLoginCandidate: (username) =>
      prisma.user.findUnique({
        where: { username },
        select: {
          id: true,
          username: true,
          passwordHash: true,
          role: true,
          enterpriseId: true,
          zoneId: true,
          active: true,
          mfaEnabledAt: true,
          mustChangePassword: true,
          passwordChangedAt: true,
        },
      }),

    async recordSuccessfulLogin(userId, at) {
      await prisma.user.update({ where: { id: userId }, data: { lastLoginAt: at } });
    },

    createSession: (session) => prisma.session.create({ data: session, select: { id: true } }),

    findSession: (tokenHash) =>
      prisma.session.findUnique({
        where: { tokenHash },
        select: {
          id: true,
          lastSeenAt: true,
          expiresAt: true,
          revokedAt: true,
          endedReason: true,
          mfaPending: true,
          user: {
            select: {
              id: true,
              username: true,
              role: true,
              enterpriseId: true,
              zoneId: true,
              active: true,
              mfaEnabledAt: true,
              mustChangePassword: true,
              passwordChangedAt: true,
            },
          },
        },
      }),

    async touchSession(sessionId, at) {
      await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: at } });
    },

    async revokeSession(sessionId, at, reason) {
      await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: at, endedReason: reason } });
    },

    async createApiToken(token) {
      return prisma.apiToken.create({ data: token, select: { id: true } });
    },

    async findApiToken(tokenHash) {
      const row = await prisma.apiToken.findUnique({
        where: { tokenHash },
        include: { enterprise: { select: { zoneId: true, active: true } } },
      });
      if (!row) return null;
      return {
        id: row.id,
        enterpriseId: row.enterpriseId,
        createdById: row.createdById,
        name: row.name,
        expiresAt: row.expiresAt,
        revokedAt: row.revokedAt,
        enterpriseZoneId: row.enterprise.zoneId,
        enterpriseActive: row.enterprise.active,
      };
    },

    async touchApiToken(tokenId, at) {
      await prisma.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: at } });
    },
  };
}
