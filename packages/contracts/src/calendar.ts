import { z } from 'zod';
import { Id } from './common.ts';

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** An exception to an enterprise's shifts on one day: a rest day, or a 调休 working day. */
export const CalendarDayInput = z.object({
  kind: z.enum(['REST', 'WORKDAY']),
  note: z.string().trim().max(100, { error: 'must be at most 100 characters' }).nullable().optional(),
});
export type CalendarDayInput = z.infer<typeof CalendarDayInput>;

export const CalendarDay = CalendarDayInput.extend({ date: z.string(), note: z.string().nullable() }).meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarQuery = z.object({ from: day.optional(), to: day.optional() });
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const CalendarDayParams = z.object({ id: Id, date: day });
