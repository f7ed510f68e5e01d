// Seconds of a video a learner has played, as sorted, disjoint [start, end) ranges. Pure.

/** A played stretch of media time in seconds, start inclusive, end exclusive. */
export type Range = readonly [start: number, end: number];

/** Seconds are kept to a tenth: players report fractions, and summing floats must not drift. */
const round = (seconds: number) => Math.round(seconds * 10) / 10;

/** Merges ranges into sorted, disjoint ones; touching ranges join. Empty ranges disappear. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges
    .map(([a, b]): Range => [round(a), round(b)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Total length of ranges that are already merged (disjoint). */
export function coveredSeconds(merged: readonly Range[]): number {
  return round(merged.reduce((sum, [a, b]) => sum + (b - a), 0));
}

/** Total length of ranges as claimed, overlaps counted twice (what was played, not what is new). */
export function playedSeconds(ranges: readonly Range[]): number {
  return round(ranges.reduce((sum, [a, b]) => sum + Math.max(0, b - a), 0));
}

/**
 * The first `budget` seconds of a claim, in the order played: what still counts when a presence
 * check stops counting part-way through a heartbeat.
 */
export function firstSeconds(ranges: readonly Range[], budget: number): Range[] {
  const kept: Range[] = [];
  let left = budget;
  for (const [a, b] of ranges) {
    if (left <= 0) break;
    const take = Math.min(b - a, left);
    if (take > 0) kept.push([a, round(a + take)]);
    left = round(left - take);
  }
  return kept;
}
