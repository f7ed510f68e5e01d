import { t } from '$lib/i18n/index.ts';

/** Action groups the audit filter offers; the API matches actions that start with `<group>.`. */
export const ACTION_GROUPS = Object.keys(t.audit.actionGroups) as (keyof typeof t.audit.actionGroups)[];

/** Beijing time as `YYYY-MM-DDTHH:mm` (a datetime-local value) ↔ an ISO instant with +08:00. */
export function isoFromLocal(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : undefined;
}
