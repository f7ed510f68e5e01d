import type { RenditionPlan } from './ladder.ts';
import { stillsFilters, stillsOutputArgs, type StillsOutput } from './stills-args.ts';

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
 * With `stills`, two more branches of the same split write the poster and the sprite, so they
 * cost no decoding of their own.
 */
export function hlsEncodeArgs(input: string, outputs: HlsOutput[], options: { copyAudio: boolean; preset?: string; stills?: StillsOutput }): string[] {
  const n = outputs.length;
  const branches = n + (options.stills ? 2 : 0);
  const source = (i: number) => (branches > 1 ? `s${i}` : '0:v');
  const graph = [
    ...(branches > 1 ? [`[0:v]split=${branches}${Array.from({ length: branches }, (_, i) => `[s${i}]`).join('')}`] : []),
    ...outputs.map((o, i) => `[${source(i)}]scale=${o.rendition.width}:${o.rendition.height}:flags=bicubic,setsar=1,format=yuv420p[v${i}]`),
    ...(options.stills ? stillsFilters(source(n), source(n + 1), options.stills.plan) : []),
  ];
  const args = ['-hide_banner', '-y', '-i', input, '-filter_complex', graph.join(';')];
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
  if (options.stills) args.push(...stillsOutputArgs(options.stills));
  return args;
}

/** Audio-only source: one AAC rendition. */
export function hlsAudioArgs(input: string, dir: string, copy: boolean): string[] {
  return ['-hide_banner', '-y', '-i', input, '-map', '0:a:0', ...(copy ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', '128k', '-ac', '2']), ...hlsMuxerArgs(dir)];
}
