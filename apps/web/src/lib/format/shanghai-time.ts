// Meetings happen on Tianjin plant floors, so their days and clock times are Beijing time whatever
// time zone the phone or the browser is set to. China has had no daylight saving since 1991, so
// the offset is a constant +08:00.

const ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function valid(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The calendar day (YYYY-MM-DD) in Beijing of an instant, by default now. */
export function shanghaiDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

/** "07:30" in Beijing time, or "" when the instant is missing or invalid. */
export function shanghaiClock(iso: string | null | undefined): string {
  const date = valid(iso);
  return date ? clockFormat.format(date) : '';
}

/** "2026-11-28 07:30" in Beijing time, or "" when missing. */
export function shanghaiDateTime(iso: string | null | undefined): string {
  const date = valid(iso);
  return date ? `${shanghaiDay(date)} ${clockFormat.format(date)}` : '';
}

/**
 * An instant as seen from the meeting day `day`: "07:30" when it falls on that Beijing day, else
 * "2026-11-27 23:30" (a meeting held the evening before a night shift), so a time is never shown
 * under a day it does not belong to.
 */
export function shanghaiTimeOnDay(iso: string | null | undefined, day: string): string {
  const date = valid(iso);
  if (!date) return '';
  return shanghaiDay(date) === day ? clockFormat.format(date) : shanghaiDateTime(iso);
}

/** The ISO instant of a Beijing day and clock time, as the API wants it (`2026-11-28T07:30:00+08:00`). */
export function shanghaiInstant(day: string, clock: string): string {
  return `${day}T${clock}:00${OFFSET}`;
}

/** True for a real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The day `n` days after `day` (negative goes back). Calendar arithmetic, so no zone is involved. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** "周六 11月28日" style label of a day for the date switcher. */
export function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'short' }).format(date);
}
