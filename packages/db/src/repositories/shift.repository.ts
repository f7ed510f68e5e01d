import type { Shift } from '@platform/contracts';
import { clockFromMinutes, type ShiftRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

type Row = Awaited<ReturnType<PrismaClient['shift']['findFirstOrThrow']>>;

function toShift(row: Row): Shift {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    name: row.name,
    startTime: clockFromMinutes(row.startMinute),
    endTime: clockFromMinutes(row.endMinute),
    overnight: row.overnight,
    daysOfWeek: row.daysOfWeek,
    meetingWindowBefore: row.meetingWindowBefore,
    meetingWindowAfter: row.meetingWindowAfter,
    active: row.active,
  };
}

/** 班次. */
export function createShiftRepository(prisma: PrismaClient): ShiftRepository {
  return {
    async listByEnterprise(enterpriseId) {
      return (await prisma.shift.findMany({ where: { enterpriseId }, orderBy: { startMinute: 'asc' } })).map(toShift);
    },
    async findById(id) {
      const row = await prisma.shift.findUnique({ where: { id } });
      return row ? toShift(row) : null;
    },
    async findIdByName(enterpriseId, name) {
      return (await prisma.shift.findUnique({ where: { enterpriseId_name: { enterpriseId, name } }, select: { id: true } }))?.id ?? null;
    },
    countInEnterprise: (enterpriseId, ids) => prisma.shift.count({ where: { enterpriseId, id: { in: ids } } }),
    async create(enterpriseId, shift) {
      return toShift(await prisma.shift.create({ data: { ...shift, enterpriseId } }));
    },
    async update(id, shift) {
      return toShift(await prisma.shift.update({ where: { id }, data: shift }));
    },
  };
}
