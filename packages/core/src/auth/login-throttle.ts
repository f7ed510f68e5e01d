import { afterFailure, lockedForSeconds, type LoginThrottlePolicy } from './login-delay.ts';
import type { LoginThrottleRepository, ThrottleKey } from './login-throttle.port.ts';
import { sourceOf } from './login-source.ts';

/**
 * Failed logins counted per user name as typed and source address. A lock blocks only that pair,
 * so guessing from one address cannot lock the real user out at another. Names that belong to
 * nobody are counted exactly like real ones: the same reads and writes, the same answers.
 */
export class LoginThrottle {
  constructor(
    private readonly repo: LoginThrottleRepository,
    private readonly policy: LoginThrottlePolicy,
  ) {}

  /** The pair a login attempt is counted against. */
  keyOf(username: string, ip: string | null): ThrottleKey {
    return { username: username.trim().toLowerCase(), source: sourceOf(ip) };
  }

  /** Seconds the pair stays locked; 0 when it may try. */
  async lockedFor(key: ThrottleKey, now: Date): Promise<number> {
    return lockedForSeconds(await this.repo.find(key), now);
  }

  /** Counts one failure; returns the seconds of the lock it started (0 when it started none) and the count. */
  async recordFailure(key: ThrottleKey, now: Date): Promise<{ lockedForSeconds: number; failures: number; lockCount: number }> {
    const state = await this.repo.update(key, (current) => afterFailure(current, now, this.policy));
    return { lockedForSeconds: lockedForSeconds(state, now), failures: state.failures, lockCount: state.lockCount };
  }

  /** A successful login forgets the pair's failures and locks. */
  async clear(key: ThrottleKey): Promise<void> {
    await this.repo.clear(key);
  }
}
