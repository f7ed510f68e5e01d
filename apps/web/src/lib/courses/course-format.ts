/**
 * A length in seconds as the course pages show it: 分 and 秒 (`12分05秒`), `—` for nothing yet.
 * Video lengths come from the files, so a course still processing shows `—` rather than 0.
 */
export function formatSeconds(seconds: number): string {
  if (!seconds) return '—';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (!minutes) return `${rest}秒`;
  return `${minutes}分${String(rest).padStart(2, '0')}秒`;
}

/** `items` with the entry at `index` swapped with its neighbour `by` (-1 up, +1 down); the same array when it cannot move. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
