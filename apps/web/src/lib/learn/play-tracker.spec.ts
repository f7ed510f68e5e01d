import { describe, expect, it } from 'vitest';
import { PlayTracker } from './play-tracker.ts';

function play(tracker: PlayTracker, from: number, to: number, step = 0.25, counting = true) {
  for (let t = from; t <= to + 1e-9; t += step) tracker.sample(t, counting);
}

describe('PlayTracker', () => {
  it('records continuous playback as one range and counts its seconds', () => {
    const tracker = new PlayTracker();
    play(tracker, 0, 10);
    expect(tracker.take()).toEqual([[0, 10]]);
    expect(tracker.played).toBeCloseTo(10);
  });

  it('does not count a dragged playhead, only what is played after it', () => {
    const tracker = new PlayTracker();
    play(tracker, 0, 3);
    tracker.jump();
    play(tracker, 55, 60);
    expect(tracker.take()).toEqual([
      [0, 3],
      [55, 60],
    ]);
    expect(tracker.played).toBeCloseTo(8);
  });

  it('treats a jump between samples as a seek even without a seeking event', () => {
    const tracker = new PlayTracker();
    tracker.sample(1, true);
    tracker.sample(50, true);
    tracker.sample(50.25, true);
    expect(tracker.take()).toEqual([[50, 50.3]]);
  });

  it('counts nothing while paused, hidden or held by a presence check', () => {
    const tracker = new PlayTracker();
    play(tracker, 0, 5, 0.25, false);
    expect(tracker.take()).toEqual([]);
    expect(tracker.played).toBe(0);
  });

  it('hands each range over once', () => {
    const tracker = new PlayTracker();
    play(tracker, 0, 2);
    expect(tracker.take()).toEqual([[0, 2]]);
    play(tracker, 2.25, 4);
    expect(tracker.take()).toEqual([[2, 4]]);
    expect(tracker.take()).toEqual([]);
  });
});
