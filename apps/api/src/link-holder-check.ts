import type { LinkHolder, LinkHolderCheck, SessionNoticeSubscriber, SessionService } from '@platform/core';

// Enough for every viewer of a busy day; beyond it the cache starts over rather than grow.
const MAX_ENTRIES = 10_000;

/**
 * Whether a media link's holder (session or API token) is still live, asked at most once per
 * `ttlMs` per holder: a player fetches a segment every few seconds, and each would otherwise be a
 * database read. A session-ended notice from any instance forgets the answer at once, so logout
 * stops its links without waiting for the cache.
 */
export function cachedLinkHolderCheck(
  sessions: Pick<SessionService, 'isLive' | 'isApiTokenLive'>,
  notices: SessionNoticeSubscriber,
  ttlMs: number,
  now: () => number = Date.now,
): LinkHolderCheck {
  const answers = new Map<string, { at: number; live: Promise<boolean> }>();
  // Lives as long as the bus, whose close() drops its subscribers.
  notices.onSessionsEnded(({ sessionIds }) => {
    for (const id of sessionIds) answers.delete(`session:${id}`);
  });
  return {
    isLive(holder: LinkHolder) {
      const key = `${holder.kind}:${holder.id}`;
      const at = now();
      const last = answers.get(key);
      if (last && at - last.at < ttlMs) return last.live;
      if (answers.size >= MAX_ENTRIES) answers.clear();
      const live = holder.kind === 'session' ? sessions.isLive(holder.id) : sessions.isApiTokenLive(holder.id);
      answers.set(key, { at, live });
      // A failed check is not remembered: the next request asks again.
      live.catch(() => answers.delete(key));
      return live;
    },
  };
}
