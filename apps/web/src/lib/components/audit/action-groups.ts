import { t } from '$lib/i18n/index.ts';

/** Action groups the audit filter offers; the API matches actions that start with `<group>.`. */
export const ACTION_GROUPS = Object.keys(t.audit.actionGroups) as (keyof typeof t.audit.actionGroups)[];
