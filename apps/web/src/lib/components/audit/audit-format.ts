import type { AuditEntry, Role } from '@platform/contracts';
import { t, translateError } from '../../i18n/index.ts';

const ROLE_FIELDS = new Set(['role']);

/** The Chinese label of an action; an action newer than this page reads "其他动作（code）". */
export function actionLabel(action: string): string {
  return (t.audit.actions as Readonly<Record<string, string>>)[action] ?? t.audit.unknownAction(action);
}

/** A changed field's name in Chinese, or the field's own name when the viewer does not know it. */
export function fieldLabel(field: string): string {
  return t.audit.fields[field] ?? field;
}

/** One value of a change or detail, for people: roles, yes/no and refusal codes in Chinese, empty as （空）. */
export function formatAuditValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.audit.empty;
  if (field === 'reason' && typeof value === 'string' && Object.hasOwn(t.errors.codes, value)) return translateError(value);
  if (typeof value === 'boolean') return value ? t.audit.yes : t.audit.no;
  if (ROLE_FIELDS.has(field) && typeof value === 'string' && value in t.roles) return t.roles[value as Role];
  if (Array.isArray(value)) return value.map((v) => formatAuditValue(field, v)).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `字段: 旧值 → 新值` lines of an entry's changes. */
export function changeLines(entry: Pick<AuditEntry, 'changes'>): string[] {
  return Object.entries(entry.changes ?? {}).map(
    ([field, change]) => `${fieldLabel(field)}: ${formatAuditValue(field, change.from)} → ${formatAuditValue(field, change.to)}`,
  );
}

/** `key: value` lines of an entry's other details, keys in Chinese where known. */
export function detailLines(details: unknown): string[] {
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details as Record<string, unknown>).map(
    ([key, value]) => `${t.audit.detailKeys[key] ?? key}: ${formatAuditValue(key, value)}`,
  );
}

/** The object of an entry: its type in Chinese and its name at the time (or a short id). */
export function entityText(entry: Pick<AuditEntry, 'entityType' | 'entityLabel' | 'entityId'>): string {
  if (!entry.entityType) return '—';
  const type = t.audit.entityTypes[entry.entityType] ?? entry.entityType;
  const name = entry.entityLabel ?? (entry.entityId ? `#${entry.entityId.slice(0, 8)}` : '');
  return name ? `${type} · ${name}` : type;
}
