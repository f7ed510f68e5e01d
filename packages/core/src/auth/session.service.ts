import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { NotFoundError } from '../errors/index.ts';
import { isPrivilegedRole } from './session-step.ts';
import type { SessionEndReason, SessionNoticePublisher, SessionRepository, SessionSelection } from './session.port.ts';

export interface SessionPolicy {
  /** Open sessions allowed per account of a privileged role; a new login ends the oldest beyond it. */
  limitPrivileged: number;
  /** The same for every other role. */
  limit: number;
  sessionIdleMinutes: number;
}

/** Where a request came from, for the audit trail. */
export interface SessionRequestContext {
  ip: string | null;
}

/** One open session of the caller, for the list of signed-in devices. */
export interface OwnSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/**
 * Ending sessions, for every reason but the idle and absolute timeouts (which the auth service
 * applies as it resolves a session): logout, the concurrent-session limit, password changes and
 * resets, deactivation, a user signing out one of their devices, a security administrator.
 * Every ending is audited and announced to all API instances, so open event streams close and
 * media links issued to the session stop working at once.
 */
export class SessionService {
  constructor(
    private readonly repo: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly notices: SessionNoticePublisher,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Applies the concurrent-session limit after a login: the oldest open sessions beyond it end as
   * REPLACED, and their user is told so on their next request.
   */
  async sessionStarted(actor: Actor, sessionId: string, ctx: SessionRequestContext): Promise<void> {
    if (!actor.userId) return;
    const now = this.now();
    const limit = isPrivilegedRole(actor.role) ? this.policy.limitPrivileged : this.policy.limit;
    const open = await this.repo.listOpen(actor.userId, now, this.idleCutoff(now));
    const excess = open.filter((s) => s.id !== sessionId).slice(Math.max(0, limit - 1));
    if (!excess.length) return;
    await this.endAndAnnounce({ userId: actor.userId, ids: excess.map((s) => s.id) }, 'REPLACED', actor, ctx, 'auth.session.replaced');
  }

  /** Ends the caller's own session (POST /api/auth/logout). */
  async logout(actor: Actor, sessionId: string, ctx: SessionRequestContext): Promise<void> {
    if (!actor.userId) return;
    await this.endAndAnnounce({ userId: actor.userId, ids: [sessionId] }, 'LOGOUT', actor, ctx, 'auth.logout');
  }

  /**
   * Ends every session of `userId` (an administrator reset their password or deactivated them).
   * Returns how many were open.
   */
  async revokeAllOfUser(
    userId: string,
    reason: SessionEndReason,
    actor: Actor,
    ctx: SessionRequestContext = { ip: null },
  ): Promise<number> {
    return (await this.endAndAnnounce({ userId }, reason, actor, ctx, 'auth.session.revoke', userId)).length;
  }

  /**
   * Ends every session of the caller except `keepSessionId`: after changing one's own password,
   * the device that changed it stays signed in and every other one is signed out.
   */
  async revokeOtherSessions(
    actor: Actor,
    keepSessionId: string,
    reason: SessionEndReason = 'PASSWORD_CHANGED',
    ctx: SessionRequestContext = { ip: null },
  ): Promise<number> {
    if (!actor.userId) return 0;
    const ended = await this.endAndAnnounce({ userId: actor.userId, exceptId: keepSessionId }, reason, actor, ctx, 'auth.session.revoke');
    return ended.length;
  }

  /** The caller's open sessions, newest first, marking the one this request came with. */
  async listOwn(actor: Actor, currentSessionId: string | null): Promise<OwnSession[]> {
    if (!actor.userId) return [];
    const now = this.now();
    const open = await this.repo.listOpen(actor.userId, now, this.idleCutoff(now));
    return open.map((s) => ({ ...s, current: s.id === currentSessionId }));
  }

  /** Signs out one of the caller's own sessions. Anyone else's, or an ended one, is "not found". */
  async signOutOwn(actor: Actor, sessionId: string, ctx: SessionRequestContext): Promise<void> {
    const ended = actor.userId
      ? await this.endAndAnnounce({ userId: actor.userId, ids: [sessionId] }, 'SIGNED_OUT_BY_USER', actor, ctx, 'auth.session.signout')
      : [];
    if (!ended.length) throw new NotFoundError('session', sessionId);
  }

  /** A security administrator ends every session of an account (a lost phone, a suspected break-in). */
  async revokeAllByAdmin(actor: Actor, userId: string, ctx: SessionRequestContext): Promise<{ revoked: number }> {
    requireRole(actor, 'SECURITY_ADMIN');
    const user = await this.repo.findUser(userId);
    if (!user) throw new NotFoundError('user', userId);
    const ended = await this.endAndAnnounce({ userId }, 'REVOKED_BY_ADMIN', actor, ctx, 'auth.session.revoke', userId, user.enterpriseId);
    return { revoked: ended.length };
  }

  /**
   * Whether a session can still be used, without counting as activity: for checks made on the
   * user's behalf (an open event stream's heartbeat, a media link's segment requests).
   */
  async isLive(sessionId: string): Promise<boolean> {
    const state = await this.repo.findState(sessionId);
    const now = this.now();
    return Boolean(state && !state.revokedAt && state.userActive && state.expiresAt > now && state.lastSeenAt >= this.idleCutoff(now));
  }

  /** Whether an API token can still be used (not revoked or expired, its enterprise active). */
  async isApiTokenLive(tokenId: string): Promise<boolean> {
    const state = await this.repo.findApiTokenState(tokenId);
    return Boolean(state && !state.revokedAt && state.enterpriseActive && (!state.expiresAt || state.expiresAt > this.now()));
  }

  private idleCutoff(now: Date): Date {
    return new Date(now.getTime() - this.policy.sessionIdleMinutes * 60_000);
  }

  private async endAndAnnounce(
    selection: SessionSelection,
    reason: SessionEndReason,
    actor: Actor,
    ctx: SessionRequestContext,
    action: string,
    entityId?: string,
    enterpriseId?: string | null,
  ): Promise<string[]> {
    const ended = await this.repo.end(selection, this.now(), reason);
    // The database has the final word; a lost notice only delays closing streams until their next
    // heartbeat and media links until their cached check expires (the bus logs the loss).
    if (ended.length) await this.notices.publishSessionsEnded({ sessionIds: ended, reason }).catch(() => {});
    // Logged even when nothing was open: an administrator's revocation is an action in itself.
    if (ended.length || entityId) {
      await this.audit.record({
        actor,
        action,
        entityType: entityId ? 'user' : 'session',
        entityId: entityId ?? (ended.length === 1 ? ended[0] : undefined),
        enterpriseId: enterpriseId ?? undefined,
        outcome: 'SUCCESS',
        ip: ctx.ip,
        details: { reason, sessions: ended.length },
      });
    }
    return ended;
  }
}
