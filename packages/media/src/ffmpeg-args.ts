import { inputArgs } from './input-args.ts';
import type { HdrTransfer, RenditionPlan } from './ladder.ts';
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
    '-f',
    'hls',
    '-hls_time',
    String(SEGMENT_SECONDS),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'fmp4',
    '-hls_flags',
    'independent_segments',
    '-hls_fmp4_init_filename',
    'init.mp4',
    '-hls_segment_filename',
    `${dir}/seg_%05d.m4s`,
    `${dir}/index.m3u8`,
  ];
}

/**
 * Keep every frame at its own time. The HLS muxer would otherwise make the video constant-rate,
 * duplicating frames of variable-frame-rate phone video until it runs longer than its source.
 */
const KEEP_TIMESTAMPS = ['-vsync', 'passthrough'];

/**
 * HLG or PQ to SDR BT.709: linearise, convert primaries, tone-map (Hable, which keeps highlights
 * without greying the picture), back to BT.709 limited range. Cutting 10-bit BT.2020 to 8 bits
 * without this plays washed out on every ordinary screen.
 */
export function toneMapFilter(transfer: HdrTransfer): string {
  return [
    `zscale=tin=${transfer}:pin=bt2020:min=bt2020nc:t=linear:npl=100`,
    'format=gbrpf32le',
    'zscale=p=bt709',
    'tonemap=tonemap=hable:desat=0',
    'zscale=t=bt709:m=bt709:r=tv',
    'format=yuv420p',
  ].join(',');
}

const BT709_TAGS = ['-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709'];

/**
 * AAC copied out of MPEG-TS or raw ADTS (camcorders, NVRs) carries ADTS headers that MP4 does not
 * allow; the filter strips them and leaves MP4-style AAC untouched.
 */
const AAC_COPY = ['-c:a', 'copy', '-bsf:a', 'aac_adtstoasc'];

/** AAC-LC stereo, what every HLS player decodes (hls.js in fMP4 needs AAC, and Safari plays no Opus in HLS). */
const AAC_ENCODE = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2'];

/**
 * What a remux does with the source's audio: `copy` AAC-LC as it is, `encode` any other audio to
 * AAC-LC, or `none` when there is none. `copy-if-present` copies the first audio stream when there
 * is one, for a remux started before the probe has said (it fails on audio that is not AAC).
 */
export type RemuxAudio = 'copy' | 'encode' | 'none' | 'copy-if-present';

/** What the remux of a planned copy rendition does with the audio, from the plan's `copyAudio`. */
export function remuxAudioOf(rendition: RenditionPlan, copyAudio: boolean): RemuxAudio {
  return !rendition.hasAudio ? 'none' : copyAudio ? 'copy' : 'encode';
}

/**
 * Remux the source's video untouched into one HLS rendition: no decoding, no encoding of the
 * picture. Audio that must be encoded is decoded alone, which takes a fraction of a second.
 */
export function hlsCopyArgs(input: string, dir: string, audio: RemuxAudio, limitSeconds: number | null = null): string[] {
  const map = { copy: ['-map', '0:a:0'], encode: ['-map', '0:a:0'], none: [], 'copy-if-present': ['-map', '0:a:0?'] }[audio];
  const codec = { copy: AAC_COPY, encode: AAC_ENCODE, none: [], 'copy-if-present': AAC_COPY }[audio];
  return [
    '-hide_banner',
    '-y',
    ...inputArgs(input, limitSeconds),
    '-map',
    '0:v:0',
    ...map,
    '-c:v',
    'copy',
    ...codec,
    '-movflags',
    '+faststart',
    ...hlsMuxerArgs(dir),
  ];
}

/**
 * Encode several renditions in one ffmpeg run: the source is decoded once and split, each branch
 * scaled and encoded with keyframes forced every segment so all renditions switch cleanly.
 * ffmpeg's autorotate applies the source's rotation before the split. AAC-LC audio is copied,
 * other audio encoded to AAC-LC. With `stills`, two more branches of the same split write the
 * poster and the sprite, so they cost no decoding of their own.
 */
export function hlsEncodeArgs(
  input: string,
  outputs: HlsOutput[],
  options: { copyAudio: boolean; preset?: string; stills?: StillsOutput; hdr?: HdrTransfer | null; limitSeconds?: number | null },
): string[] {
  const n = outputs.length;
  const branches = n + (options.stills ? 2 : 0);
  const decoded = options.hdr ? 'sdr' : '0:v';
  const source = (i: number) => (branches > 1 ? `s${i}` : decoded);
  const graph = [
    ...(options.hdr ? [`[0:v]${toneMapFilter(options.hdr)}[sdr]`] : []),
    ...(branches > 1 ? [`[${decoded}]split=${branches}${Array.from({ length: branches }, (_, i) => `[s${i}]`).join('')}`] : []),
    ...outputs.map((o, i) => `[${source(i)}]scale=${o.rendition.width}:${o.rendition.height}:flags=bicubic,setsar=1,format=yuv420p[v${i}]`),
    ...(options.stills ? stillsFilters(source(n), source(n + 1), options.stills.plan) : []),
  ];
  const args = ['-hide_banner', '-y', ...inputArgs(input, options.limitSeconds), '-filter_complex', graph.join(';'), ...KEEP_TIMESTAMPS];
  outputs.forEach((o, i) => {
    const r = o.rendition;
    args.push('-map', `[v${i}]`);
    if (r.hasAudio) args.push('-map', '0:a:0');
    args.push(
      '-c:v',
      'libx264',
      '-preset',
      options.preset ?? 'veryfast',
      '-profile:v',
      'high',
      '-b:v',
      String(r.videoBitrate),
      '-maxrate',
      String(Math.round(r.videoBitrate * 1.5)),
      '-bufsize',
      String(r.videoBitrate * 2),
      '-sc_threshold',
      '0',
      '-force_key_frames',
      `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
      ...(options.hdr ? BT709_TAGS : []),
    );
    if (r.hasAudio) args.push(...(options.copyAudio ? AAC_COPY : AAC_ENCODE));
    args.push(...hlsMuxerArgs(o.dir));
  });
  if (options.stills) args.push(...stillsOutputArgs(options.stills));
  return args;
}

/** Audio-only source: one AAC rendition. */
export function hlsAudioArgs(input: string, dir: string, copy: boolean, limitSeconds: number | null = null): string[] {
  return [
    '-hide_banner',
    '-y',
    ...inputArgs(input, limitSeconds),
    '-map',
    '0:a:0',
    ...(copy ? AAC_COPY : AAC_ENCODE),
    ...hlsMuxerArgs(dir),
  ];
}
