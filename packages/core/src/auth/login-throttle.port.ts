import type { ThrottleState } from './login-delay.ts';

/** One throttled pair: the user name as typed (lower-cased) and the source it came from. */
export interface ThrottleKey {
  username: string;
  source: string;
}

/** A pair of one account that is locked now. */
export interface LockedSource {
  source: string;
  lockedUntil: Date;
  lockCount: number;
}

/** Persistence of failed-login counters per user name and source. */
export interface LoginThrottleRepository {
  find(key: ThrottleKey): Promise<ThrottleState | null>;
  /**
   * Replaces the pair's state with `next(current)` while holding the row, so failures sent in
   * parallel are all counted; returns what was stored.
   */
  update(key: ThrottleKey, next: (current: ThrottleState | null) => ThrottleState): Promise<ThrottleState>;
  clear(key: ThrottleKey): Promise<void>;
  /** The pairs of `username` (lower-cased) locked at `now`. */
  listLocked(username: string, now: Date): Promise<LockedSource[]>;
  /** Forgets every pair of `username` (lower-cased); returns how many there were. */
  clearUsername(username: string): Promise<number>;
}
