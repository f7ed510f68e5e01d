import type { ReminderRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Due meetings as reminders see them, and the notices they write. */
export function createReminderRepository(prisma: PrismaClient): ReminderRepository {
  return {
    async findDueMeeting(id) {
      const row = await prisma.dueMeeting.findUnique({
        where: { id },
        include: { enterprise: { select: { name: true } }, team: { select: { name: true } }, shift: { select: { name: true } } },
      });
      if (!row) return null;
      return {
        id: row.id,
        enterpriseId: row.enterpriseId,
        enterpriseName: row.enterprise.name,
        teamName: row.team.name,
        shiftName: row.shift.name,
        date: row.date.toISOString().slice(0, 10),
        dueFrom: row.dueFrom,
        dueUntil: row.dueUntil,
        status: row.status,
      };
    },

    async officerIds(enterpriseId) {
      const rows = await prisma.user.findMany({ where: { enterpriseId, role: 'ENTERPRISE_OFFICER', active: true }, select: { id: true } });
      return rows.map((r) => r.id);
    },

    async claimAndNotify(dueMeetingId, at, draft) {
      return prisma.$transaction(async (tx) => {
        // The conditional update is the claim: of two runs at once, one sets remindedAt and writes
        // the notices, the other updates nothing and writes nothing.
        const { count } = await tx.dueMeeting.updateMany({
          where: { id: dueMeetingId, remindedAt: null, status: 'MISSING' },
          data: { remindedAt: at },
        });
        if (!count) return false;
        const due = await tx.dueMeeting.findUniqueOrThrow({ where: { id: dueMeetingId }, select: { enterpriseId: true } });
        const officers = await tx.user.findMany({
          where: { enterpriseId: due.enterpriseId, role: 'ENTERPRISE_OFFICER', active: true },
          select: { id: true },
        });
        await tx.notification.createMany({ data: officers.map((o) => ({ ...draft(o.id), createdAt: at })) });
        return true;
      });
    },
  };
}
