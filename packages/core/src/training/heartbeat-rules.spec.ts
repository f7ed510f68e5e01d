import { describe, expect, it } from 'vitest';
import { drawCheckMarks, firstUnanswered, isCovered, judgeHeartbeat, type ViewingState } from './heartbeat-rules.ts';

const T0 = Date.UTC(2026, 11, 1, 8, 0, 0);
// The phone's clock is 7 minutes behind the server's: only differences of device time are compared.
const C0 = T0 - 7 * 60_000;

function viewing(overrides: Partial<ViewingState> = {}): ViewingState {
  return {
    durationSeconds: 120,
    startedAt: T0,
    clientStartedAt: C0,
    lastClientAt: null,
    lastSeq: -1,
    endedAt: null,
    playedSeconds: 0,
    checkAt: [],
    answered: [],
    watched: [],
    ...overrides,
  };
}

describe('judgeHeartbeat', () => {
  it('counts seconds actually played in the time since the viewing started', () => {
    const verdict = judgeHeartbeat(viewing(), { seq: 0, clientAt: C0 + 10_000, ranges: [[0, 10]] }, T0 + 10_300);
    expect(verdict).toMatchObject({ kind: 'counted', countedSeconds: 10, playedSeconds: 10, watched: [[0, 10]], blockedAt: null });
  });

  it('counts only new seconds when the learner rewinds and replays', () => {
    const state = viewing({ lastSeq: 0, lastClientAt: C0 + 10_000, watched: [[0, 10]], playedSeconds: 10 });
    const verdict = judgeHeartbeat(state, { seq: 1, clientAt: C0 + 20_000, ranges: [[5, 15]] }, T0 + 20_100);
    expect(verdict).toMatchObject({ kind: 'counted', countedSeconds: 5, playedSeconds: 10, watched: [[0, 15]] });
  });

  it('does not count what a dragged playhead skipped: only the seconds played after it', () => {
    const state = viewing({ lastSeq: 0, lastClientAt: C0 + 5_000, watched: [[0, 5]], playedSeconds: 5 });
    const verdict = judgeHeartbeat(state, { seq: 1, clientAt: C0 + 10_000, ranges: [[115, 120]] }, T0 + 10_000);
    expect(verdict).toMatchObject({ kind: 'counted', countedSeconds: 5 });
    if (verdict.kind === 'counted') expect(isCovered(verdict.watched, 120, 0.9)).toBe(false);
  });

  it('allows the highest permitted rate and refuses anything faster', () => {
    const fast = { seq: 0, clientAt: C0 + 10_000, ranges: [[0, 17] as const] };
    expect(judgeHeartbeat(viewing(), fast, T0 + 10_000)).toMatchObject({ kind: 'counted', countedSeconds: 17 });
    const faster = { seq: 0, clientAt: C0 + 10_000, ranges: [[0, 18] as const] };
    expect(judgeHeartbeat(viewing(), faster, T0 + 10_000)).toEqual({ kind: 'rejected', rejection: 'FASTER_THAN_ALLOWED' });
  });

  it('measures the allowance from the previous counted heartbeat, not from the start', () => {
    const state = viewing({ lastSeq: 3, lastClientAt: C0 + 60_000, watched: [[0, 60]], playedSeconds: 60 });
    const verdict = judgeHeartbeat(state, { seq: 4, clientAt: C0 + 61_000, ranges: [[60, 70]] }, T0 + 61_000);
    expect(verdict).toEqual({ kind: 'rejected', rejection: 'FASTER_THAN_ALLOWED' });
  });

  it('refuses overlapping ranges that add up to more than the time allows', () => {
    const replay = {
      seq: 0,
      clientAt: C0 + 10_000,
      ranges: [
        [0, 10],
        [0, 10],
      ] as const,
    };
    expect(judgeHeartbeat(viewing(), replay, T0 + 10_000)).toEqual({ kind: 'rejected', rejection: 'FASTER_THAN_ALLOWED' });
  });

  it('refuses ranges beyond the video or running backwards', () => {
    expect(judgeHeartbeat(viewing(), { seq: 0, clientAt: C0 + 10_000, ranges: [[115, 125]] }, T0 + 10_000)).toEqual({
      kind: 'rejected',
      rejection: 'BEYOND_DURATION',
    });
    expect(judgeHeartbeat(viewing(), { seq: 0, clientAt: C0 + 10_000, ranges: [[-3, 2]] }, T0 + 10_000)).toEqual({
      kind: 'rejected',
      rejection: 'BEYOND_DURATION',
    });
    expect(judgeHeartbeat(viewing(), { seq: 0, clientAt: C0 + 10_000, ranges: [[8, 4]] }, T0 + 10_000)).toEqual({
      kind: 'rejected',
      rejection: 'RANGE_INVALID',
    });
    expect(judgeHeartbeat(viewing(), { seq: 0, clientAt: C0 + 10_000, ranges: [[0, Number.NaN]] }, T0 + 10_000)).toEqual({
      kind: 'rejected',
      rejection: 'RANGE_INVALID',
    });
  });

  it('refuses a device clock that runs ahead of the server (time claimed that has not passed)', () => {
    const verdict = judgeHeartbeat(viewing(), { seq: 0, clientAt: C0 + 600_000, ranges: [[0, 100]] }, T0 + 30_000);
    expect(verdict).toEqual({ kind: 'rejected', rejection: 'CLOCK_AHEAD' });
  });

  it('accepts heartbeats queued offline when they arrive later, if they are consistent', () => {
    let state = viewing();
    const arrival = T0 + 3_600_000;
    for (let seq = 0; seq < 6; seq++) {
      const verdict = judgeHeartbeat(state, { seq, clientAt: C0 + (seq + 1) * 10_000, ranges: [[seq * 10, seq * 10 + 10]] }, arrival);
      expect(verdict.kind).toBe('counted');
      if (verdict.kind !== 'counted') return;
      state = {
        ...state,
        lastSeq: seq,
        lastClientAt: C0 + (seq + 1) * 10_000,
        watched: verdict.watched,
        playedSeconds: state.playedSeconds + verdict.playedSeconds,
      };
    }
    expect(state.watched).toEqual([[0, 60]]);
  });

  it('ignores a heartbeat sent twice and refuses one older than the last counted', () => {
    const state = viewing({ lastSeq: 2, lastClientAt: C0 + 30_000 });
    expect(judgeHeartbeat(state, { seq: 2, clientAt: C0 + 30_000, ranges: [[0, 10]] }, T0 + 31_000)).toEqual({ kind: 'duplicate' });
    expect(judgeHeartbeat(state, { seq: 3, clientAt: C0 + 20_000, ranges: [[0, 10]] }, T0 + 31_000)).toEqual({
      kind: 'rejected',
      rejection: 'OUT_OF_ORDER',
    });
  });

  it('refuses heartbeats made after another device took the lesson over, and keeps earlier ones', () => {
    const state = viewing({ endedAt: T0 + 20_000 });
    expect(judgeHeartbeat(state, { seq: 0, clientAt: C0 + 30_000, ranges: [[0, 10]] }, T0 + 40_000)).toEqual({
      kind: 'rejected',
      rejection: 'SESSION_TAKEN_OVER',
    });
    expect(judgeHeartbeat(state, { seq: 0, clientAt: C0 + 15_000, ranges: [[0, 10]] }, T0 + 40_000)).toMatchObject({
      kind: 'counted',
      countedSeconds: 10,
    });
  });

  it('stops counting at an unanswered presence check and resumes once it is answered', () => {
    const state = viewing({ lastSeq: 0, lastClientAt: C0 + 10_000, watched: [[0, 10]], playedSeconds: 10, checkAt: [14, 40] });
    const blocked = judgeHeartbeat(state, { seq: 1, clientAt: C0 + 20_000, ranges: [[10, 20]] }, T0 + 20_000);
    expect(blocked).toMatchObject({ kind: 'counted', countedSeconds: 4, playedSeconds: 4, watched: [[0, 14]], blockedAt: 14 });

    const waiting = { ...state, lastSeq: 1, lastClientAt: C0 + 20_000, watched: [[0, 14]] as [number, number][], playedSeconds: 14 };
    const stillBlocked = judgeHeartbeat(waiting, { seq: 2, clientAt: C0 + 30_000, ranges: [[20, 30]] }, T0 + 30_000);
    expect(stillBlocked).toMatchObject({ kind: 'counted', countedSeconds: 0, blockedAt: 14 });

    const answered = { ...waiting, answered: [14] };
    const resumed = judgeHeartbeat(answered, { seq: 2, clientAt: C0 + 30_000, ranges: [[14, 24]] }, T0 + 30_000);
    expect(resumed).toMatchObject({ kind: 'counted', countedSeconds: 10, blockedAt: null });
  });
});

describe('drawCheckMarks', () => {
  it('draws the configured number of marks within the seconds still to watch, away from the ends', () => {
    for (let i = 0; i < 200; i++) {
      const marks = drawCheckMarks(3, 300);
      expect(marks).toHaveLength(3);
      for (const mark of marks) {
        expect(mark).toBeGreaterThanOrEqual(30);
        expect(mark).toBeLessThanOrEqual(270);
      }
      expect([...marks].sort((a, b) => a - b)).toEqual(marks);
    }
  });

  it('draws none when checks are off or nothing is left to watch', () => {
    expect(drawCheckMarks(0, 300)).toEqual([]);
    expect(drawCheckMarks(2, 1)).toEqual([]);
  });

  it('picks the lowest unanswered mark', () => {
    expect(firstUnanswered({ checkAt: [30, 90, 150], answered: [30] })).toBe(90);
    expect(firstUnanswered({ checkAt: [30], answered: [30] })).toBeNull();
  });
});

describe('isCovered', () => {
  it('completes a lesson at the required share, counting only seconds inside the video', () => {
    expect(isCovered([[0, 108]], 120, 0.9)).toBe(true);
    expect(isCovered([[0, 107]], 120, 0.9)).toBe(false);
    expect(
      isCovered(
        [
          [0, 60],
          [60, 100],
          [110, 121],
        ],
        120,
        0.9,
      ),
    ).toBe(true);
    expect(isCovered([[0, 10]], 0, 0.9)).toBe(false);
  });
});
