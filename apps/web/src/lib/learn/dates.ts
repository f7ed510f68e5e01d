const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `2026年12月01日` in Beijing time, as printed on certificates. */
export function beijingDate(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString();
  return `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日`;
}
