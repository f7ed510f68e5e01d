import { describe, expect, it } from 'vitest';
import {
  arrive,
  createQueue,
  loadLives,
  loadMeetings,
  MAX_ENTRIES,
  remove,
  rotate,
  setDwell,
  setLayout,
  skip,
  togglePin,
  waiting,
  type WallQueue,
} from './wall-queue.ts';

const DWELL = 30_000;
const T0 = 1_000_000;
const shown = (q: WallQueue) => q.slots.map((s) => s.meetingId);
const ids = (n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('loadMeetings', () => {
  it('fills the tiles with the newest meetings and queues the rest', () => {
    const q = loadMeetings(createQueue(4, DWELL), ids(6), T0);
    expect(shown(q)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(waiting(q)).toEqual(['m5', 'm6']);
  });

  it('staggers the rotation of tiles filled together', () => {
    const q = loadMeetings(createQueue(4, DWELL), ids(8), T0);
    expect(q.slots.map((s) => s.placedAt)).toEqual([T0, T0 - 7_500, T0 - 15_000, T0 - 22_500]);
    // Only the tile placed "earliest" is due 7.5 s later.
    const later = rotate(q, T0 + 7_500);
    expect(shown(later)).toEqual(['m1', 'm2', 'm3', 'm5']);
  });

  it('leaves tiles empty when there are fewer meetings than tiles', () => {
    const q = loadMeetings(createQueue(4, DWELL), ['a'], T0);
    expect(shown(q)).toEqual(['a', null, null, null]);
  });

  it('on reload keeps pinned tiles, empties tiles of unlisted meetings and fills them', () => {
    let q = loadMeetings(createQueue(4, DWELL), ids(4), T0);
    q = togglePin(q, 1);
    q = loadMeetings(q, ['x', 'm1'], T0 + 1_000);
    expect(shown(q)).toEqual(['m1', 'm2', 'x', null]);
    expect(q.slots[1]!.pinned).toBe(true);
    expect(q.entries.map((e) => e.id)).toEqual(['x', 'm1', 'm2']);
  });

  it('keeps the rotation history of meetings it already knew', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a', 'b'], T0);
    q = rotate(q, T0 + DWELL); // a leaves, b shows
    q = loadMeetings(q, ['c', 'a', 'b'], T0 + DWELL + 1);
    expect(waiting(q)).toEqual(['c', 'a']);
  });
});

describe('arrive', () => {
  it('shows a new meeting at once on an empty tile', () => {
    const q = arrive(loadMeetings(createQueue(4, DWELL), ['a'], T0), 'new', T0 + 10);
    expect(shown(q)).toEqual(['a', 'new', null, null]);
  });

  it('replaces the unpinned tile shown longest when the wall is full', () => {
    let q = loadMeetings(createQueue(4, DWELL), ids(4), T0); // m4 was placed "earliest"
    q = togglePin(q, 3);
    q = arrive(q, 'new', T0 + 10);
    expect(shown(q)).toEqual(['m1', 'm2', 'new', 'm4']);
    expect(waiting(q)).toEqual(['m3']);
  });

  it('waits in the queue when every tile is pinned', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a'], T0);
    q = togglePin(q, 0);
    q = arrive(q, 'new', T0 + 10);
    expect(shown(q)).toEqual(['a']);
    expect(waiting(q)).toEqual(['new']);
  });

  it('ignores a meeting it already has (an event repeated after a reload)', () => {
    const q = loadMeetings(createQueue(4, DWELL), ['a', 'b'], T0);
    expect(arrive(q, 'b', T0 + 10)).toBe(q);
  });

  it('never remembers more than MAX_ENTRIES meetings', () => {
    let q = loadMeetings(createQueue(4, DWELL), ids(MAX_ENTRIES), T0);
    q = arrive(q, 'new', T0 + 1);
    expect(q.entries).toHaveLength(MAX_ENTRIES);
    expect(q.entries[0]!.id).toBe('new');
    expect(q.entries.some((e) => e.id === `m${MAX_ENTRIES}`)).toBe(false);
  });
});

describe('rotate', () => {
  it('changes nothing before the dwell time has passed', () => {
    const q = loadMeetings(createQueue(1, DWELL), ['a', 'b'], T0);
    expect(shown(rotate(q, T0 + DWELL - 1))).toEqual(['a']);
  });

  it('cycles through every meeting in order, then starts again', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a', 'b', 'c'], T0);
    const seen: (string | null)[] = [];
    for (let i = 1; i <= 5; i += 1) {
      q = rotate(q, T0 + i * DWELL);
      seen.push(q.slots[0]!.meetingId);
    }
    expect(seen).toEqual(['b', 'c', 'a', 'b', 'c']);
  });

  it('shows meetings never shown before ones shown already', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a', 'b'], T0);
    q = rotate(q, T0 + DWELL); // b on screen, a shown
    q = togglePin(q, 0);
    q = arrive(q, 'c', T0 + DWELL + 1); // waits: the only tile is pinned
    q = togglePin(q, 0);
    q = rotate(q, T0 + 2 * DWELL);
    expect(shown(q)).toEqual(['c']);
  });

  it('never rotates a pinned tile', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a', 'b'], T0);
    q = togglePin(q, 0);
    expect(shown(rotate(q, T0 + 10 * DWELL))).toEqual(['a']);
  });

  it('keeps a meeting on screen when nobody is waiting', () => {
    const q = loadMeetings(createQueue(4, DWELL), ['a', 'b'], T0);
    expect(shown(rotate(q, T0 + 10 * DWELL))).toEqual(['a', 'b', null, null]);
  });

  it('does not move a meeting that just rotated out onto another tile', () => {
    // Two tiles due at once and one meeting waiting: one tile changes, the other keeps its meeting.
    let q = loadMeetings(createQueue(4, DWELL), ids(5), T0);
    q = rotate(q, T0 + 2 * DWELL);
    expect(shown(q)).toEqual(['m1', 'm2', 'm3', 'm5']);
  });

  it('uses a changed dwell time for tiles already showing', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a', 'b'], T0);
    q = setDwell(q, 120_000);
    expect(shown(rotate(q, T0 + DWELL))).toEqual(['a']);
    expect(shown(rotate(q, T0 + 120_000))).toEqual(['b']);
  });
});

describe('skip and pin', () => {
  it('skip shows the next waiting meeting and sends the skipped one to the back', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a', 'b', 'c'], T0);
    q = skip(q, 0, T0 + 5);
    expect(shown(q)).toEqual(['b']);
    expect(waiting(q)).toEqual(['c', 'a']);
    expect(q.slots[0]!.placedAt).toBe(T0 + 5);
  });

  it('skip unpins a pinned tile', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a', 'b'], T0);
    q = skip(togglePin(q, 0), 0, T0 + 5);
    expect(q.slots[0]).toMatchObject({ meetingId: 'b', pinned: false });
  });

  it('skip does nothing when nobody is waiting', () => {
    const q = loadMeetings(createQueue(4, DWELL), ['a'], T0);
    expect(skip(q, 0, T0 + 5)).toBe(q);
  });

  it('cannot pin an empty tile; pinning twice unpins', () => {
    const q = loadMeetings(createQueue(4, DWELL), ['a'], T0);
    expect(togglePin(q, 2)).toBe(q);
    expect(togglePin(togglePin(q, 0), 0).slots[0]!.pinned).toBe(false);
  });
});

describe('setLayout', () => {
  it('growing fills the new tiles from the queue', () => {
    const q = setLayout(loadMeetings(createQueue(1, DWELL), ids(5), T0), 4, T0 + 1);
    expect(shown(q)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('shrinking keeps pinned tiles first and queues the rest', () => {
    let q = loadMeetings(createQueue(9, DWELL), ids(9), T0);
    q = togglePin(q, 6);
    q = setLayout(q, 4, T0 + 1);
    expect(shown(q)).toEqual(['m7', 'm1', 'm2', 'm3']);
    expect(q.slots[0]!.pinned).toBe(true);
    expect(waiting(q)).toEqual(['m4', 'm5', 'm6', 'm8', 'm9']);
  });
});

describe('remove', () => {
  it('takes a meeting off its tile, pinned or not, and fills the tile from the queue', () => {
    let q = loadMeetings(createQueue(1, DWELL), ['a', 'b'], T0);
    q = remove(togglePin(q, 0), 'a', T0 + 5);
    expect(q.slots[0]).toMatchObject({ meetingId: 'b', pinned: false });
    expect(q.entries.map((e) => e.id)).toEqual(['b']);
  });

  it('drops a waiting meeting from the queue and ignores unknown ones', () => {
    const q = loadMeetings(createQueue(1, DWELL), ['a', 'b'], T0);
    expect(waiting(remove(q, 'b', T0 + 5))).toEqual([]);
    expect(remove(q, 'zzz', T0 + 5)).toBe(q);
  });
});

describe('live meetings', () => {
  it('a live that starts takes a recorded tile at once, the one shown longest', () => {
    let q = loadMeetings(createQueue(4, DWELL), ids(6), T0);
    q = arrive(q, 'live:a', T0 + 1_000, true);
    // m4 was placed earliest (staggered), so it gives way.
    expect(shown(q)).toEqual(['m1', 'm2', 'm3', 'live:a']);
    expect(waiting(q)).toEqual(['m5', 'm6', 'm4']);
  });

  it('a recorded arrival never displaces a live; it waits', () => {
    let q = loadLives(createQueue(1, DWELL), ['live:a'], T0);
    q = arrive(q, 'm1', T0 + 1_000);
    expect(shown(q)).toEqual(['live:a']);
    expect(waiting(q)).toEqual(['m1']);
  });

  it('lives wait ahead of recorded meetings and keep their tile while only recorded ones wait', () => {
    let q = loadMeetings(createQueue(1, DWELL), ids(3), T0);
    q = loadLives(q, ['live:a', 'live:b'], T0 + 1_000);
    expect(shown(q)).toEqual(['live:a']);
    expect(waiting(q)).toEqual(['live:b', 'm2', 'm3', 'm1']);
    // After the dwell the live tile moves on to the other live, not to a recorded meeting.
    q = rotate(q, T0 + 1_000 + DWELL);
    expect(shown(q)).toEqual(['live:b']);
    q = loadLives(q, ['live:b'], T0 + 2_000 + DWELL); // live:a ended
    expect(waiting(q)).toEqual(['m2', 'm3', 'm1']);
    q = rotate(q, T0 + 1_000 + 3 * DWELL);
    expect(shown(q)).toEqual(['live:b']);
  });

  it('a live that ends frees its tile for the next waiting meeting', () => {
    let q = loadMeetings(createQueue(1, DWELL), ids(2), T0);
    q = loadLives(q, ['live:a'], T0 + 1_000);
    expect(shown(q)).toEqual(['live:a']);
    q = loadLives(q, [], T0 + 2_000);
    expect(shown(q)).toEqual(['m2']);
    expect(q.entries.some((e) => e.id === 'live:a')).toBe(false);
  });

  it('reloading the recorded meetings keeps the lives and their tiles', () => {
    let q = loadLives(createQueue(4, DWELL), ['live:a'], T0);
    q = loadMeetings(q, ids(2), T0 + 1_000);
    expect(shown(q)).toEqual(['live:a', 'm1', 'm2', null]);
    q = loadMeetings(q, ['m2'], T0 + 2_000);
    expect(shown(q)).toEqual(['live:a', null, 'm2', null]);
  });

  it('shrinking the layout keeps lives before recorded meetings', () => {
    let q = loadMeetings(createQueue(4, DWELL), ids(3), T0);
    q = arrive(q, 'live:a', T0 + 1_000, true);
    expect(shown(q)).toEqual(['m1', 'm2', 'm3', 'live:a']);
    expect(shown(setLayout(q, 1, T0 + 2_000))).toEqual(['live:a']);
  });

  it('with every tile showing a live, a new live takes the live tile shown longest', () => {
    let q = loadLives(createQueue(1, DWELL), ['live:a'], T0);
    q = arrive(q, 'live:b', T0 + 1_000, true);
    expect(shown(q)).toEqual(['live:b']);
    expect(waiting(q)).toEqual(['live:a']);
  });
});
