import type { RenditionPlan } from './ladder.ts';

/** Segment length; keyframes are forced on these boundaries for encoded renditions. */
export const SEGMENT_SECONDS = 4;

export interface HlsOutput {
  rendition: RenditionPlan;
  /** Directory that receives index.m3u8, init.mp4 and seg_*.m4s. */
  dir: string;
}

function hlsMuxerArgs(dir: string): string[] {
  return [
    '-f', 'hls',
    '-hls_time', String(SEGMENT_SECONDS),
    '-hls_playlist_type', 'vod',
    '-hls_segment_type', 'fmp4',
    '-hls_flags', 'independent_segments',
    '-hls_fmp4_init_filename', 'init.mp4',
    '-hls_segment_filename', `${dir}/seg_%05d.m4s`,
    `${dir}/index.m3u8`,
  ];
}

/** Remux the source's streams untouched into one HLS rendition: no decoding, no encoding. */
export function hlsCopyArgs(input: string, dir: string, hasAudio: boolean): string[] {
  return ['-hide_banner', '-y', '-i', input, '-map', '0:v:0', ...(hasAudio ? ['-map', '0:a:0'] : []), '-c', 'copy', '-movflags', '+faststart', ...hlsMuxerArgs(dir)];
}

/**
 * Encode several renditions in one ffmpeg run: the source is decoded once and split, each branch
 * scaled and encoded with keyframes forced every segment so all renditions switch cleanly.
 * ffmpeg's autorotate applies the source's rotation before the split. AAC audio is copied.
 */
export function hlsEncodeArgs(input: string, outputs: HlsOutput[], options: { copyAudio: boolean; preset?: string }): string[] {
  const n = outputs.length;
  const split = n > 1 ? `[0:v]split=${n}${outputs.map((_, i) => `[s${i}]`).join('')};` : '';
  const scales = outputs
    .map((o, i) => `[${n > 1 ? `s${i}` : '0:v'}]scale=${o.rendition.width}:${o.rendition.height}:flags=bicubic,setsar=1,format=yuv420p[v${i}]`)
    .join(';');
  const args = ['-hide_banner', '-y', '-i', input, '-filter_complex', split + scales];
  outputs.forEach((o, i) => {
    const r = o.rendition;
    args.push('-map', `[v${i}]`);
    if (r.hasAudio) args.push('-map', '0:a:0');
    args.push(
      '-c:v', 'libx264',
      '-preset', options.preset ?? 'veryfast',
      '-profile:v', 'high',
      '-b:v', String(r.videoBitrate),
      '-maxrate', String(Math.round(r.videoBitrate * 1.5)),
      '-bufsize', String(r.videoBitrate * 2),
      '-sc_threshold', '0',
      '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
    );
    if (r.hasAudio) args.push(...(options.copyAudio ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', '128k', '-ac', '2']));
    args.push(...hlsMuxerArgs(o.dir));
  });
  return args;
}

/** Audio-only source: one AAC rendition. */
export function hlsAudioArgs(input: string, dir: string, copy: boolean): string[] {
  return ['-hide_banner', '-y', '-i', input, '-map', '0:a:0', ...(copy ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', '128k', '-ac', '2']), ...hlsMuxerArgs(dir)];
}

/**
 * A representative poster: ffmpeg's `thumbnail` filter picks the most typical frame of a batch,
 * which skips the black or blurred first frames phones record. Seeks a little in first.
 */
export function posterArgs(input: string, output: string, durationSeconds: number, size: { width: number; height: number }): string[] {
  const seek = Math.min(durationSeconds * 0.1, 3);
  return ['-hide_banner', '-y', '-ss', seek.toFixed(2), '-i', input, '-vf', `thumbnail=90,scale=${size.width}:${size.height}`, '-frames:v', '1', '-q:v', '3', output];
}

export interface SpritePlan {
  /** Seconds between thumbnails. */
  interval: number;
  count: number;
  columns: number;
  rows: number;
  thumbWidth: number;
  thumbHeight: number;
}

/** At most 100 thumbnails of 160 px width in a 10-column grid. Pure. */
export function planSprite(durationSeconds: number, display: { width: number; height: number }): SpritePlan {
  const interval = Math.max(2, Math.ceil(durationSeconds / 100));
  const count = Math.max(1, Math.ceil(durationSeconds / interval));
  const columns = Math.min(10, count);
  const thumbWidth = 160;
  const thumbHeight = Math.max(2, Math.round((thumbWidth * display.height) / display.width / 2) * 2);
  return { interval, count, columns, rows: Math.ceil(count / columns), thumbWidth, thumbHeight };
}

export function spriteArgs(input: string, output: string, plan: SpritePlan): string[] {
  return [
    '-hide_banner', '-y', '-i', input,
    '-vf', `fps=1/${plan.interval},scale=${plan.thumbWidth}:${plan.thumbHeight},tile=${plan.columns}x${plan.rows}`,
    '-frames:v', '1', '-q:v', '5', output,
  ];
}
