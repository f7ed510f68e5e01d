/** One changed field as the audit log keeps it. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** Which fields to mask, and how (default {@link maskPersonal}). */
export interface ChangedFieldsOptions<K extends string> {
  /** Personal data (phone, ID number): the log shows that it changed, not the values (PIPL minimisation). */
  mask?: readonly K[];
  /** Fields never logged at all, e.g. a password hash. */
  omit?: readonly K[];
}

/**
 * The fields whose value differs between `before` and `after`, with both values, for the audit
 * log's before/after record of an update. Only keys present in `after` are compared (a partial
 * update leaves the others alone); dates compare by instant; masked fields keep a hint of each
 * value (`138****5678`) so an auditor sees that and roughly how it changed. Pure.
 */
export function changedFields<T extends Record<string, unknown>, K extends Extract<keyof T, string>>(
  before: T,
  after: Partial<T>,
  options: ChangedFieldsOptions<K> = {},
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of Object.keys(after) as K[]) {
    if (options.omit?.includes(key)) continue;
    const from = normalise(before[key]);
    const to = normalise(after[key]);
    if (to === undefined || JSON.stringify(from) === JSON.stringify(to)) continue;
    const masked = options.mask?.includes(key);
    changes[key] = masked ? { from: maskPersonal(from), to: maskPersonal(to) } : { from, to };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value ?? null)) as unknown);
}

/**
 * Masks a personal value for the audit log: keeps the first three and last four characters of
 * anything longer than eight (a mobile number reads `138****5678`), otherwise only the last one.
 * Null stays null, so "added" and "removed" remain visible.
 */
export function maskPersonal(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value);
  if (text.length > 8) return `${text.slice(0, 3)}${'*'.repeat(text.length - 7)}${text.slice(-4)}`;
  return `${'*'.repeat(Math.max(1, text.length - 1))}${text.slice(-1)}`;
}
