import type { Actor } from '../access/actor.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { TooManyAttemptsError, UnauthorizedError } from '../errors/index.ts';
import type { AuthRepository } from './auth.port.ts';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.ts';
import { accountDeactivatedError, sessionEndedError } from './session-end.ts';
import type { SessionService } from './session.service.ts';

export interface AuthPolicy {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
}

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

// Refreshing lastSeenAt on every request would turn every read into a write.
const TOUCH_INTERVAL_MS = 60_000;
const API_TOKEN_PREFIX = 'bhs_';

/** Password login, server-side sessions with idle and absolute expiry, lockout, API tokens. */
export class AuthService {
  #dummyHash: Promise<string> | undefined;

  constructor(
    private readonly repo: AuthRepository,
    private readonly audit: AuditRepository,
    private readonly sessions: SessionService,
    private readonly policy: AuthPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(username: string, password: string, ctx: RequestContext): Promise<LoginResult> {
    const user = await this.repo.findLoginCandidate(username);
    const now = this.now();
    if (!user || !user.active) {
      // Spend the same time as a real check so response timing does not reveal which usernames exist.
      await verifyPassword(await this.dummyHash(), password);
      await this.audit.record({
        actorName: username,
        action: 'auth.login',
        outcome: 'FAILURE',
        ip: ctx.ip,
        details: { reason: user ? 'inactive' : 'unknown user' },
      });
      throw new UnauthorizedError('INVALID_CREDENTIALS', 'Wrong username or password.');
    }
    const actor = toActor(user);
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.audit.record({ actor, action: 'auth.login', outcome: 'DENIED', ip: ctx.ip, details: { reason: 'locked' } });
      throw new TooManyAttemptsError((user.lockedUntil.getTime() - now.getTime()) / 1000);
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.recordFailure(user.id, user.failedLoginCount + 1, actor, ctx, now);
    }
    await this.repo.recordSuccessfulLogin(user.id, now);
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + this.policy.sessionAbsoluteHours * 3_600_000);
    const session = await this.repo.createSession({
      tokenHash: hashSecret(token),
      userId: user.id,
      expiresAt,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await this.audit.record({ actor, action: 'auth.login', outcome: 'SUCCESS', ip: ctx.ip });
    await this.sessions.sessionStarted(actor, session.id, ctx);
    return { token, expiresAt, actor };
  }

  private async recordFailure(userId: string, failures: number, actor: Actor, ctx: RequestContext, now: Date): Promise<never> {
    const locks = failures >= this.policy.maxFailedLogins;
    const lockedUntil = locks ? new Date(now.getTime() + this.policy.lockoutMinutes * 60_000) : null;
    // The counter restarts after a lockout so the next period starts with a full allowance.
    await this.repo.recordFailedLogin(userId, locks ? 0 : failures, lockedUntil);
    await this.audit.record({
      actor,
      action: 'auth.login',
      outcome: 'FAILURE',
      ip: ctx.ip,
      details: { reason: 'wrong password', failures, locked: locks },
    });
    if (locks) throw new TooManyAttemptsError(this.policy.lockoutMinutes * 60);
    throw new UnauthorizedError('INVALID_CREDENTIALS', 'Wrong username or password.');
  }

  /** The actor behind a session cookie; throws UnauthorizedError when missing, revoked or expired. */
  async resolveSession(token: string): Promise<{ actor: Actor; sessionId: string; expiresAt: Date }> {
    const session = await this.repo.findSession(hashSecret(token));
    const now = this.now();
    if (!session) throw sessionEndedError(null, this.policy.sessionIdleMinutes);
    if (!session.user.active) throw accountDeactivatedError();
    if (session.revokedAt) throw sessionEndedError(session.endedReason, this.policy.sessionIdleMinutes);
    if (session.expiresAt <= now) {
      throw new UnauthorizedError(
        'SESSION_EXPIRED',
        `Your session reached its ${this.policy.sessionAbsoluteHours}-hour limit. Log in again.`,
        { params: { hours: this.policy.sessionAbsoluteHours } },
      );
    }
    if (now.getTime() - session.lastSeenAt.getTime() > this.policy.sessionIdleMinutes * 60_000) {
      await this.repo.revokeSession(session.id, now, 'IDLE');
      throw new UnauthorizedError(
        'SESSION_IDLE_TIMEOUT',
        `Your session timed out after ${this.policy.sessionIdleMinutes} minutes of inactivity. Log in again.`,
        {
          params: { minutes: this.policy.sessionIdleMinutes },
        },
      );
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await this.repo.touchSession(session.id, now);
    // The session travels with the actor so what it is given (media links) can be bound to it.
    return { actor: { ...toActor(session.user), sessionId: session.id }, sessionId: session.id, expiresAt: session.expiresAt };
  }

  /** Issues an API token for an enterprise's own system. The secret is returned once and never stored. */
  async issueApiToken(
    enterpriseId: string,
    name: string,
    createdBy: Actor,
    expiresAt: Date | null,
  ): Promise<{ id: string; token: string }> {
    const token = newSecret(API_TOKEN_PREFIX);
    const { id } = await this.repo.createApiToken({
      enterpriseId,
      name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdById: createdBy.userId,
      expiresAt,
    });
    return { id, token };
  }

  /** The actor behind a bearer API token: an enterprise officer scoped to the token's enterprise. */
  async resolveApiToken(token: string): Promise<Actor> {
    const stored = await this.repo.findApiToken(hashSecret(token));
    const now = this.now();
    if (!stored || stored.revokedAt || !stored.enterpriseActive)
      throw new UnauthorizedError('TOKEN_INVALID', 'The API token is unknown or revoked.');
    if (stored.expiresAt && stored.expiresAt <= now)
      throw new UnauthorizedError('TOKEN_EXPIRED', 'The API token has expired; ask the enterprise officer for a new one.');
    await this.repo.touchApiToken(stored.id, now);
    return {
      userId: stored.createdById,
      username: `token:${stored.name}`,
      role: 'ENTERPRISE_OFFICER',
      enterpriseId: stored.enterpriseId,
      zoneId: stored.enterpriseZoneId,
      apiTokenId: stored.id,
    };
  }

  private dummyHash(): Promise<string> {
    return (this.#dummyHash ??= hashPassword('not-a-real-password-0'));
  }
}

function toActor(user: { id: string; username: string; role: Actor['role']; enterpriseId: string | null; zoneId: string | null }): Actor {
  return { userId: user.id, username: user.username, role: user.role, enterpriseId: user.enterpriseId, zoneId: user.zoneId };
}
