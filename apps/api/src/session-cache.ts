import { createHash } from 'node:crypto';
import type { Actor, PendingStep, SessionNoticeSubscriber } from '@platform/core';

export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  expiresAt: Date;
  pendingStep: PendingStep;
}

/**
 * How long a resolved session is reused by the heartbeat route: far longer than a heartbeat
 * interval (10 s), so 10,000 learners cost ~33 session reads a second rather than 1,000.
 * Logout, revocation, a password change and deactivation end it here at once (notices from every
 * instance); the absolute expiry is checked on every use; only the idle timeout (30 min) can lag,
 * by at most this much, and a learner sending heartbeats is not idle. Each entry lives between 3/4
 * and 5/4 of it, so sessions that started together are not all read again in the same second.
 */
export const SESSION_CACHE_MS = 5 * 60_000;

// Enough for every learner of the programme at once; beyond it the cache starts over rather than grow.
const MAX_ENTRIES = 20_000;

/**
 * Resolves a session cookie at most once per `ttlMs` per session, for the one route called a
 * thousand times a second (learning heartbeats): each would otherwise be a database read. A
 * session-ended notice from any instance (logout, revocation, password change, deactivation)
 * forgets the answer at once, so an ended session is never served from here; a refusal is never
 * remembered. Keyed by the token's hash, so the cache holds no usable secret.
 */
export function cachedSessionResolver(
  resolve: (token: string) => Promise<ResolvedSession>,
  notices: SessionNoticeSubscriber,
  ttlMs: number,
  now: () => number = Date.now,
  random: () => number = Math.random,
): (token: string) => Promise<ResolvedSession> {
  const answers = new Map<string, { until: number; session: Promise<ResolvedSession> }>();
  const keyOfSession = new Map<string, string>();
  notices.onSessionsEnded(({ sessionIds }) => {
    for (const id of sessionIds) {
      const key = keyOfSession.get(id);
      if (key) answers.delete(key);
      keyOfSession.delete(id);
    }
  });
  return (token) => {
    const key = createHash('sha256').update(token).digest('hex');
    const at = now();
    const last = answers.get(key);
    if (last && at < last.until) {
      return last.session.then((s) => (s.expiresAt.getTime() > now() ? s : resolve(token)));
    }
    if (answers.size >= MAX_ENTRIES) {
      answers.clear();
      keyOfSession.clear();
    }
    const session = resolve(token);
    answers.set(key, { until: at + ttlMs * (0.75 + random() / 2), session });
    session.then(
      (s) => keyOfSession.set(s.sessionId, key),
      () => answers.delete(key),
    );
    return session;
  };
}
