// The live players' tuning, in one place: LivePlayer uses it, and bench:live plays its baseline
// with it, so the benchmark compares paths, not tunings.

/** mpegts.js for HTTP-FLV: nothing stashed, and a jump to the edge once half a second is buffered. */
export const MPEGTS_LIVE_SETTINGS = {
  // In the page: a blob: worker would need the CSP's worker-src (allowed for hls.js), and
  // transmuxing one FLV stream costs little; the latency comes from buffering, not here.
  enableWorker: false,
  enableStashBuffer: false,
  stashInitialSize: 128 * 1024,
  lazyLoad: false,
  deferLoadAfterSourceOpen: false,
  // bench:live on the baseline page: median ~0.39 s with 0.5 / 0.1, ~0.74 s with 0.9 / 0.2.
  liveBufferLatencyChasing: true,
  liveBufferLatencyMaxLatency: 0.5,
  liveBufferLatencyMinRemain: 0.1,
  autoCleanupSourceBuffer: true,
  autoCleanupMaxBackwardDuration: 10,
  autoCleanupMinBackwardDuration: 5,
} as const;

/**
 * hls.js for the live HLS fallback: one 1-second segment behind the newest, catching up by playing
 * faster, jumping when three behind (bench:live: ~2 s on the wall, ~3.5–3.9 s with two and five).
 */
export const HLS_LIVE_SETTINGS = {
  liveSyncDurationCount: 1,
  liveMaxLatencyDurationCount: 3,
  maxLiveSyncPlaybackRate: 1.5,
  lowLatencyMode: false,
  maxBufferLength: 8,
  backBufferLength: 4,
  startFragPrefetch: true,
} as const;
