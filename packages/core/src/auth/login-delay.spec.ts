import { describe, expect, it } from 'vitest';
import { afterFailure, decayed, lockedForSeconds, lockMinutesFor, type LoginThrottlePolicy, type ThrottleState } from './login-delay.ts';

const policy: LoginThrottlePolicy = { maxFailures: 3, lockMinutes: 1, maxLockMinutes: 60, quietMinutes: 120 };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);

/** Fails `times` times at `minute`, starting from `state`. */
function fail(state: ThrottleState | null, times: number, minute: number): ThrottleState {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailure(s, at(minute), policy);
  return s!;
}

describe('lockMinutesFor', () => {
  it('doubles per lock from the first lock and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => lockMinutesFor(n, policy))).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(lockMinutesFor(0, policy)).toBe(0);
    expect(lockMinutesFor(10_000, policy)).toBe(60);
  });
});

describe('afterFailure', () => {
  it('counts failures below the limit without locking', () => {
    const s = fail(null, 2, 0);
    expect(s).toEqual({ failures: 2, lockCount: 0, lockedUntil: null, lastFailureAt: at(0) });
  });

  it('locks on the failure that reaches the limit and restarts the count', () => {
    const s = fail(null, 3, 0);
    expect(s).toEqual({ failures: 0, lockCount: 1, lockedUntil: at(1), lastFailureAt: at(0) });
    expect(lockedForSeconds(s, at(0))).toBe(60);
  });

  it('makes each further lock of the pair twice as long', () => {
    const first = fail(null, 3, 0);
    const second = fail(first, 3, 2);
    expect(second.lockedUntil).toEqual(at(2 + 2));
    const third = fail(second, 3, 5);
    expect(third.lockedUntil).toEqual(at(5 + 4));
    expect(third.lockCount).toBe(3);
  });

  it('forgets failures and takes lock steps off after quiet periods', () => {
    const locked = fail(fail(null, 3, 0), 3, 2); // lockCount 2, locked until minute 4
    expect(decayed(locked, at(4 + 119), policy).lockCount).toBe(2);
    expect(decayed(locked, at(4 + 120), policy).lockCount).toBe(1);
    expect(decayed(locked, at(4 + 600), policy)).toMatchObject({ lockCount: 0, failures: 0 });
    const partly = fail(null, 2, 0);
    expect(afterFailure(partly, at(121), policy).failures).toBe(1);
    // After one quiet period the next lock is one step shorter than it would have been.
    expect(fail(locked, 3, 4 + 120).lockedUntil).toEqual(at(4 + 120 + 2));
  });
});

describe('lockedForSeconds', () => {
  it('is zero for a pair never seen, an unlocked pair and a lock in the past', () => {
    expect(lockedForSeconds(null, at(0))).toBe(0);
    expect(lockedForSeconds({ lockedUntil: null }, at(0))).toBe(0);
    expect(lockedForSeconds({ lockedUntil: at(1) }, at(1))).toBe(0);
    expect(lockedForSeconds({ lockedUntil: at(1) }, at(0.5))).toBe(30);
  });
});
