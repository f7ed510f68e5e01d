import type { CalendarRepository } from '@platform/core';
import type { PrismaClient } from '../generated/prisma/client.ts';

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (row: { date: Date; kind: 'REST' | 'WORKDAY'; note: string | null }) => ({
  date: row.date.toISOString().slice(0, 10),
  kind: row.kind,
  note: row.note,
});

/** enterprise_calendar_day: one exception per enterprise and date. */
export function createCalendarRepository(prisma: PrismaClient): CalendarRepository {
  return {
    async list(enterpriseId, from, to) {
      const rows = await prisma.enterpriseCalendarDay.findMany({
        where: { enterpriseId, date: { gte: asDate(from), lte: asDate(to) } },
        orderBy: { date: 'asc' },
      });
      return rows.map(toDay);
    },
    async set(enterpriseId, date, day) {
      const data = { kind: day.kind, note: day.note ?? null };
      const row = await prisma.enterpriseCalendarDay.upsert({
        where: { enterpriseId_date: { enterpriseId, date: asDate(date) } },
        create: { enterpriseId, date: asDate(date), ...data },
        update: data,
      });
      return toDay(row);
    },
    async clear(enterpriseId, date) {
      const { count } = await prisma.enterpriseCalendarDay.deleteMany({ where: { enterpriseId, date: asDate(date) } });
      return count > 0;
    },
  };
}
