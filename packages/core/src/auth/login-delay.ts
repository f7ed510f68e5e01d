/** How failed logins of one account name from one source turn into locks. */
export interface LoginThrottlePolicy {
  /** Failures in a row that lock the pair. */
  maxFailures: number;
  /** The first lock; each further lock of the same pair doubles it. */
  lockMinutes: number;
  /** No lock lasts longer than this. */
  maxLockMinutes: number;
  /**
   * A pair with no failure for this long starts again: its failure count goes back to zero and
   * each whole quiet period takes one step off the lock length.
   */
  quietMinutes: number;
}

/** What is stored for one (user name as typed, source) pair. */
export interface ThrottleState {
  failures: number;
  lockCount: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

/** Minutes the `lockCount`-th lock of a pair lasts: 1, 2, 4, 8… times the first, capped. Pure. */
export function lockMinutesFor(lockCount: number, policy: LoginThrottlePolicy): number {
  if (lockCount < 1) return 0;
  // Past 2^30 the cap has long applied; stop before the number overflows.
  const doubled = policy.lockMinutes * 2 ** Math.min(lockCount - 1, 30);
  return Math.min(doubled, policy.maxLockMinutes);
}

/** The state after quiet time has worn it down: failures forgotten, lock steps taken off. Pure. */
export function decayed(state: ThrottleState, now: Date, policy: LoginThrottlePolicy): ThrottleState {
  const quietMs = policy.quietMinutes * 60_000;
  // Quiet time starts when the last failure or the last lock ended, whichever is later.
  const since = Math.max(state.lastFailureAt.getTime(), state.lockedUntil?.getTime() ?? 0);
  const periods = Math.floor((now.getTime() - since) / quietMs);
  if (periods < 1) return state;
  return { ...state, failures: 0, lockCount: Math.max(0, state.lockCount - periods) };
}

/**
 * The state after one more failure at `now` (`state` null for a pair never seen). The failure
 * that reaches `maxFailures` locks the pair for the next step of the schedule and starts a fresh
 * count, so each lock is followed by at most `maxFailures` more guesses before a longer one. Pure.
 */
export function afterFailure(state: ThrottleState | null, now: Date, policy: LoginThrottlePolicy): ThrottleState {
  const base = state ? decayed(state, now, policy) : { failures: 0, lockCount: 0, lockedUntil: null, lastFailureAt: now };
  const failures = base.failures + 1;
  if (failures < policy.maxFailures) return { ...base, failures, lastFailureAt: now };
  const lockCount = base.lockCount + 1;
  const lockedUntil = new Date(now.getTime() + lockMinutesFor(lockCount, policy) * 60_000);
  return { failures: 0, lockCount, lockedUntil, lastFailureAt: now };
}

/** Seconds until the pair may try again, or 0 when it is not locked. Pure. */
export function lockedForSeconds(state: Pick<ThrottleState, 'lockedUntil'> | null, now: Date): number {
  const until = state?.lockedUntil?.getTime() ?? 0;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}
