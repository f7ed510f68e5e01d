import type { SessionEndedNotice } from '@platform/core';
import { describe, expect, it } from 'vitest';
import { cachedLinkHolderCheck } from './link-holder-check.ts';

/** Live sessions and tokens by id, counting how often each is asked about. */
function fixture() {
  const live = new Set(['s1', 's2', 't1']);
  const asked: string[] = [];
  let notify: (notice: SessionEndedNotice) => void = () => {};
  let clock = 0;
  const check = cachedLinkHolderCheck(
    {
      isLive: async (id) => (asked.push(id), live.has(id)),
      isApiTokenLive: async (id) => (asked.push(id), live.has(id)),
    },
    { onSessionsEnded: (listener) => ((notify = listener), () => {}) },
    5_000,
    () => clock,
  );
  return { live, asked, check, notify: (n: SessionEndedNotice) => notify(n), tick: (ms: number) => (clock += ms) };
}

describe('cachedLinkHolderCheck', () => {
  it('asks once per holder within the ttl and again after it', async () => {
    const f = fixture();
    const s1 = { kind: 'session', id: 's1' } as const;
    expect([await f.check.isLive(s1), await f.check.isLive(s1), await f.check.isLive({ kind: 'apiToken', id: 't1' })]).toEqual([
      true,
      true,
      true,
    ]);
    expect(f.asked).toEqual(['s1', 't1']);
    f.live.delete('s1');
    f.tick(4_999);
    expect(await f.check.isLive(s1)).toBe(true);
    f.tick(1);
    expect(await f.check.isLive(s1)).toBe(false);
  });

  it("forgets a session's answer as soon as a notice says it ended, and only that one", async () => {
    const f = fixture();
    await f.check.isLive({ kind: 'session', id: 's1' });
    await f.check.isLive({ kind: 'session', id: 's2' });
    f.live.delete('s1');
    f.notify({ sessionIds: ['s1'], reason: 'LOGOUT' });
    expect(await f.check.isLive({ kind: 'session', id: 's1' })).toBe(false);
    expect(await f.check.isLive({ kind: 'session', id: 's2' })).toBe(true);
    expect(f.asked).toEqual(['s1', 's2', 's1']);
  });

  it('does not remember a failed check', async () => {
    let fail = true;
    const check = cachedLinkHolderCheck(
      { isLive: async () => (fail ? Promise.reject(new Error('db down')) : true), isApiTokenLive: async () => true },
      { onSessionsEnded: () => () => {} },
      5_000,
      () => 0,
    );
    await expect(check.isLive({ kind: 'session', id: 's1' })).rejects.toThrow('db down');
    fail = false;
    expect(await check.isLive({ kind: 'session', id: 's1' })).toBe(true);
  });
});
