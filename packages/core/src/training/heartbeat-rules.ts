import { coveredSeconds, firstSeconds, mergeRanges, playedSeconds, type Range } from './watch-ranges.ts';

// What the server believes of one heartbeat. Pure: the caller loads the viewing and the
// learner's progress, applies the verdict and stores the heartbeat either way (it is the record).

export interface HeartbeatPolicy {
  /** Highest playback rate the player allows; more seconds than this in the time elapsed is impossible. */
  maxPlaybackRate: number;
  /** Slack for timer jitter and rounding, in seconds, added to every allowance. */
  toleranceSeconds: number;
}

export const DEFAULT_HEARTBEAT_POLICY: HeartbeatPolicy = { maxPlaybackRate: 1.5, toleranceSeconds: 2 };

/** A viewing as the rules need it. Times are epoch milliseconds. */
export interface ViewingState {
  durationSeconds: number;
  /** Server time the viewing started, and the device's clock at that moment. */
  startedAt: number;
  clientStartedAt: number;
  /** Device time of the last counted heartbeat, or null before the first. */
  lastClientAt: number | null;
  lastSeq: number;
  /** Server time another device took the lesson over, when it did. */
  endedAt: number | null;
  playedSeconds: number;
  /** Played-seconds marks of this viewing where a presence check is asked. */
  checkAt: readonly number[];
  /** Marks whose check has been answered. */
  answered: readonly number[];
  /** The learner's watched ranges of this lesson (all viewings), merged. */
  watched: readonly Range[];
}

export interface HeartbeatClaim {
  seq: number;
  /** The device's clock when the heartbeat was made (it may arrive much later, from a queue). */
  clientAt: number;
  ranges: readonly Range[];
}

export type Rejection =
  'DUPLICATE' | 'OUT_OF_ORDER' | 'RANGE_INVALID' | 'BEYOND_DURATION' | 'FASTER_THAN_ALLOWED' | 'CLOCK_AHEAD' | 'SESSION_TAKEN_OVER';

export type Verdict =
  | { kind: 'duplicate' }
  | { kind: 'rejected'; rejection: Exclude<Rejection, 'DUPLICATE'> }
  | {
      kind: 'counted';
      /** New unique seconds this heartbeat added to the lesson. */
      countedSeconds: number;
      /** Seconds played that count toward the viewing's presence checks. */
      playedSeconds: number;
      watched: Range[];
      /** A presence-check mark reached and not answered: counting stopped there. */
      blockedAt: number | null;
    };

/**
 * Judges one heartbeat. A claim is refused whole when it is impossible: ranges outside the video,
 * more played seconds than the device's elapsed time allows at the highest rate, a device clock
 * running ahead of the server's, or a viewing another device has taken over. A possible claim
 * counts only up to the first unanswered presence check.
 */
export function judgeHeartbeat(
  state: ViewingState,
  claim: HeartbeatClaim,
  receivedAt: number,
  policy: HeartbeatPolicy = DEFAULT_HEARTBEAT_POLICY,
): Verdict {
  if (claim.seq <= state.lastSeq) return { kind: 'duplicate' };
  const reject = (rejection: Exclude<Rejection, 'DUPLICATE'>): Verdict => ({ kind: 'rejected', rejection });
  const tolerance = policy.toleranceSeconds;

  if (claim.ranges.some(([a, b]) => !Number.isFinite(a) || !Number.isFinite(b) || b < a)) return reject('RANGE_INVALID');
  if (claim.ranges.some(([a, b]) => a < 0 || b > state.durationSeconds + 1)) return reject('BEYOND_DURATION');

  const previous = state.lastClientAt ?? state.clientStartedAt;
  if (claim.clientAt < previous) return reject('OUT_OF_ORDER');
  // Device time since the start can never exceed the server's: a clock set ahead buys nothing.
  const deviceElapsed = (claim.clientAt - state.clientStartedAt) / 1000;
  const serverElapsed = (receivedAt - state.startedAt) / 1000;
  if (deviceElapsed > serverElapsed + tolerance) return reject('CLOCK_AHEAD');
  // Heartbeats made before another device took over still count; later ones do not.
  if (state.endedAt !== null && claim.clientAt - state.clientStartedAt > state.endedAt - state.startedAt) {
    return reject('SESSION_TAKEN_OVER');
  }

  const played = playedSeconds(claim.ranges);
  const allowed = ((claim.clientAt - previous) / 1000) * policy.maxPlaybackRate + tolerance;
  if (played > allowed) return reject('FASTER_THAN_ALLOWED');

  const blockedAt = firstUnanswered(state);
  const budget = blockedAt === null ? played : Math.max(0, blockedAt - state.playedSeconds);
  const counting = budget >= played ? claim.ranges : firstSeconds(claim.ranges, budget);
  const watched = mergeRanges([...state.watched, ...counting]);
  const countedPlayed = playedSeconds(counting);
  const reached = blockedAt !== null && state.playedSeconds + countedPlayed >= blockedAt ? blockedAt : null;
  return {
    kind: 'counted',
    countedSeconds: Math.max(0, coveredSeconds(watched) - coveredSeconds(state.watched)),
    playedSeconds: countedPlayed,
    watched,
    blockedAt: reached,
  };
}

/** The lowest presence-check mark not yet answered, or null. */
export function firstUnanswered(state: Pick<ViewingState, 'checkAt' | 'answered'>): number | null {
  const open = state.checkAt.filter((mark) => !state.answered.includes(mark));
  return open.length ? Math.min(...open) : null;
}

/**
 * Random presence-check marks for a new viewing: `count` marks spread over the seconds the learner
 * still has to watch, so a check always comes before the lesson can complete, and never in the
 * first or last tenth (a check at second 0 proves nothing).
 */
export function drawCheckMarks(count: number, secondsToWatch: number, random: () => number = Math.random): number[] {
  if (count <= 0 || secondsToWatch < 2) return [];
  const marks = new Set<number>();
  const span = secondsToWatch * 0.8;
  for (let i = 0; i < count; i++) {
    // One mark per equal slice, so checks are spread out rather than bunched.
    const slice = span / count;
    marks.add(Math.max(1, Math.floor(secondsToWatch * 0.1 + slice * i + random() * slice)));
  }
  return [...marks].sort((a, b) => a - b);
}

/** True when the watched share reaches the lesson's required coverage. */
export function isCovered(watched: readonly Range[], durationSeconds: number, requiredCoverage: number): boolean {
  if (durationSeconds <= 0) return false;
  const inside = mergeRanges(watched.map(([a, b]): Range => [Math.max(0, a), Math.min(durationSeconds, b)]));
  return coveredSeconds(inside) >= durationSeconds * requiredCoverage - 0.05;
}
