import { describe, expect, it } from 'vitest';
import { StreamSlots } from './stream-slots.ts';

describe('StreamSlots', () => {
  it('refuses a stream over the session limit with EVENT_STREAMS_LIMIT and frees the slot on release', () => {
    const slots = new StreamSlots({ perSession: 2, perUser: 5 });
    const a = slots.acquire({ session: 's1', user: 'u1' });
    slots.acquire({ session: 's1', user: 'u1' });
    expect(() => slots.acquire({ session: 's1', user: 'u1' })).toThrow(
      expect.objectContaining({ code: 'EVENT_STREAMS_LIMIT', params: { limit: 2 } }),
    );
    a();
    a(); // releasing twice frees one slot only
    expect(slots.count('session:s1')).toBe(1);
    expect(() => slots.acquire({ session: 's1', user: 'u1' })).not.toThrow();
  });

  it('counts a user across sessions and takes nothing when refused', () => {
    const slots = new StreamSlots({ perSession: 2, perUser: 3 });
    slots.acquire({ session: 's1', user: 'u1' });
    slots.acquire({ session: 's1', user: 'u1' });
    slots.acquire({ session: 's2', user: 'u1' });
    expect(() => slots.acquire({ session: 's2', user: 'u1' })).toThrow(expect.objectContaining({ params: { limit: 3 } }));
    expect(slots.count('session:s2')).toBe(1);
    expect(slots.count('user:u1')).toBe(3);
    expect(() => slots.acquire({ session: 's3', user: 'u2' })).not.toThrow();
  });
});
