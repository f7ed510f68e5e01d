import type { Actor, SessionEndedNotice } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { cachedSessionResolver, type ResolvedSession } from './session-cache.ts';

const actor: Actor = { userId: 'u1', username: 'worker1', role: 'WORKER', enterpriseId: 'e1', zoneId: null };

function setup() {
  let listener: ((notice: SessionEndedNotice) => void) | undefined;
  let clock = 1_000_000;
  let calls = 0;
  let refuse = false;
  const resolve = async (): Promise<ResolvedSession> => {
    calls++;
    if (refuse) throw new Error('session ended');
    return { actor, sessionId: 's1', expiresAt: new Date(clock + 3_600_000), pendingStep: null };
  };
  const cached = cachedSessionResolver(
    resolve,
    { onSessionsEnded: (l) => ((listener = l), () => undefined) },
    5_000,
    () => clock,
    () => 1,
  );
  return {
    cached,
    calls: () => calls,
    advance: (ms: number) => (clock += ms),
    end: () => listener!({ sessionIds: ['s1'], reason: 'LOGOUT' }),
    refuse: () => (refuse = true),
  };
}

describe('cachedSessionResolver', () => {
  it('reads a session once per period', async () => {
    const s = setup();
    await s.cached('token');
    await s.cached('token');
    expect(s.calls()).toBe(1);
    s.advance(6_250);
    await s.cached('token');
    expect(s.calls()).toBe(2);
  });

  it('forgets a session the moment any instance says it ended', async () => {
    const s = setup();
    await s.cached('token');
    s.end();
    s.refuse();
    await expect(s.cached('token')).rejects.toThrow('session ended');
    expect(s.calls()).toBe(2);
  });

  it('never remembers a refusal', async () => {
    const s = setup();
    s.refuse();
    await expect(s.cached('token')).rejects.toThrow();
    await expect(s.cached('token')).rejects.toThrow();
    expect(s.calls()).toBe(2);
  });
});
