import type { Shift } from '@platform/contracts';
import { t } from '$lib/i18n/index.ts';

const dateTime = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'medium', hour12: false });

/** An ISO instant in the browser's local time, or "无" when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return t.common.none;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** ISO weekdays as "每天" or "周一、周三、周五". */
export function formatWeekdays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return t.shift.everyDay;
  return sorted.map((d) => t.weekdays[d] ?? String(d)).join('、');
}

/** "08:00–16:00", marking shifts that end the next day. */
export function formatShiftTime(shift: Pick<Shift, 'startTime' | 'endTime' | 'overnight'>): string {
  return `${shift.startTime}–${shift.endTime}${shift.overnight ? `（${t.shift.overnight}）` : ''}`;
}

/** Options for a weekday picker, Monday first as in China. */
export function weekdayOptions(): { value: number; label: string }[] {
  return [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t.weekdays[d] ?? String(d) }));
}

/** An empty input means "not given": the API wants null, not "". */
export function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** True when an ISO instant lies ahead, e.g. a lock that has not yet run out. */
export function isInFuture(iso: string | null | undefined): boolean {
  return !!iso && new Date(iso).getTime() > Date.now();
}

/** File sizes as people read them: "850 KB", "12.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}
