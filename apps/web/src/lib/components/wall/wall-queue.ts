// Orderly access (有序接入) for the command-centre video wall: which meeting each tile shows and
// when it changes. Plain data and pure functions, so the rules are unit-tested without a browser,
// timers or the network; the wall's rune state (wall-state.svelte.ts) calls them and renders.
//
// The rules:
// - A newly reported meeting is shown at once (the operator must see it within seconds): it takes
//   an empty tile, otherwise the unpinned tile that has shown its meeting longest.
// - Every unpinned tile keeps its meeting for the dwell time, then shows the next one in the queue:
//   meetings never shown yet first (newest first), then the one that left the screen longest ago.
//   Tiles filled together are staggered, so the wall changes one tile at a time instead of all at
//   once (which would also start every player's download in the same second).
// - A pinned tile never changes by itself. Skip shows the next meeting now.
// - Live meetings (直播, entries marked `live`) come before recorded ones: a live that starts
//   takes an empty or a recorded tile at once (a recorded arrival never displaces a live), lives
//   wait ahead of recorded meetings, and a tile showing a live rotates only to another live.
//   A live that ends leaves the queue (`remove`); its recording comes back as a meeting.

/** Tiles on the wall: 1×1, 2×2, 3×3 or 4×4. */
export type WallLayout = 1 | 4 | 9 | 16;
export const WALL_LAYOUTS: readonly WallLayout[] = [1, 4, 9, 16];
/** Dwell times the operator can choose, in seconds. */
export const DWELL_CHOICES: readonly number[] = [30, 60, 120];
/** Meetings remembered for rotation; older ones drop off so a long shift cannot grow memory. */
export const MAX_ENTRIES = 500;

export interface QueueEntry {
  readonly id: string;
  /** When the meeting last left the screen (ms since epoch); null while it has never left it. */
  readonly lastShownAt: number | null;
  /** A live meeting (直播): shown before recorded ones, and kept on screen (see the rules above). */
  readonly live?: boolean;
}

export interface WallSlot {
  readonly meetingId: string | null;
  readonly pinned: boolean;
  /** When the current meeting was put here; it is due to rotate out at placedAt + dwellMs. */
  readonly placedAt: number;
}

export interface WallQueue {
  readonly slots: readonly WallSlot[];
  /** Every meeting the wall may show, newest first. */
  readonly entries: readonly QueueEntry[];
  readonly dwellMs: number;
}

const EMPTY_SLOT: WallSlot = { meetingId: null, pinned: false, placedAt: 0 };

/** An empty wall of `tiles` tiles. */
export function createQueue(tiles: WallLayout, dwellMs: number): WallQueue {
  return { slots: Array.from({ length: tiles }, () => EMPTY_SLOT), entries: [], dwellMs };
}

/** Ids of the meetings on screen. */
export function onScreen(queue: WallQueue): Set<string> {
  return new Set(queue.slots.flatMap((s) => (s.meetingId ? [s.meetingId] : [])));
}

/** Meetings waiting for a tile, in the order they will get one. */
export function waiting(queue: WallQueue): string[] {
  const shown = onScreen(queue);
  const rest = queue.entries.filter((e) => !shown.has(e.id));
  return [...inTurn(rest.filter((e) => e.live)), ...inTurn(rest.filter((e) => !e.live))].map((e) => e.id);
}

/** Never-shown first in list order (newest first); then least recently shown. */
function inTurn(entries: readonly QueueEntry[]): QueueEntry[] {
  // Array.sort is stable, so equal times keep the newest-first order.
  const fresh = entries.filter((e) => e.lastShownAt === null);
  const seen = entries.filter((e) => e.lastShownAt !== null).sort((a, b) => (a.lastShownAt ?? 0) - (b.lastShownAt ?? 0));
  return [...fresh, ...seen];
}

/** Ids of the live entries. */
function liveIds(queue: WallQueue): Set<string> {
  return new Set(queue.entries.flatMap((e) => (e.live ? [e.id] : [])));
}

/** Marks `id` as having just left the screen, so it goes to the back of the rotation. */
function leave(entries: readonly QueueEntry[], id: string | null, now: number): QueueEntry[] {
  return entries.map((e) => (e.id === id ? { ...e, lastShownAt: now } : e));
}

/** Puts `id` on tile `index` (null empties it), recording when the previous meeting left. */
function place(queue: WallQueue, index: number, id: string | null, placedAt: number, now: number): WallQueue {
  const slot = queue.slots[index];
  if (!slot) return queue;
  const slots = queue.slots.map((s, i) => (i === index ? { meetingId: id, pinned: id ? s.pinned : false, placedAt } : s));
  return { ...queue, slots, entries: slot.meetingId && slot.meetingId !== id ? leave(queue.entries, slot.meetingId, now) : queue.entries };
}

/** Fills empty tiles from the queue, staggering their rotation times (see the rules above). */
function fillEmpty(queue: WallQueue, now: number): WallQueue {
  const next = waiting(queue);
  const step = queue.dwellMs / Math.max(1, queue.slots.length);
  let filled = 0;
  let result = queue;
  queue.slots.forEach((slot, index) => {
    const id = slot.meetingId === null ? next[filled] : undefined;
    if (id === undefined) return;
    result = place(result, index, id, now - filled * step, now);
    filled += 1;
  });
  return result;
}

/** Drops the oldest entries beyond MAX_ENTRIES, but never one that is on screen. */
function trim(queue: WallQueue): WallQueue {
  if (queue.entries.length <= MAX_ENTRIES) return queue;
  const shown = onScreen(queue);
  let excess = queue.entries.length - MAX_ENTRIES;
  const entries = [...queue.entries];
  for (let i = entries.length - 1; i >= 0 && excess > 0; i -= 1) {
    if (!shown.has(entries[i]!.id) && !entries[i]!.live) {
      entries.splice(i, 1);
      excess -= 1;
    }
  }
  return { ...queue, entries };
}

/**
 * Replaces the queue with `ids` (newest first), as loaded for the current filters: on start, after
 * a filter change and after the event stream reconnects (events may have been missed). Meetings
 * already known keep their rotation history; unpinned tiles showing a meeting no longer listed
 * are emptied; pinned tiles stay, because the operator chose them.
 */
export function loadMeetings(queue: WallQueue, ids: readonly string[], now: number): WallQueue {
  const known = new Map(queue.entries.map((e) => [e.id, e]));
  // Lives are loaded apart (loadLives) and stay.
  const lives = queue.entries.filter((e) => e.live);
  const listed = new Set([...ids, ...lives.map((e) => e.id)]);
  const pinned = queue.slots.flatMap((s) => (s.pinned && s.meetingId && !listed.has(s.meetingId) ? [s.meetingId] : []));
  const entries = [
    ...lives,
    ...[...new Set(ids)].filter((id) => !known.get(id)?.live).map((id) => known.get(id) ?? { id, lastShownAt: null }),
  ];
  for (const id of pinned) entries.push(known.get(id) ?? { id, lastShownAt: null });
  const slots = queue.slots.map((s) => (s.meetingId && !s.pinned && !listed.has(s.meetingId) ? EMPTY_SLOT : s));
  return fillEmpty(trim({ ...queue, slots, entries }), now);
}

/**
 * A meeting was just reported: it joins the queue and is shown at once on an empty tile or in
 * place of the unpinned tile shown longest. With every tile pinned it waits its turn.
 */
export function arrive(queue: WallQueue, id: string, now: number, live = false): WallQueue {
  if (queue.entries.some((e) => e.id === id)) return queue;
  const entry: QueueEntry = live ? { id, lastShownAt: null, live: true } : { id, lastShownAt: null };
  const withEntry = trim({ ...queue, entries: [entry, ...queue.entries] });
  const lives = liveIds(withEntry);
  const empty = withEntry.slots.findIndex((s) => s.meetingId === null);
  // An empty tile; else the unpinned recorded tile shown longest; a live may, when every
  // unpinned tile shows a live, also take the live tile shown longest.
  const oldest = (allowLive: boolean) => {
    let found = -1;
    withEntry.slots.forEach((s, i) => {
      if (s.pinned || (!allowLive && s.meetingId && lives.has(s.meetingId))) return;
      if (found < 0 || s.placedAt < withEntry.slots[found]!.placedAt) found = i;
    });
    return found;
  };
  let target = empty;
  if (target < 0) target = oldest(false);
  if (target < 0 && live) target = oldest(true);
  return target < 0 ? withEntry : place(withEntry, target, id, now, now);
}

/**
 * Replaces the live entries with `ids` (the lives on air for the current filters): lives no
 * longer listed leave (their tiles, pinned or not, show the next waiting meeting), new ones
 * arrive as `arrive` places them. Recorded meetings are untouched.
 */
export function loadLives(queue: WallQueue, ids: readonly string[], now: number): WallQueue {
  const listed = new Set(ids);
  let result = queue;
  for (const id of liveIds(queue)) if (!listed.has(id)) result = remove(result, id, now);
  // Oldest first, so the newest live ends up on the most recently placed tile.
  for (const id of [...listed].reverse()) result = arrive(result, id, now, true);
  return result;
}

/**
 * Advances the rotation to `now`: every unpinned tile whose dwell time has passed shows the next
 * waiting meeting (tiles due longest first). With nobody waiting a tile keeps its meeting.
 * Call it on a timer; calling it often is cheap and changes nothing until a tile is due.
 */
export function rotate(queue: WallQueue, now: number): WallQueue {
  let result = fillEmpty(queue, now);
  const due = result.slots
    .map((slot, index) => ({ slot, index }))
    .filter(({ slot }) => slot.meetingId !== null && !slot.pinned && slot.placedAt + result.dwellMs <= now)
    .sort((a, b) => a.slot.placedAt - b.slot.placedAt);
  // Taken once: a meeting rotated out in this round must not reappear on another tile at once.
  const lives = liveIds(result);
  const next = waiting(result);
  due.forEach(({ slot, index }) => {
    // A live's tile moves on only to another live.
    const at = slot.meetingId && lives.has(slot.meetingId) ? next.findIndex((id) => lives.has(id)) : 0;
    const id = at < 0 ? undefined : next[at];
    if (id === undefined) return;
    next.splice(at, 1);
    result = place(result, index, id, now, now);
  });
  return result;
}

/** Shows the next waiting meeting on tile `index` now; a skipped pinned tile is unpinned. */
export function skip(queue: WallQueue, index: number, now: number): WallQueue {
  const slot = queue.slots[index];
  const next = waiting(queue)[0];
  if (!slot || next === undefined) return queue;
  return place({ ...queue, slots: queue.slots.map((s, i) => (i === index ? { ...s, pinned: false } : s)) }, index, next, now, now);
}

/** Pins or unpins tile `index`. An empty tile cannot be pinned. */
export function togglePin(queue: WallQueue, index: number): WallQueue {
  const slot = queue.slots[index];
  if (!slot || slot.meetingId === null) return queue;
  return { ...queue, slots: queue.slots.map((s, i) => (i === index ? { ...s, pinned: !s.pinned } : s)) };
}

/**
 * Changes the number of tiles. Shrinking keeps pinned tiles first, then the others in order;
 * meetings that lose their tile go back to the queue. Growing fills the new tiles from the queue.
 */
export function setLayout(queue: WallQueue, tiles: WallLayout, now: number): WallQueue {
  if (tiles === queue.slots.length) return queue;
  if (tiles > queue.slots.length) {
    const slots = [...queue.slots, ...Array.from({ length: tiles - queue.slots.length }, () => EMPTY_SLOT)];
    return fillEmpty({ ...queue, slots }, now);
  }
  const lives = liveIds(queue);
  const isLive = (s: WallSlot) => !!s.meetingId && lives.has(s.meetingId);
  const ordered = [
    ...queue.slots.filter((s) => s.pinned),
    ...queue.slots.filter((s) => !s.pinned && isLive(s)),
    ...queue.slots.filter((s) => !s.pinned && !isLive(s)),
  ];
  const kept = ordered.slice(0, tiles);
  let entries = queue.entries;
  for (const s of ordered.slice(tiles)) entries = leave(entries, s.meetingId, now);
  return fillEmpty({ ...queue, slots: kept, entries }, now);
}

/**
 * Takes a meeting off the wall and out of the queue (it turned out not to match the filters, or
 * no longer exists); its tile, pinned or not, shows the next waiting meeting.
 */
export function remove(queue: WallQueue, id: string, now: number): WallQueue {
  if (!queue.entries.some((e) => e.id === id) && !onScreen(queue).has(id)) return queue;
  const slots = queue.slots.map((s) => (s.meetingId === id ? EMPTY_SLOT : s));
  return fillEmpty({ ...queue, slots, entries: queue.entries.filter((e) => e.id !== id) }, now);
}

/** Changes the dwell time; tiles already showing use it from now on. */
export function setDwell(queue: WallQueue, dwellMs: number): WallQueue {
  return { ...queue, dwellMs };
}
