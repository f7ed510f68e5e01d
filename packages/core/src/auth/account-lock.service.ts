import type { AccountLocks } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { NotFoundError } from '../errors/index.ts';
import type { LoginThrottleRepository } from './login-throttle.port.ts';

/** The one lookup this service needs: an account's user name by id. */
export interface AccountNames {
  usernameOf(userId: string): Promise<string | null>;
}

/**
 * Where an account is locked from after failed logins, and the security administrator's unlock.
 * A lock belongs to a (user name, source) pair, so an account can be locked from some addresses
 * and open from others; unlocking clears every pair of the name.
 */
export class AccountLockService {
  constructor(
    private readonly accounts: AccountNames,
    private readonly throttles: LoginThrottleRepository,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** System and security administrators see lock state; only the latter can act on it. */
  async status(actor: Actor, userId: string): Promise<AccountLocks> {
    requireRole(actor, 'ADMIN', 'SECURITY_ADMIN');
    return this.locksOf(await this.usernameOf(userId));
  }

  /** Clears every failed-login counter and lock of the account (安全管理员 only), audited. */
  async unlock(actor: Actor, userId: string, ip: string | null): Promise<AccountLocks> {
    requireRole(actor, 'SECURITY_ADMIN');
    const username = await this.usernameOf(userId);
    const before = await this.locksOf(username);
    const cleared = await this.throttles.clearUsername(username);
    await this.audit.record({
      actor,
      action: 'user.unlock',
      entityType: 'user',
      entityId: userId,
      entityLabel: username,
      outcome: 'SUCCESS',
      ip,
      details: { username, lockedSources: before.sources.map((s) => s.source), pairsCleared: cleared },
    });
    return this.locksOf(username);
  }

  private async usernameOf(userId: string): Promise<string> {
    const username = await this.accounts.usernameOf(userId);
    if (!username) throw new NotFoundError('user', userId);
    return username.toLowerCase();
  }

  private async locksOf(username: string): Promise<AccountLocks> {
    const sources = await this.throttles.listLocked(username, this.now());
    return {
      locked: sources.length > 0,
      sources: sources.map((s) => ({ source: s.source, lockedUntil: s.lockedUntil.toISOString(), lockCount: s.lockCount })),
    };
  }
}
