import { describe, expect, it } from 'vitest';
import { hlsEncodeArgs } from './ffmpeg-args.ts';
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
