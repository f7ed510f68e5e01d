import type { Actor } from '../access/actor.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { NotFoundError, TooManyAttemptsError, ValidationError, type FieldIssue } from '../errors/index.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { PASSWORD_HISTORY_COUNT, passwordPolicyIssues } from './password-policy.ts';
import type { PasswordRepository } from './password.port.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import type { SessionService } from './session.service.ts';

/** Where a password change came from, for the throttle and the audit trail. */
export interface PasswordRequestContext {
  ip: string | null;
}

/**
 * Setting passwords under the policy: by administrators (new accounts and resets, which force a
 * change at the next login) and by users themselves with their current password.
 */
export class PasswordService {
  constructor(
    private readonly repo: PasswordRepository,
    private readonly audit: AuditRepository,
    private readonly sessions: Pick<SessionService, 'revokeOtherSessions'>,
    private readonly throttle: LoginThrottle,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Checks a password an administrator chose for an account (`userId` null for a new one) and
   * returns its hash; throws ValidationError naming every broken rule on `field`.
   */
  async prepare(userId: string | null, username: string, password: string, field = 'password'): Promise<string> {
    const issues = passwordPolicyIssues(password, username, field);
    if (!issues.length && userId) issues.push(...(await this.reuseIssues(userId, password, field)));
    if (issues.length) throw new ValidationError(issues);
    return hashPassword(password);
  }

  /** Stores a password an administrator set (prepared by `prepare`): the user must change it at the next login. */
  async saveSetByAdministrator(userId: string, passwordHash: string): Promise<void> {
    await this.repo.save(userId, { passwordHash, changedAt: this.now(), mustChange: true }, PASSWORD_HISTORY_COUNT);
  }

  /**
   * A user changes their own password. A wrong current password counts as a failed login of the
   * account from this address (the same throttle), so a left-open session cannot be used to guess
   * it. Afterwards every other session of the user ends; this one stays.
   */
  async changeOwn(
    actor: Actor,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
    ctx: PasswordRequestContext,
  ): Promise<void> {
    const account = actor.userId ? await this.repo.findAccount(actor.userId) : null;
    if (!account) throw new NotFoundError('user');
    const now = this.now();
    const key = this.throttle.keyOf(account.username, ctx.ip);
    const audit = {
      actor,
      action: 'auth.password.change',
      entityType: 'user',
      entityId: account.id,
      entityLabel: account.username,
      ip: ctx.ip,
    };
    const lockedFor = await this.throttle.lockedFor(key, now);
    if (lockedFor > 0) {
      await this.audit.record({ ...audit, outcome: 'DENIED', details: { reason: 'locked' } });
      throw new TooManyAttemptsError(lockedFor);
    }
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      const failure = await this.throttle.recordFailure(key, now);
      await this.audit.record({
        ...audit,
        outcome: 'FAILURE',
        details: { reason: 'wrong current password', locked: failure.lockedForSeconds > 0 },
      });
      if (failure.lockedForSeconds > 0) throw new TooManyAttemptsError(failure.lockedForSeconds);
      throw ValidationError.field('currentPassword', 'CURRENT_PASSWORD_WRONG', 'the current password is wrong');
    }
    const issues = passwordPolicyIssues(newPassword, account.username, 'newPassword');
    if (!issues.length) issues.push(...(await this.reuseIssues(account.id, newPassword, 'newPassword', account.passwordHash)));
    if (issues.length) {
      await this.audit.record({ ...audit, outcome: 'FAILURE', details: { reason: 'policy', codes: issues.map((i) => i.code) } });
      throw new ValidationError(issues);
    }
    await this.repo.save(
      account.id,
      { passwordHash: await hashPassword(newPassword), changedAt: now, mustChange: false },
      PASSWORD_HISTORY_COUNT,
    );
    await this.audit.record({ ...audit, outcome: 'SUCCESS' });
    await this.sessions.revokeOtherSessions(actor, sessionId, 'PASSWORD_CHANGED', ctx);
  }

  /** PASSWORD_REUSED when `password` matches the current password or one of the last ones. */
  private async reuseIssues(userId: string, password: string, field: string, currentHash?: string): Promise<FieldIssue[]> {
    const current = currentHash ?? (await this.repo.findAccount(userId))?.passwordHash;
    // The current password is normally the newest history row; accounts seeded before history existed have none.
    const hashes = [...new Set([...(current ? [current] : []), ...(await this.repo.recentHashes(userId, PASSWORD_HISTORY_COUNT))])];
    for (const hash of hashes.slice(0, PASSWORD_HISTORY_COUNT)) {
      if (await verifyPassword(hash, password)) {
        return [
          {
            field,
            code: 'PASSWORD_REUSED',
            params: { count: PASSWORD_HISTORY_COUNT },
            message: `must differ from the last ${PASSWORD_HISTORY_COUNT} passwords`,
          },
        ];
      }
    }
    return [];
  }
}
