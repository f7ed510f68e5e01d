import type { SpritePlan } from './stills-args.ts';

export interface VariantEntry {
  /** Relative URI of the variant playlist, e.g. "720p/index.m3u8". */
  uri: string;
  bandwidth: number;
  averageBandwidth: number;
  codecs: string;
  width?: number;
  height?: number;
  frameRate?: number;
}

/**
 * The master playlist, written by us rather than ffmpeg (the npm-shipped ffmpeg crashes writing
 * one, and we add renditions one by one as they finish). Variants are listed highest first.
 */
export function masterPlaylist(variants: VariantEntry[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const v of [...variants].sort((a, b) => b.bandwidth - a.bandwidth)) {
    const attrs = [`BANDWIDTH=${v.bandwidth}`, `AVERAGE-BANDWIDTH=${v.averageBandwidth}`, `CODECS="${v.codecs}"`];
    if (v.width && v.height) attrs.push(`RESOLUTION=${v.width}x${v.height}`);
    if (v.frameRate) attrs.push(`FRAME-RATE=${v.frameRate.toFixed(3)}`);
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, v.uri);
  }
  return `${lines.join('\n')}\n`;
}

const H264_PROFILES: Record<string, [number, number]> = {
  'Constrained Baseline': [0x42, 0xe0],
  Baseline: [0x42, 0x00],
  Main: [0x4d, 0x40],
  Extended: [0x58, 0x00],
  High: [0x64, 0x00],
};

const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();

/** RFC 6381 codec string for H.264, e.g. High@3.1 → "avc1.64001F". */
export function avc1Codec(profile: string | null, level: number | null): string {
  const [idc, constraints] = H264_PROFILES[profile ?? ''] ?? H264_PROFILES.High!;
  return `avc1.${hex(idc)}${hex(constraints)}${hex(level ?? 40)}`;
}

/** AAC-LC, the only audio we deliver. */
export const AAC_LC_CODEC = 'mp4a.40.2';

/** Segment durations from a media playlist, in order, with their URIs. */
export function parseMediaPlaylist(text: string): { uri: string; duration: number }[] {
  const segments: { uri: string; duration: number }[] = [];
  let pending: number | null = null;
  for (const line of text.split(/\r?\n/)) {
    const inf = line.match(/^#EXTINF:([\d.]+)/);
    if (inf) pending = Number(inf[1]);
    else if (pending !== null && line && !line.startsWith('#')) {
      segments.push({ uri: line.trim(), duration: pending });
      pending = null;
    }
  }
  return segments;
}

/** Peak and average bits per second over segments, as HLS's BANDWIDTH and AVERAGE-BANDWIDTH want. */
export function measureBandwidth(segments: { duration: number; bytes: number }[]): { peak: number; average: number } {
  const timed = segments.filter((s) => s.duration > 0);
  if (timed.length === 0) return { peak: 0, average: 0 };
  const peak = Math.max(...timed.map((s) => (s.bytes * 8) / s.duration));
  const total = timed.reduce((sum, s) => sum + s.bytes, 0);
  const duration = timed.reduce((sum, s) => sum + s.duration, 0);
  return { peak: Math.ceil(peak), average: Math.ceil((total * 8) / duration) };
}

/** WebVTT that maps each time range to its tile in the sprite, for scrubbing previews. */
export function spriteVtt(plan: SpritePlan, durationSeconds: number, spriteUri: string): string {
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < plan.count; i++) {
    const start = i * plan.interval;
    const end = Math.min((i + 1) * plan.interval, durationSeconds);
    if (start >= durationSeconds) break;
    const x = (i % plan.columns) * plan.thumbWidth;
    const y = Math.floor(i / plan.columns) * plan.thumbHeight;
    lines.push(`${vttTime(start)} --> ${vttTime(end)}`, `${spriteUri}#xywh=${x},${y},${plan.thumbWidth},${plan.thumbHeight}`, '');
  }
  return lines.join('\n');
}

function vttTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
}

/**
 * A media playlist whose last segment lasts what is left of `totalSeconds`. ffmpeg's HLS muxer
 * times every segment by its next keyframe except the last, which it times by frame count at the
 * nominal rate: variable-frame-rate phone video then ends early in the playlist though every
 * frame is there. Earlier segments, the target duration and everything else are kept. Pure.
 */
export function withTrueLastSegment(text: string, totalSeconds: number): string {
  const segments = parseMediaPlaylist(text);
  if (segments.length === 0 || !(totalSeconds > 0)) return text;
  const before = segments.slice(0, -1).reduce((sum, s) => sum + s.duration, 0);
  const last = totalSeconds - before;
  // A frame's worth of difference is rounding, and a negative rest means the total is not this stream's.
  if (last <= 0 || Math.abs(last - segments.at(-1)!.duration) < 0.05) return text;
  const lines = text.split(/\r?\n/);
  const lastInf = lines.findLastIndex((line) => line.startsWith('#EXTINF:'));
  lines[lastInf] = `#EXTINF:${last.toFixed(6)},`;
  const target = lines.findIndex((line) => line.startsWith('#EXT-X-TARGETDURATION:'));
  if (target >= 0) lines[target] = `#EXT-X-TARGETDURATION:${Math.max(Number(lines[target]!.split(':')[1]), Math.round(last))}`;
  return lines.join('\n');
}
