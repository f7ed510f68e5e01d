/** `-i input`, read only up to `limitSeconds` when set (a truncated file's last whole packet). */
export function inputArgs(input: string, limitSeconds?: number | null): string[] {
  return [...(limitSeconds ? ['-t', limitSeconds.toFixed(3)] : []), '-i', input];
}
