import type { Notification } from '@platform/contracts';
import type { NotificationRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

type Row = Awaited<ReturnType<PrismaClient['notification']['findFirstOrThrow']>>;

function toNotification(row: Row): Notification {
  const params = row.params && typeof row.params === 'object' && !Array.isArray(row.params) ? row.params : {};
  return {
    id: row.id,
    kind: row.kind,
    params: Object.fromEntries(
      Object.entries(params).filter((entry): entry is [string, string | number] => ['string', 'number'].includes(typeof entry[1])),
    ),
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** A user's in-app notices; every query is by the user's id, so nobody reaches another's. */
export function createNotificationRepository(prisma: PrismaClient): NotificationRepository {
  return {
    async list(userId, { page, pageSize, unreadOnly }) {
      const where = { userId, ...(unreadOnly ? { readAt: null } : {}) };
      const [rows, total] = await Promise.all([
        prisma.notification.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        prisma.notification.count({ where }),
      ]);
      return { items: rows.map(toNotification), total, page, pageSize };
    },
    unreadCount: (userId) => prisma.notification.count({ where: { userId, readAt: null } }),
    async markRead(userId, id, at) {
      return (await prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: at } })).count;
    },
    async markAllRead(userId, at) {
      return (await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } })).count;
    },
    async isOwn(userId, id) {
      return (await prisma.notification.count({ where: { id, userId } })) === 1;
    },
  };
}
