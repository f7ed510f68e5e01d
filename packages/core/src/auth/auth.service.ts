import type { Actor } from '../access/actor.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { TooManyAttemptsError, UnauthorizedError } from '../errors/index.ts';
import type { AuthRepository, LoginCandidate } from './auth.port.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.ts';
import { accountDeactivatedError, sessionEndedError } from './session-end.ts';
import type { SessionService } from './session.service.ts';
import { pendingStepOf, startsMfaPending, type PasswordAgeRules, type PendingStep } from './session-step.ts';

export interface AuthPolicy {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** When a password must be changed before the session is usable (see session-step.ts). */
  passwords: PasswordAgeRules;
}

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  actor: Actor;
  /** What the new session still owes before it is usable; null when nothing. */
  pendingStep: PendingStep;
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
    private readonly throttle: LoginThrottle,
    private readonly policy: AuthPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(username: string, password: string, ctx: RequestContext): Promise<LoginResult> {
    const now = this.now();
    const user = await this.checkPassword(username, password, ctx, now);
    const actor = toActor(user);
    await this.repo.recordSuccessfulLogin(user.id, now);
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + this.policy.sessionAbsoluteHours * 3_600_000);
    const mfaPending = startsMfaPending(user.role, Boolean(user.mfaEnabledAt));
    const session = await this.repo.createSession({
      tokenHash: hashSecret(token),
      userId: user.id,
      expiresAt,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      mfaPending,
    });
    const pendingStep = pendingStepOf({ ...user, mfaPending, mfaEnabled: Boolean(user.mfaEnabledAt) }, now, this.policy.passwords);
    await this.audit.record({
      actor,
      action: 'auth.login',
      outcome: 'SUCCESS',
      ip: ctx.ip,
      details: pendingStep ? { pendingStep } : undefined,
    });
    // A session waiting for the second factor counts towards the session limit only once it is
    // given (MfaService), so a stolen password alone cannot sign the owner out.
    if (!mfaPending) await this.sessions.sessionStarted(actor, session.id, ctx);
    return { token, expiresAt, actor, pendingStep };
  }

  /**
   * The active account behind a correct password, or a throw. Every attempt does the same work
   * whether the name exists or not (one account lookup, one throttle read, one password hash, one
   * throttle write, one audit row) and gets the same answer, so neither the response nor its
   * timing tells which names exist. Counting is per name as typed and source address.
   */
  private async checkPassword(username: string, password: string, ctx: RequestContext, now: Date): Promise<LoginCandidate> {
    const key = this.throttle.keyOf(username, ctx.ip);
    const [user, lockedFor] = await Promise.all([this.repo.findLoginCandidate(username), this.throttle.lockedFor(key, now)]);
    const audit = { actor: user ? toActor(user) : null, actorName: username, action: 'auth.login', ip: ctx.ip };
    if (lockedFor > 0) {
      await this.audit.record({ ...audit, outcome: 'DENIED', details: { reason: 'locked', username, source: key.source } });
      throw new TooManyAttemptsError(lockedFor);
    }
    // An unknown name is checked against a dummy hash so it costs the same time as a real one.
    const valid = await verifyPassword(user?.passwordHash ?? (await this.dummyHash()), password);
    if (user?.active && valid) {
      await this.throttle.clear(key);
      return user;
    }
    const failure = await this.throttle.recordFailure(key, now);
    const reason = !user ? 'unknown user' : !user.active ? 'inactive' : 'wrong password';
    const locked = failure.lockedForSeconds > 0;
    await this.audit.record({
      ...audit,
      outcome: 'FAILURE',
      details: { reason, username, source: key.source, locked, lockCount: failure.lockCount },
    });
    if (locked) throw new TooManyAttemptsError(failure.lockedForSeconds);
    throw new UnauthorizedError('INVALID_CREDENTIALS', 'Wrong username or password.');
  }

  /** The actor behind a session cookie; throws UnauthorizedError when missing, revoked or expired. */
  async resolveSession(token: string): Promise<{ actor: Actor; sessionId: string; expiresAt: Date; pendingStep: PendingStep }> {
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
    const pendingStep = pendingStepOf(
      { ...session.user, mfaPending: session.mfaPending, mfaEnabled: Boolean(session.user.mfaEnabledAt) },
      now,
      this.policy.passwords,
    );
    return { actor: { ...toActor(session.user), sessionId: session.id }, sessionId: session.id, expiresAt: session.expiresAt, pendingStep };
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
