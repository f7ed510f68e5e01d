import { describe, expect, it } from 'vitest';
import { hlsCopyArgs, hlsEncodeArgs, remuxAudioOf } from './ffmpeg-args.ts';
import type { RenditionPlan } from './ladder.ts';
import { planStills } from './stills-args.ts';

const rung = (name: string, width: number, height: number): RenditionPlan => ({
  name,
  width,
  height,
  mode: 'encode',
  videoBitrate: 1_000_000,
  hasAudio: true,
});
const graphOf = (args: string[]) => args[args.indexOf('-filter_complex') + 1];
const outputsOf = (args: string[]) => args.filter((a) => a.endsWith('.m3u8') || a.endsWith('.jpg'));

describe('hlsEncodeArgs', () => {
  const outputs = [
    { rendition: rung('480p', 854, 480), dir: 'o/480p' },
    { rendition: rung('360p', 640, 360), dir: 'o/360p' },
  ];

  it('splits the decoded source once into a scaled branch per rendition', () => {
    const args = hlsEncodeArgs('in.mp4', outputs, { copyAudio: true });
    expect(graphOf(args)).toBe(
      '[0:v]split=2[s0][s1];[s0]scale=854:480:flags=bicubic,setsar=1,format=yuv420p[v0];[s1]scale=640:360:flags=bicubic,setsar=1,format=yuv420p[v1]',
    );
    expect(outputsOf(args)).toEqual(['o/480p/index.m3u8', 'o/360p/index.m3u8']);
  });

  it('feeds one rendition without a split', () => {
    expect(graphOf(hlsEncodeArgs('in.mp4', outputs.slice(0, 1), { copyAudio: false }))).toBe(
      '[0:v]scale=854:480:flags=bicubic,setsar=1,format=yuv420p[v0]',
    );
  });

  it('adds the poster and the sprite as two more branches of the same split, written after the renditions', () => {
    const stills = { poster: 'w/poster.jpg', sprite: 'w/sprite.jpg', plan: planStills(60, { width: 854, height: 480 }) };
    const args = hlsEncodeArgs('in.mp4', outputs.slice(0, 1), { copyAudio: true, stills });
    expect(graphOf(args)).toMatch(
      /^\[0:v\]split=3\[s0\]\[s1\]\[s2\];\[s0\]scale=854:480[^;]*\[v0\];\[s1\]trim=start=3\.00,[^;]*thumbnail=90\[poster\];\[s2\]select=[^;]*\[sprite\]$/,
    );
    expect(outputsOf(args)).toEqual(['o/480p/index.m3u8', 'w/poster.jpg', 'w/sprite.jpg']);
    expect(args.slice(-14, -7)).toEqual(['-map', '[poster]', '-frames:v', '1', '-q:v', '3', 'w/poster.jpg']);
  });

  it('keeps every frame at its own time, so variable-frame-rate video is not padded with duplicates', () => {
    const args = hlsEncodeArgs('in.mp4', outputs, { copyAudio: true });
    expect(args.slice(args.indexOf('-vsync'), args.indexOf('-vsync') + 2)).toEqual(['-vsync', 'passthrough']);
  });

  it('tone-maps an HDR source once, before the split, and tags the output BT.709', () => {
    const args = hlsEncodeArgs('in.mp4', outputs, { copyAudio: true, hdr: 'arib-std-b67' });
    expect(graphOf(args)).toMatch(/^\[0:v\]zscale=tin=arib-std-b67:[^;]*tonemap=tonemap=hable[^;]*format=yuv420p\[sdr\];\[sdr\]split=2/);
    expect(args.filter((a) => a === 'bt709')).toHaveLength(6);
    expect(hlsEncodeArgs('in.mp4', outputs, { copyAudio: true })).not.toContain('-color_trc');
  });

  it('reads a truncated source only up to its last whole packet', () => {
    const args = hlsEncodeArgs('in.mp4', outputs, { copyAudio: true, limitSeconds: 31.5 });
    expect(args.slice(2, 6)).toEqual(['-t', '31.500', '-i', 'in.mp4']);
  });
});

describe('hlsCopyArgs', () => {
  // The codec and map arguments, between the input and the muxer.
  const streamsOf = (args: string[]) => args.slice(args.indexOf('-i') + 2, args.indexOf('-movflags'));

  it('copies the video and AAC audio, stripping ADTS headers', () => {
    expect(streamsOf(hlsCopyArgs('in.mp4', 'o/720p', 'copy'))).toEqual([
      '-map',
      '0:v:0',
      '-map',
      '0:a:0',
      '-c:v',
      'copy',
      '-c:a',
      'copy',
      '-bsf:a',
      'aac_adtstoasc',
    ]);
  });

  it('copies the video and encodes other audio (Opus from a browser) to AAC-LC stereo', () => {
    expect(streamsOf(hlsCopyArgs('in.mp4', 'o/720p', 'encode'))).toEqual([
      '-map',
      '0:v:0',
      '-map',
      '0:a:0',
      '-c:v',
      'copy',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-ac',
      '2',
    ]);
  });

  it('maps no audio for a silent source, and audio if there is any for a remux started before the probe', () => {
    expect(streamsOf(hlsCopyArgs('in.mp4', 'o/720p', 'none'))).toEqual(['-map', '0:v:0', '-c:v', 'copy']);
    expect(streamsOf(hlsCopyArgs('in.mp4', 'o/720p', 'copy-if-present')).slice(0, 4)).toEqual(['-map', '0:v:0', '-map', '0:a:0?']);
    expect(hlsCopyArgs('in.mp4', 'o/720p', 'encode', 31.5).slice(2, 6)).toEqual(['-t', '31.500', '-i', 'in.mp4']);
  });

  it('takes the audio choice from the plan: copy AAC-LC, encode the rest, nothing for a silent rendition', () => {
    const copy = { ...rung('720p', 1280, 720), mode: 'copy' as const };
    expect(remuxAudioOf(copy, true)).toBe('copy');
    expect(remuxAudioOf(copy, false)).toBe('encode');
    expect(remuxAudioOf({ ...copy, hasAudio: false }, false)).toBe('none');
  });
});
