// Live meetings (直播) on the wall: their keys in the rotation queue and the filter rule. Pure,
// tested in wall-live.spec.ts.
import type { Enterprise, LiveStream } from '@platform/contracts';
import type { WallFilters } from './wall-format.ts';

/**
 * Lives share the queue with recorded meetings; their keys are `live:<liveId>`, so a tile knows
 * what it shows and a live never collides with a meeting's id.
 */
export const LIVE_PREFIX = 'live:';

export function liveKey(liveId: string): string {
  return `${LIVE_PREFIX}${liveId}`;
}

/** The live id of a queue key, or null for a recorded meeting's id. */
export function liveIdOf(key: string | null | undefined): string | null {
  return key?.startsWith(LIVE_PREFIX) ? key.slice(LIVE_PREFIX.length) : null;
}

/**
 * True when `live` belongs on a wall filtered by `filters`. The zone comes with the live; the
 * industry and risk level with its `enterprise` (null when it could not be read: such a live is
 * shown only while no industry or risk filter is set).
 */
export function liveMatches(
  live: Pick<LiveStream, 'enterprise'>,
  enterprise: Pick<Enterprise, 'industry' | 'riskLevel'> | null,
  filters: WallFilters,
): boolean {
  if (filters.zoneId && live.enterprise.zoneId !== filters.zoneId) return false;
  if (!filters.industryId && !filters.riskLevel) return true;
  if (!enterprise) return false;
  return (
    (!filters.industryId || enterprise.industry.id === filters.industryId) &&
    (!filters.riskLevel || enterprise.riskLevel === filters.riskLevel)
  );
}
