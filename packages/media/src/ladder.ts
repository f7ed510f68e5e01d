import type { MediaProbe } from './probe.ts';

/** One HLS rendition to produce. */
export interface RenditionPlan {
  /** e.g. "720p": the short side of the displayed picture. */
  name: string;
  /** Displayed (rotated) size, even numbers. */
  width: number;
  height: number;
  /**
   * `copy` remuxes the source's video untouched (its audio too when the plan's `copyAudio`, else
   * the audio alone is encoded to AAC); `encode` runs libx264/aac.
   */
  mode: 'copy' | 'encode';
  /** Target video bit rate in bits/s for encodes; the source's for copies. */
  videoBitrate: number;
  hasAudio: boolean;
}

export type MediaPlan =
  | {
      kind: 'video';
      renditions: RenditionPlan[];
      rotation: number;
      durationSeconds: number;
      /** The source's frame rate, which every rendition keeps (nothing drops or adds frames). */
      fps: number;
      /** AAC-LC source audio is copied, into the remux and the encodes; any other audio is encoded to AAC-LC. */
      copyAudio: boolean;
      /** HDR transfer to tone-map to SDR BT.709; null for SDR sources. */
      hdr: HdrTransfer | null;
      /** Read the source only up to here (a truncated file's last whole packet); null reads it all. */
      limitSeconds: number | null;
    }
  | { kind: 'audio'; mode: 'copy' | 'encode'; durationSeconds: number; limitSeconds: number | null };

/** HLG (broadcast and most phones) or PQ (HDR10, some iPhones and cameras). */
export type HdrTransfer = 'arib-std-b67' | 'smpte2084';

/** Why a file cannot become a stream: a stable code for the uploader's screen, an English message for logs. */
export class UnplayableMediaError extends Error {
  override name = 'UnplayableMediaError';
  constructor(
    readonly code: 'MEDIA_NO_STREAMS' | 'MEDIA_TOO_LONG' | 'MEDIA_EMPTY' | 'MEDIA_UNSUPPORTED_CODEC',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** The rungs we offer, by short side, with bit rates for 30 fps H.264. */
export const LADDER = [
  { shortSide: 1080, videoBitrate: 5_000_000 },
  { shortSide: 720, videoBitrate: 2_800_000 },
  { shortSide: 480, videoBitrate: 1_400_000 },
  { shortSide: 360, videoBitrate: 800_000 },
] as const;

export interface LadderLimits {
  maxDurationSeconds: number;
  /** A source above this overall bit rate is re-encoded even when its codecs would allow a remux. */
  maxRemuxBitrate: number;
}

const REMUXABLE_VIDEO_PROFILES = new Set(['Baseline', 'Constrained Baseline', 'Main', 'High']);

/**
 * Decides the renditions for a probed source. Never upscales: rungs at or below the source's
 * short side, or the source's own size when it is smaller than the lowest rung. When the source's
 * video is already browser-safe H.264 (8-bit 4:2:0, unrotated), the top rendition is a remux and
 * only lower rungs are encoded. The audio does not decide that: a phone's browser compresses to
 * H.264 with Opus (Chromium has no AAC encoder), and encoding only the audio costs a fraction of
 * a second where re-encoding the picture costs many. Pure.
 */
export function planLadder(probe: MediaProbe, limits: LadderLimits): MediaPlan {
  if (probe.durationSeconds > limits.maxDurationSeconds) {
    throw new UnplayableMediaError(
      'MEDIA_TOO_LONG',
      `The recording is ${formatMinutes(probe.durationSeconds)} long; the limit is ${formatMinutes(limits.maxDurationSeconds)}.`,
      { seconds: Math.round(probe.durationSeconds), limitSeconds: limits.maxDurationSeconds },
    );
  }
  const codec = probe.video?.codec ?? probe.audio?.codec;
  if (codec === 'unknown' || codec === 'none') {
    throw new UnplayableMediaError('MEDIA_UNSUPPORTED_CODEC', 'The file uses a codec no decoder here reads.', { codec: 'unknown' });
  }
  const limitSeconds = probe.extent.truncatedAtSeconds;
  if (!probe.video) {
    if (!probe.audio)
      throw new UnplayableMediaError('MEDIA_NO_STREAMS', 'The file contains no video or audio stream; it is not a playable recording.');
    if (probe.durationSeconds <= 0) throw new UnplayableMediaError('MEDIA_EMPTY', 'The recording holds no audio that can be read.');
    return { kind: 'audio', mode: isAacLc(probe) ? 'copy' : 'encode', durationSeconds: probe.durationSeconds, limitSeconds };
  }
  if (probe.durationSeconds <= 0)
    throw new UnplayableMediaError('MEDIA_EMPTY', 'The video holds no frames that can be read; it may be cut off right after its header.');

  const v = probe.video;
  const hdr = hdrTransferOf(v.colorTransfer);
  const rotated = v.rotation === 90 || v.rotation === 270;
  const displayW = rotated ? v.height : v.width;
  const displayH = rotated ? v.width : v.height;
  const sourceShort = Math.min(displayW, displayH);
  const hasAudio = probe.audio !== null;
  const sizeFor = (shortSide: number) => scaledSize(displayW, displayH, shortSide);
  const sourceBits = sourceVideoBitrate(probe);
  const encodeBitrate = (shortSide: number, rungBitrate: number) =>
    cappedBitrate(scaleForFps(rungBitrate, v.fps), sizeFor(shortSide), {
      width: displayW,
      height: displayH,
      bits: sourceBits,
      codec: v.codec,
    });

  const remux =
    v.codec === 'h264' &&
    REMUXABLE_VIDEO_PROFILES.has(v.profile ?? '') &&
    (v.pixelFormat === 'yuv420p' || v.pixelFormat === 'yuvj420p') &&
    v.rotation === 0 &&
    hdr === null &&
    sourceShort <= LADDER[0].shortSide &&
    (probe.bitRate === 0 || probe.bitRate <= limits.maxRemuxBitrate);

  const renditions: RenditionPlan[] = [];
  if (remux) {
    renditions.push({
      name: `${even(sourceShort)}p`,
      ...sizeFor(sourceShort),
      mode: 'copy',
      videoBitrate: v.bitRate || probe.bitRate,
      hasAudio,
    });
  }
  for (const rung of LADDER) {
    // With a remuxed top, a rung equal to the source adds nothing; without, it is the top encode.
    if (remux ? rung.shortSide >= sourceShort : rung.shortSide > sourceShort) continue;
    renditions.push({
      name: `${rung.shortSide}p`,
      ...sizeFor(rung.shortSide),
      mode: 'encode',
      videoBitrate: encodeBitrate(rung.shortSide, rung.videoBitrate),
      hasAudio,
    });
  }
  if (renditions.length === 0) {
    // Smaller than the lowest rung: one encode at the source's own (even) size.
    renditions.push({
      name: `${even(sourceShort)}p`,
      ...sizeFor(sourceShort),
      mode: 'encode',
      videoBitrate: encodeBitrate(sourceShort, 600_000),
      hasAudio,
    });
  }
  return {
    kind: 'video',
    renditions,
    rotation: v.rotation,
    durationSeconds: probe.durationSeconds,
    fps: v.fps,
    copyAudio: hasAudio && isAacLc(probe),
    hdr,
    limitSeconds,
  };
}

function hdrTransferOf(transfer: string | null): HdrTransfer | null {
  return transfer === 'arib-std-b67' || transfer === 'smpte2084' ? transfer : null;
}

function isAacLc(probe: MediaProbe): boolean {
  return probe.audio?.codec === 'aac' && (probe.audio.profile === null || probe.audio.profile === 'LC');
}

/** Size with the given short side, keeping the aspect ratio, both sides even (H.264 4:2:0 needs it). */
export function scaledSize(width: number, height: number, shortSide: number): { width: number; height: number } {
  const landscape = width >= height;
  const long = even(((landscape ? width : height) * shortSide) / (landscape ? height : width));
  return landscape ? { width: long, height: even(shortSide) } : { width: even(shortSide), height: long };
}

function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}

/** The source's video bits per second: its stream's own figure, else the file's less its audio; 0 when unknown. */
function sourceVideoBitrate(probe: MediaProbe): number {
  if (probe.video?.bitRate) return probe.video.bitRate;
  return probe.bitRate ? Math.max(0, probe.bitRate - (probe.audio?.bitRate ?? 0)) : 0;
}

/** H.264 needs about this many times the bits of these codecs for the same picture; others are no better than H.264. */
const H264_BITS_PER_SOURCE_BIT: Record<string, number> = { hevc: 1.6, vp9: 1.6, av1: 2 };

/** A rung never falls below this share of its own bit rate, so a low rung of a starved source stays watchable. */
const RUNG_FLOOR = 0.4;

/**
 * A rung's bit rate, at most what the source itself spends on a picture of that size: encoding a
 * 1 Mbit/s phone video's 480p at a fixed 1.4 Mbit/s spends bits on nothing but its compression
 * artefacts, and made a phone's ladder three times the size of its original. Bits are taken to
 * grow with pixels to the power 0.75 (a smaller picture needs more bits per pixel). An unknown
 * source bit rate leaves the rung as it is.
 */
function cappedBitrate(
  rungBitrate: number,
  rung: { width: number; height: number },
  source: { width: number; height: number; bits: number; codec: string },
): number {
  if (source.bits <= 0) return rungBitrate;
  const pixelShare = Math.min(1, (rung.width * rung.height) / (source.width * source.height));
  const sourceEquivalent = source.bits * (H264_BITS_PER_SOURCE_BIT[source.codec] ?? 1) * pixelShare ** 0.75;
  return Math.round(Math.min(rungBitrate, Math.max(rungBitrate * RUNG_FLOOR, sourceEquivalent)));
}

// 60 fps needs about half again the bits of 30 fps for the same quality.
function scaleForFps(bitrate: number, fps: number): number {
  return fps > 40 ? Math.round(bitrate * 1.5) : bitrate;
}

function formatMinutes(seconds: number): string {
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
