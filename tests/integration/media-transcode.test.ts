import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  Ffmpeg,
  FfmpegVideoProcessor,
  HlsTranscoder,
  parseMediaPlaylist,
  planLadder,
  resolveFfmpegBinaries,
  UnplayableMediaError,
  type RenditionResult,
} from '@platform/media';
import { afterAll, describe, expect, it } from 'vitest';
import { androidTaggedOpusMp4, browserCompressedMp4, OPUS_CAPTURE } from '../support/format-samples.ts';
import { sample } from '../support/samples.ts';

// Real ffmpeg on the generated samples. FFMPEG_PATH/FFPROBE_PATH select the binaries, as in production.
const ffmpeg = new Ffmpeg(resolveFfmpegBinaries({ ffmpegPath: process.env.FFMPEG_PATH, ffprobePath: process.env.FFPROBE_PATH }));
const transcoder = new HlsTranscoder(ffmpeg);
const limits = { maxDurationSeconds: 1800, maxRemuxBitrate: 20_000_000 };
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'transcode-test-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));

/** A generated sample by name, or any file by its absolute path. */
async function transcode(name: string) {
  const input = path.isAbsolute(name) ? name : sample(name);
  const plan = planLadder(await ffmpeg.probe(input), limits);
  const dir = await fs.mkdtemp(path.join(work, 'job-'));
  const results: RenditionResult[] = [];
  const progress: number[] = [];
  await transcoder.transcode(input, dir, plan, { onRendition: async (r) => void results.push(r), onProgress: (f) => progress.push(f) });
  return { plan, results, progress, dir };
}

const stillFiles = (dir: string) => ({
  poster: path.join(dir, 'poster.jpg'),
  sprite: path.join(dir, 'sprite.jpg'),
  vtt: path.join(dir, 'sprite.vtt'),
  spriteUri: 'sprite.jpg',
});

/** Stills of the 8 s 720p sample: a poster that is not a black first frame, 4 tiles of 160×90 and their map. */
async function expectStills(files: ReturnType<typeof stillFiles>) {
  const sharp = (await import('sharp')).default;
  expect(await sharp(files.poster).metadata()).toMatchObject({ width: 1280, height: 720 });
  expect((await sharp(files.poster).stats()).channels[0]!.mean).toBeGreaterThan(30);
  expect(await sharp(files.sprite).metadata()).toMatchObject({ width: 640, height: 90 });
  expect(await fs.readFile(files.vtt, 'utf8')).toMatch(
    /^WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nsprite.jpg#xywh=0,0,160,90\n[\s\S]*00:00:06.000 --> 00:00:08.000\nsprite.jpg#xywh=480,0,160,90\n$/,
  );
}

describe('HLS transcoding', { timeout: 120_000 }, () => {
  it('remuxes the 720p H.264/AAC top rendition first, then encodes 480p and 360p with ~4 s segments', async () => {
    const { results, progress } = await transcode('landscape-720p-h264-aac.mp4');
    expect(results.map((r) => `${r.name}:${r.remuxed}`)).toEqual(['720p:true', '360p:false', '480p:false']);
    const top = results[0]!;
    expect(top.variant).toMatchObject({ width: 1280, height: 720, codecs: expect.stringMatching(/^avc1\.64[0-9A-F]{4},mp4a\.40\.2$/) });
    expect(top.variant.bandwidth).toBeGreaterThan(top.variant.averageBandwidth * 0.9);
    const playlist = await fs.readFile(path.join(results[2]!.dir, 'index.m3u8'), 'utf8');
    expect(playlist).toContain('#EXT-X-MAP:URI="init.mp4"');
    const durations = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]));
    expect(durations.slice(0, -1).every((d) => Math.abs(d - 4) < 0.2)).toBe(true);
    expect(progress.at(-1)).toBeGreaterThan(0.9);
  });

  it('turns a rotated phone clip into portrait renditions', async () => {
    const { results } = await transcode('portrait-rotated-h264-aac.mp4');
    expect(results.every((r) => !r.remuxed)).toBe(true);
    const top = results.find((r) => r.name === '720p')!;
    expect([top.variant.width, top.variant.height]).toEqual([720, 1280]);
    const probe = await ffmpeg.probe(path.join(top.dir, 'init.mp4'));
    expect(probe.video).toMatchObject({ width: 720, height: 1280 });
  });

  it('re-encodes HEVC to H.264 and handles a source without audio', async () => {
    const hevc = await transcode('hevc-720p.mp4');
    expect(hevc.results.map((r) => r.variant.codecs.split(',')[0]!.slice(0, 4))).toEqual(['avc1', 'avc1', 'avc1']);
    const silent = await transcode('no-audio-720p.mp4');
    expect(silent.results[0]!.remuxed).toBe(true);
    expect(silent.results.every((r) => !r.variant.codecs.includes('mp4a'))).toBe(true);
  });

  it('handles odd sizes without upscaling, and audio-only files', async () => {
    const odd = await transcode('odd-size-mpeg4.avi');
    expect(odd.results.map((r) => `${r.variant.width}x${r.variant.height}`)).toEqual(['638x360']);
    const audio = await transcode('audio-only.m4a');
    expect(audio.plan.kind).toBe('audio');
    expect(audio.results[0]!.variant.codecs).toBe('mp4a.40.2');
  });

  it('writes a non-black poster and a sprite with its WebVTT map in the encode run', async () => {
    const input = sample('landscape-720p-h264-aac.mp4');
    const plan = planLadder(await ffmpeg.probe(input), limits);
    const dir = await fs.mkdtemp(path.join(work, 'stills-'));
    const files = stillFiles(dir);
    expect(await transcoder.transcode(input, dir, plan, { onRendition: async () => {}, onProgress: () => {} }, files)).toBe(true);
    await expectStills(files);
  });

  it('makes the stills in a run of their own when there is nothing to encode', async () => {
    const input = sample('landscape-720p-h264-aac.mp4');
    const plan = planLadder(await ffmpeg.probe(input), limits);
    if (plan.kind !== 'video') throw new Error('expected video');
    const files = stillFiles(await fs.mkdtemp(path.join(work, 'stills-')));
    await transcoder.stills(input, files, plan);
    await expectStills(files);
  });

  it('fails a truncated file and a text file with reasons', async () => {
    await expect(ffmpeg.probe(sample('truncated.mp4'))).rejects.toThrow(/moov atom not found|Invalid data/);
    await expect(ffmpeg.probe(sample('not-a-video.mp4'))).rejects.toThrow(/Invalid data/);
    const extent = { declaredSeconds: 4000, decodableSeconds: 4000, truncatedAtSeconds: null };
    expect(() =>
      planLadder(
        { formatName: 'x', durationSeconds: 4000, extent, sizeBytes: 1, bitRate: 0, video: null, audio: null, formatTags: {} },
        limits,
      ),
    ).toThrow(UnplayableMediaError);
  });
});

/** A rendition's init segment and media segments joined into one file ffprobe reads like an MP4. */
async function joined(dir: string): Promise<string> {
  const segments = parseMediaPlaylist(await fs.readFile(path.join(dir, 'index.m3u8'), 'utf8'));
  const parts = await Promise.all(['init.mp4', ...segments.map((s) => s.uri)].map((f) => fs.readFile(path.join(dir, f))));
  const file = path.join(dir, 'joined.mp4');
  await fs.writeFile(file, Buffer.concat(parts));
  return file;
}

describe('H.264 with Opus, as a phone browser compresses it', { timeout: 120_000 }, () => {
  it('remuxes the video and encodes only the audio, to AAC-LC that hls.js plays', async () => {
    const { plan, results } = await transcode(browserCompressedMp4());
    expect(plan).toMatchObject({ kind: 'video', copyAudio: false });
    expect(plan.kind === 'video' && plan.renditions[0]).toMatchObject({ name: '720p', mode: 'copy', hasAudio: true });
    expect(results.map((r) => `${r.name}:${r.remuxed}`)).toEqual(['720p:true', '360p:false', '480p:false']);
    for (const r of results) expect(r.variant.codecs, r.name).toMatch(/^avc1\.[0-9A-F]{6},mp4a\.40\.2$/);
    const top = await ffmpeg.probe(await joined(results[0]!.dir));
    expect(top.video).toMatchObject({ codec: 'h264', profile: 'Constrained Baseline', width: 1280, height: 720 });
    expect(top.audio).toMatchObject({ codec: 'aac', profile: 'LC', channels: 2 });
    expect(top.durationSeconds).toBeCloseTo(3, 0);
    expect((await ffmpeg.probe(await joined(results[1]!.dir))).audio).toMatchObject({ codec: 'aac', profile: 'LC' });
  });

  it('reads the capture time with its offset and the place from the QuickTime keys, and drops the copy started before the probe', async () => {
    const dir = await fs.mkdtemp(path.join(work, 'browser-'));
    const file = path.join(dir, 'source');
    await fs.copyFile(browserCompressedMp4(), file);
    const processor = new FfmpegVideoProcessor(ffmpeg, limits, () => new Date('2026-12-01T12:00:00Z'));
    const inspection = await processor.inspect(file);
    expect(inspection.facts).toMatchObject({
      videoCodec: 'h264',
      audioCodec: 'opus',
      capturedAt: new Date('2026-11-30T23:42:10Z'),
      capturedOffset: '+08:00',
      gpsLatitude: OPUS_CAPTURE.latitude,
      gpsLongitude: OPUS_CAPTURE.longitude,
    });
    // The speculative remux copied Opus: cancelled, so the plan's own remux encodes the audio.
    expect(await fs.readdir(dir)).toEqual(['source']);
    const out = {
      hlsDir: path.join(dir, 'hls'),
      poster: path.join(dir, 'p.jpg'),
      sprite: path.join(dir, 's.jpg'),
      vtt: path.join(dir, 's.vtt'),
    };
    const finished: { name: string; codecs: string }[] = [];
    await processor.transcode(file, inspection, out, { onRendition: async (r) => void finished.push(r), onProgress: () => {} });
    expect(finished.map((r) => `${r.name}:${r.codecs.split(',')[1]}`).sort()).toEqual([
      '360p:mp4a.40.2',
      '480p:mp4a.40.2',
      '720p:mp4a.40.2',
    ]);
    expect((await ffmpeg.probe(await joined(path.join(out.hlsDir, '720p')))).audio?.codec).toBe('aac');
  });

  it("reads Android's UTC creation_time without an offset, and the place from ©xyz", async () => {
    const raw = await ffmpeg.probe(androidTaggedOpusMp4());
    expect(raw.formatTags).toMatchObject({ creation_time: '2026-12-01T07:42:10.000000Z', location: OPUS_CAPTURE.location });
    const processor = new FfmpegVideoProcessor(ffmpeg, limits, () => new Date('2026-12-01T12:00:00Z'));
    const dir = await fs.mkdtemp(path.join(work, 'android-'));
    await fs.copyFile(androidTaggedOpusMp4(), path.join(dir, 'source'));
    const inspection = await processor.inspect(path.join(dir, 'source'));
    expect(inspection.facts).toMatchObject({
      capturedAt: new Date('2026-12-01T07:42:10Z'),
      capturedOffset: null,
      gpsLatitude: OPUS_CAPTURE.latitude,
      gpsLongitude: OPUS_CAPTURE.longitude,
    });
    // Seen from before the recording (a phone whose clock ran hours ahead), the time is dropped, the place kept.
    const early = await new FfmpegVideoProcessor(ffmpeg, limits, () => new Date('2026-12-01T05:00:00Z')).inspect(path.join(dir, 'source'));
    expect(early.facts).toMatchObject({ capturedAt: null, gpsLatitude: OPUS_CAPTURE.latitude });
  });

  it('refuses a recording over the configured length unless the job allows longer (a live recording)', async () => {
    // landscape-20s is 20 s; the uploads' limit here is 10 s, a live's 60 s.
    const processor = new FfmpegVideoProcessor(ffmpeg, { ...limits, maxDurationSeconds: 10 });
    const dir = await fs.mkdtemp(path.join(work, 'long-'));
    const file = path.join(dir, 'source');
    await fs.copyFile(sample('landscape-20s-720p-h264-aac.mp4'), file);
    await expect(processor.inspect(file)).rejects.toMatchObject({ code: 'MEDIA_TOO_LONG', params: { limitSeconds: 10 } });
    const allowed = await processor.inspect(file, { maxDurationSeconds: 60 });
    expect(allowed).toMatchObject({ facts: { videoCodec: 'h264' } });
    // The remux speculation started by inspect is still writing: end it before the directory goes.
    await (allowed.plan as { prepared: { cancel(): Promise<void> } | null }).prepared?.cancel();
  });
});
