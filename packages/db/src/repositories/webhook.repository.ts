import type { Webhook } from '@platform/contracts';
import type { StoredWebhook, WebhookRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

type Row = Awaited<ReturnType<PrismaClient['reminderWebhook']['findFirstOrThrow']>>;

function toWebhook(row: Row): Webhook {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    kind: row.kind,
    name: row.name,
    host: row.host,
    signed: row.secretCipher !== null,
    active: row.active,
    lastStatus: row.lastStatus,
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function toStored(row: Row): StoredWebhook {
  return { ...toWebhook(row), urlCipher: row.urlCipher, secretCipher: row.secretCipher };
}

/** Group robots; URL and secret arrive sealed and leave sealed. */
export function createWebhookRepository(prisma: PrismaClient): WebhookRepository {
  return {
    async listByEnterprise(enterpriseId) {
      return (await prisma.reminderWebhook.findMany({ where: { enterpriseId }, orderBy: { createdAt: 'asc' } })).map(toWebhook);
    },
    async activeIds(enterpriseId) {
      const rows = await prisma.reminderWebhook.findMany({ where: { enterpriseId, active: true }, select: { id: true } });
      return rows.map((r) => r.id);
    },
    async findById(id) {
      const row = await prisma.reminderWebhook.findUnique({ where: { id } });
      return row ? toStored(row) : null;
    },
    async create(input) {
      return toWebhook(await prisma.reminderWebhook.create({ data: input }));
    },
    async update(id, change) {
      return toWebhook(await prisma.reminderWebhook.update({ where: { id }, data: change }));
    },
    async delete(id) {
      const { count } = await prisma.reminderWebhook.deleteMany({ where: { id } });
      return count === 1;
    },
    async recordDelivery(id, status, at) {
      // updateMany: a robot deleted while its post was in flight is not an error.
      const { count } = await prisma.reminderWebhook.updateMany({ where: { id }, data: { lastStatus: status, lastSentAt: at } });
      if (!count) return null;
      const row = await prisma.reminderWebhook.findUnique({ where: { id } });
      return row ? toWebhook(row) : null;
    },
  };
}
