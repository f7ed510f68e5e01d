import type { MfaRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** TOTP secrets (sealed by the service), recovery codes and sessions waiting for the second factor. */
export function createMfaRepository(prisma: PrismaClient): MfaRepository {
  return {
    findAccount: (userId) =>
      prisma.user.findUnique({
        where: { id: userId },
        select: { id: true, username: true, role: true, enterpriseId: true, mfaSecret: true, mfaEnabledAt: true },
      }),

    async saveEnrolment(userId, sealedSecret) {
      await prisma.$transaction([
        prisma.mfaRecoveryCode.deleteMany({ where: { userId } }),
        prisma.user.update({ where: { id: userId }, data: { mfaSecret: sealedSecret, mfaEnabledAt: null } }),
      ]);
    },

    async enable(userId, at, recoveryCodeHashes) {
      return prisma.$transaction(async (tx) => {
        // Conditional on "not enabled yet", so two activations at once cannot both hand out codes.
        const { count } = await tx.user.updateMany({ where: { id: userId, mfaEnabledAt: null }, data: { mfaEnabledAt: at } });
        if (!count) return false;
        await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
        await tx.mfaRecoveryCode.createMany({ data: recoveryCodeHashes.map((codeHash) => ({ userId, codeHash })) });
        return true;
      });
    },

    async useRecoveryCode(userId, codeHash, at) {
      const { count } = await prisma.mfaRecoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: at } });
      return count === 1;
    },

    unusedRecoveryCodes: (userId) => prisma.mfaRecoveryCode.count({ where: { userId, usedAt: null } }),

    async reset(userId) {
      await prisma.$transaction([
        prisma.mfaRecoveryCode.deleteMany({ where: { userId } }),
        prisma.user.update({ where: { id: userId }, data: { mfaSecret: null, mfaEnabledAt: null } }),
      ]);
    },

    async isSessionPending(sessionId) {
      const session = await prisma.session.findUnique({ where: { id: sessionId }, select: { mfaPending: true } });
      return session?.mfaPending ?? false;
    },

    async completeSession(sessionId) {
      await prisma.session.update({ where: { id: sessionId }, data: { mfaPending: false } });
    },
  };
}
