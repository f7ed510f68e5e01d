import { measureExtent, type MediaExtent, type PacketInfo } from './extent.ts';

/** What ffprobe tells us about a source file, reduced to what planning needs. */
export interface MediaProbe {
  formatName: string;
  /** What can be played: the declared length, or less when the file is truncated. */
  durationSeconds: number;
  extent: MediaExtent;
  sizeBytes: number;
  /** Overall bit rate in bits/s, 0 when unknown. */
  bitRate: number;
  video: VideoStreamInfo | null;
  audio: AudioStreamInfo | null;
  /** The container's metadata (creation time, location, QuickTime keys) as ffprobe prints it: what `parseCaptureTags` reads. */
  formatTags: Record<string, string>;
}

export interface VideoStreamInfo {
  codec: string;
  /** e.g. "High", "Main", "Constrained Baseline". */
  profile: string | null;
  /** H.264 level ×10, e.g. 31 for 3.1. */
  level: number | null;
  pixelFormat: string | null;
  /** Coded size, before rotation. */
  width: number;
  height: number;
  /** Clockwise rotation to apply for display: 0, 90, 180 or 270. */
  rotation: number;
  fps: number;
  bitRate: number;
  /** Transfer characteristic, e.g. "bt709", "arib-std-b67" (HLG), "smpte2084" (PQ); null when untagged. */
  colorTransfer: string | null;
  colorPrimaries: string | null;
  colorSpace: string | null;
}

export interface AudioStreamInfo {
  codec: string;
  profile: string | null;
  channels: number;
  sampleRate: number;
  bitRate: number;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  level?: number;
  pix_fmt?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  bit_rate?: string;
  color_transfer?: string;
  color_primaries?: string;
  color_space?: string;
  channels?: number;
  sample_rate?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
  disposition?: { attached_pic?: number };
}

interface FfprobePacket {
  stream_index?: number;
  pts_time?: string;
  duration_time?: string;
  pos?: string;
  size?: string;
}

/** ffprobe's `-show_format -show_streams -show_entries packet=… -of json` output. */
export interface FfprobeOutput {
  format?: {
    format_name?: string;
    duration?: string;
    start_time?: string;
    size?: string;
    bit_rate?: string;
    tags?: Record<string, string>;
  };
  streams?: FfprobeStream[];
  packets?: FfprobePacket[];
}

/** The packet fields {@link parseProbe} reads, for ffprobe's `-show_entries`. */
export const PROBE_PACKET_ENTRIES = 'packet=stream_index,pts_time,duration_time,pos,size';

/** Reduces raw ffprobe JSON to a {@link MediaProbe}; `fileSize` tells packets cut off by the end of the file. Pure. */
export function parseProbe(raw: FfprobeOutput, fileSize: number): MediaProbe {
  const streams = raw.streams ?? [];
  const packets: PacketInfo[] = (raw.packets ?? []).map((p) => ({
    stream: p.stream_index ?? 0,
    pts: p.pts_time === undefined || p.pts_time === 'N/A' ? null : num(p.pts_time),
    duration: num(p.duration_time),
    pos: p.pos === undefined || p.pos === 'N/A' ? null : num(p.pos),
    size: num(p.size),
  }));
  const extent = measureExtent(packets, num(raw.format?.duration), num(raw.format?.start_time), fileSize);
  // Cover art in audio files shows up as a one-frame "video" stream; it is not a video.
  const v = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = streams.find((s) => s.codec_type === 'audio');
  return {
    formatName: raw.format?.format_name ?? 'unknown',
    durationSeconds: extent.decodableSeconds,
    extent,
    sizeBytes: num(raw.format?.size),
    bitRate: num(raw.format?.bit_rate),
    video:
      v && v.width && v.height
        ? {
            codec: v.codec_name ?? 'unknown',
            profile: v.profile ?? null,
            level: typeof v.level === 'number' && v.level > 0 ? v.level : null,
            pixelFormat: v.pix_fmt ?? null,
            width: v.width,
            height: v.height,
            rotation: rotationOf(v),
            fps: frameRate(v.avg_frame_rate) || frameRate(v.r_frame_rate) || 30,
            bitRate: num(v.bit_rate),
            colorTransfer: tag(v.color_transfer),
            colorPrimaries: tag(v.color_primaries),
            colorSpace: tag(v.color_space),
          }
        : null,
    audio: a
      ? {
          codec: a.codec_name ?? 'unknown',
          profile: a.profile ?? null,
          channels: a.channels ?? 2,
          sampleRate: num(a.sample_rate),
          bitRate: num(a.bit_rate),
        }
      : null,
    formatTags: { ...raw.format?.tags },
  };
}

function tag(value: string | undefined): string | null {
  return value && value !== 'unknown' ? value : null;
}

function num(value: string | number | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

function frameRate(value: string | undefined): number {
  if (!value) return 0;
  const [n, d] = value.split('/').map(Number);
  return d ? n! / d : n || 0;
}

/**
 * Phones store rotation either as a legacy `rotate` tag (counter-clockwise degrees in older
 * ffmpeg builds' view, clockwise in the tag) or as display-matrix side data (counter-clockwise,
 * often negative). Both are normalised to clockwise 0/90/180/270.
 */
function rotationOf(s: FfprobeStream): number {
  const side = s.side_data_list?.find((d) => typeof d.rotation === 'number');
  const degrees = side ? -side.rotation! : num(s.tags?.rotate);
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}
