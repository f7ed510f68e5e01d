// The live player's decisions, kept pure so they are tested without a browser: which delivery to
// use, when to jump to the live edge, when a frozen player is torn down and rebuilt with fresh
// links, and how long to wait between reconnects. LivePlayer.svelte samples the <video> element
// once a second and does what these functions say.

/** What the page asked for: `auto` picks HTTP-FLV where Media Source can play a live stream. */
export type LiveMode = 'auto' | 'flv' | 'hls';

/** How the player actually plays: mpegts.js over HTTP-FLV, the browser's own HLS, or hls.js. */
export type LiveDelivery = 'flv' | 'hls-native' | 'hls-js' | 'unsupported';

/** What the overlay says: nothing while playing. */
export type LiveState = 'connecting' | 'playing' | 'reconnecting' | 'ended' | 'unsupported';

export interface BrowserAbilities {
  /** mpegts.js `getFeatureList().mseLivePlayback`: false on iPhone Safari (no MSE). */
  mseLivePlayback: boolean;
  /** `video.canPlayType('application/vnd.apple.mpegurl')` is not empty (Safari). */
  nativeHls: boolean;
  /** hls.js can play (Media Source with H.264/AAC). */
  hlsJs: boolean;
}

/**
 * The delivery for `mode` in a browser with `can`. HTTP-FLV (sub-second) whenever MSE allows it;
 * HLS (a few seconds) otherwise or when forced with `?livePlayer=hls`: the browser's own where it
 * has one (iPhone), else hls.js. A forced `flv` without MSE still falls back, as nothing else plays.
 */
export function chooseDelivery(mode: LiveMode, can: BrowserAbilities): LiveDelivery {
  if (mode !== 'hls' && can.mseLivePlayback) return 'flv';
  if (can.nativeHls) return 'hls-native';
  if (can.hlsJs) return 'hls-js';
  return 'unsupported';
}

/** `?livePlayer=hls|flv` of the page; anything else is `auto`. */
export function parseLiveMode(value: string | null | undefined): LiveMode {
  return value === 'hls' || value === 'flv' ? value : 'auto';
}

export interface EdgeLimits {
  /** Buffered beyond the playhead that counts as "behind the edge": jump forward. */
  maxAheadS: number;
  /** Where a jump lands: this far before the end of what is buffered. */
  edgeMarginS: number;
  /** No playhead progress for this long (after the first frame) is a stall. */
  stallMs: number;
  /** The first frame may take this long (a camera's pull starts on demand, up to ~10 s). */
  startupMs: number;
  /** After a jump, give the decoder this long to move before rebuilding the player. */
  afterJumpMs: number;
}

/** HTTP-FLV: sub-second; more than 2 s buffered means the player fell behind. */
export const FLV_LIMITS: EdgeLimits = { maxAheadS: 2, edgeMarginS: 0.2, stallMs: 3_000, startupMs: 12_000, afterJumpMs: 2_000 };

/**
 * HLS: the player sits a segment or two behind the newest one by design (hls.js
 * liveSyncDurationCount 1), and Safari more; only a much larger lag is a fault.
 */
export const HLS_LIMITS: EdgeLimits = { maxAheadS: 8, edgeMarginS: 2, stallMs: 5_000, startupMs: 20_000, afterJumpMs: 3_000 };

export interface WatchState {
  /** When this player was created. */
  readonly startedAt: number;
  /** The playhead at the last sample. */
  readonly lastTime: number;
  /** When the playhead last moved; null before the first frame played. */
  readonly lastProgressAt: number | null;
  /** When the watchdog last jumped to the edge without the playhead moving since; null if not. */
  readonly jumpedAt: number | null;
}

export interface VideoSample {
  now: number;
  currentTime: number;
  /** End of the last buffered range, or null when nothing is buffered. */
  bufferedEnd: number | null;
  /**
   * The element has a frame at the playhead (readyState >= HAVE_CURRENT_DATA). A playhead that
   * moves without one (a new source attached, a seek to the first buffered time) is not playback.
   */
  hasFrame?: boolean;
}

export type WatchAction =
  { kind: 'none' } | { kind: 'playing' } | { kind: 'seek'; to: number } | { kind: 'recreate'; reason: 'stall' | 'startup' };

export function startWatch(now: number, currentTime = 0): WatchState {
  return { startedAt: now, lastTime: currentTime, lastProgressAt: null, jumpedAt: null };
}

/**
 * One watchdog tick (every second). The playhead moving means all is well (`playing` the first
 * time, so the overlay can go). Falling more than `maxAheadS` behind the buffered end jumps to the
 * edge. A playhead frozen for `stallMs` jumps to the edge once if there is data ahead, and if it
 * is still frozen `afterJumpMs` later (or there is nothing to jump to) asks for a new player.
 */
export function watchStep(state: WatchState, sample: VideoSample, limits: EdgeLimits): { state: WatchState; action: WatchAction } {
  const { now, currentTime, bufferedEnd } = sample;
  const moved = Math.abs(currentTime - state.lastTime) > 0.01 && sample.hasFrame !== false;
  if (!moved && sample.hasFrame === false) state = { ...state, lastTime: currentTime };
  const ahead = bufferedEnd === null ? 0 : bufferedEnd - currentTime;

  if (moved) {
    const first = state.lastProgressAt === null;
    const next: WatchState = { ...state, lastTime: currentTime, lastProgressAt: now, jumpedAt: null };
    if (ahead > limits.maxAheadS) return { state: next, action: { kind: 'seek', to: bufferedEnd! - limits.edgeMarginS } };
    return { state: next, action: first ? { kind: 'playing' } : { kind: 'none' } };
  }

  const since = state.lastProgressAt ?? state.startedAt;
  const allowed = state.lastProgressAt === null ? limits.startupMs : limits.stallMs;
  if (now - since < allowed) return { state, action: { kind: 'none' } };

  const reason = state.lastProgressAt === null ? 'startup' : 'stall';
  if (state.jumpedAt === null && ahead > limits.edgeMarginS + 0.1) {
    return { state: { ...state, jumpedAt: now }, action: { kind: 'seek', to: bufferedEnd! - limits.edgeMarginS } };
  }
  if (state.jumpedAt !== null && now - state.jumpedAt < limits.afterJumpMs) return { state, action: { kind: 'none' } };
  return { state, action: { kind: 'recreate', reason } };
}

/** Waits between reconnects: 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s; `attempt` counts from 0. */
export function backoffMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
}

/** True when signed links expire within `marginMs` (or already have): fetch new ones first. */
export function linksExpiring(expiresAt: string, now: number, marginMs = 30_000): boolean {
  const at = Date.parse(expiresAt);
  return !Number.isFinite(at) || at - now <= marginMs;
}
