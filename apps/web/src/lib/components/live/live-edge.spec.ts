import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  chooseDelivery,
  FLV_LIMITS,
  HLS_LIMITS,
  linksExpiring,
  parseLiveMode,
  startWatch,
  watchStep,
  type VideoSample,
  type WatchState,
} from './live-edge.ts';

const chrome = { mseLivePlayback: true, nativeHls: false, hlsJs: true };
const iphone = { mseLivePlayback: false, nativeHls: true, hlsJs: false };

describe('chooseDelivery', () => {
  it('plays HTTP-FLV where MSE plays live streams', () => {
    expect(chooseDelivery('auto', chrome)).toBe('flv');
    expect(chooseDelivery('flv', chrome)).toBe('flv');
  });

  it('falls back to HLS without MSE: the browser’s own on an iPhone', () => {
    expect(chooseDelivery('auto', iphone)).toBe('hls-native');
    expect(chooseDelivery('flv', iphone)).toBe('hls-native');
  });

  it('forced HLS uses hls.js where the browser has no HLS of its own', () => {
    expect(chooseDelivery('hls', chrome)).toBe('hls-js');
    expect(chooseDelivery('hls', { ...chrome, nativeHls: true })).toBe('hls-native');
  });

  it('says so when nothing can play', () => {
    expect(chooseDelivery('auto', { mseLivePlayback: false, nativeHls: false, hlsJs: false })).toBe('unsupported');
  });
});

describe('parseLiveMode', () => {
  it('reads ?livePlayer= and defaults to auto', () => {
    expect(parseLiveMode('hls')).toBe('hls');
    expect(parseLiveMode('flv')).toBe('flv');
    expect(parseLiveMode('HLS')).toBe('auto');
    expect(parseLiveMode(null)).toBe('auto');
  });
});

/** Runs samples through the watchdog and returns each action. */
function run(samples: VideoSample[], limits = FLV_LIMITS, start: WatchState = startWatch(0)) {
  let state = start;
  return samples.map((s) => {
    const step = watchStep(state, s, limits);
    state = step.state;
    return step.action;
  });
}

describe('watchStep', () => {
  it('reports the first progress once, then nothing while playback moves near the edge', () => {
    const actions = run([
      { now: 1000, currentTime: 0, bufferedEnd: 0.3 },
      { now: 2000, currentTime: 0.9, bufferedEnd: 1.3 },
      { now: 3000, currentTime: 1.9, bufferedEnd: 2.3 },
    ]);
    expect(actions.map((a) => a.kind)).toEqual(['none', 'playing', 'none']);
  });

  it('jumps to the edge when more than 2 s are buffered ahead of the playhead', () => {
    const [, action] = run([
      { now: 1000, currentTime: 1, bufferedEnd: 1.5 },
      { now: 2000, currentTime: 2, bufferedEnd: 4.6 },
    ]);
    expect(action).toEqual({ kind: 'seek', to: expect.closeTo(4.4, 5) });
  });

  it('gives the first frame its start-up time before rebuilding', () => {
    const actions = run([
      { now: 5000, currentTime: 0, bufferedEnd: null },
      { now: 11_000, currentTime: 0, bufferedEnd: null },
      { now: 12_000, currentTime: 0, bufferedEnd: null },
    ]);
    expect(actions).toEqual([{ kind: 'none' }, { kind: 'none' }, { kind: 'recreate', reason: 'startup' }]);
  });

  it('a playhead frozen for 3 s jumps to the edge once, then rebuilds if still frozen', () => {
    const actions = run([
      { now: 1000, currentTime: 5, bufferedEnd: 5.5 }, // moving
      { now: 2000, currentTime: 6, bufferedEnd: 6.5 },
      { now: 3000, currentTime: 6, bufferedEnd: 7 },
      { now: 4000, currentTime: 6, bufferedEnd: 7.5 },
      { now: 5000, currentTime: 6, bufferedEnd: 8 }, // 3 s without progress: jump
      { now: 6000, currentTime: 6, bufferedEnd: 8 },
      { now: 7000, currentTime: 6, bufferedEnd: 8 }, // 2 s after the jump, still frozen
    ]);
    expect(actions.slice(2)).toEqual([
      { kind: 'none' },
      { kind: 'none' },
      { kind: 'seek', to: 7.8 },
      { kind: 'none' },
      { kind: 'recreate', reason: 'stall' },
    ]);
  });

  it('a jump that gets playback moving again clears the stall', () => {
    const actions = run([
      { now: 1000, currentTime: 5, bufferedEnd: 5.5 },
      { now: 2000, currentTime: 6, bufferedEnd: 6.5 },
      { now: 5000, currentTime: 6, bufferedEnd: 8 }, // jump
      { now: 6000, currentTime: 7.9, bufferedEnd: 8.3 }, // moving again
      { now: 9000, currentTime: 7.9, bufferedEnd: 9 }, // a new stall: jump again, not rebuild
    ]);
    expect(actions.slice(2)).toEqual([{ kind: 'seek', to: 7.8 }, { kind: 'none' }, { kind: 'seek', to: 8.8 }]);
  });

  it('rebuilds at once when frozen with nothing buffered to jump to (the stream stopped)', () => {
    const actions = run([
      { now: 1000, currentTime: 5, bufferedEnd: 5.5 },
      { now: 2000, currentTime: 5.5, bufferedEnd: 5.5 },
      { now: 5000, currentTime: 5.5, bufferedEnd: 5.5 },
    ]);
    expect(actions[2]).toEqual({ kind: 'recreate', reason: 'stall' });
  });

  it('does not take a playhead moved without a frame (a new source, a seek) for playback', () => {
    const actions = run([
      { now: 1000, currentTime: 7.5, bufferedEnd: 8, hasFrame: false },
      { now: 2000, currentTime: 7.5, bufferedEnd: 8.5, hasFrame: true },
      { now: 3000, currentTime: 8.4, bufferedEnd: 8.9, hasFrame: true },
    ]);
    expect(actions.map((a) => a.kind)).toEqual(['none', 'none', 'playing']);
  });

  it('leaves HLS its few seconds of normal lag', () => {
    const actions = run(
      [
        { now: 1000, currentTime: 10, bufferedEnd: 12 },
        { now: 2000, currentTime: 11, bufferedEnd: 15 },
        { now: 3000, currentTime: 12, bufferedEnd: 22 },
      ],
      HLS_LIMITS,
    );
    expect(actions.map((a) => a.kind)).toEqual(['playing', 'none', 'seek']);
  });
});

describe('backoffMs', () => {
  it('doubles from half a second up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('linksExpiring', () => {
  it('is true within the margin, after expiry and for a bad date', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(linksExpiring('2026-12-01T12:10:00Z', now)).toBe(false);
    expect(linksExpiring('2026-12-01T12:00:20Z', now)).toBe(true);
    expect(linksExpiring('2026-12-01T11:00:00Z', now)).toBe(true);
    expect(linksExpiring('soon', now)).toBe(true);
  });
});
