import path from 'node:path';
import { ERROR_CODES } from '@platform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAMERA_EXIF,
  frontIndexTruncatedMp4,
  hlgHdrClip,
  nulExifJpeg,
  photoFormats,
  shortClips,
  variableFrameRateMp4,
  videoFormats,
  type FormatSample,
} from '../support/format-samples.ts';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { probeRendition } from '../support/rendition-probe.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Every container and photo format real phones, cameras and NVRs produce goes through the real
// upload API, the real worker and Debian's ffmpeg: each ends READY, or FAILED with a registry code.

let t: TestApp;
let officer: string;
let meetingId: string;
const seen: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '1', WORKER_CONCURRENCY: '2' });
  officer = await t.login('officer1');
  meetingId = await createMeeting(t.platform.prisma, 'officer1');
});
afterAll(() => t?.close());

async function upload(file: string, contentType: string) {
  const { created, complete } = await uploadFile(t.app, officer, meetingId, file, contentType);
  expect(created.statusCode, `${path.basename(file)} refused at creation: ${created.body}`).toBe(201);
  expect(complete!.statusCode, `${path.basename(file)} refused at completion: ${complete!.body}`).toBe(200);
  const media = await waitForMedia(t.app, officer, complete!.json().assetId, ['READY', 'FAILED'], 120_000);
  seen.push(media.id);
  return media;
}

function expectOutcome(sample: FormatSample, media: { status: string; failure: { code: string } | null; kind: string }) {
  const name = path.basename(sample.file);
  if (sample.expect === 'READY') {
    expect(media.status, `${name}: ${JSON.stringify(media.failure)}`).toBe('READY');
  } else {
    expect(media, name).toMatchObject({ status: 'FAILED', failure: { code: sample.expect } });
  }
  expect(media.kind, name).toBe(sample.kind);
}

describe('every container a phone, camera or NVR writes', { timeout: 600_000 }, () => {
  it('plays each as HLS, or fails it with a code that says why', async () => {
    for (const sample of await videoFormats()) {
      const media = await upload(sample.file, sample.contentType);
      expectOutcome(sample, media);
      if (media.status === 'READY') {
        expect(media.renditions.length, path.basename(sample.file)).toBeGreaterThan(0);
        expect(media.durationSeconds, path.basename(sample.file)).toBeCloseTo(3, 0);
      }
    }
  });
});

describe('every photo format', { timeout: 300_000 }, () => {
  it('converts GIF, BMP, TIFF, WebP, AVIF and HEIC, keeping the EXIF the checks need', async () => {
    const samples = await photoFormats();
    expect(
      samples.map((s) => path.extname(s.file)),
      'heif-enc (Debian libheif-examples) makes the HEIC sample',
    ).toContain('.heic');
    for (const sample of samples) {
      const media = await upload(sample.file, sample.contentType);
      expectOutcome(sample, media);
      const name = path.basename(sample.file);
      expect([media.width, media.height], name).toEqual(name === 'animated.gif' ? [320, 240] : [640, 480]);
      expect((await t.app.inject({ url: media.imageUrl })).headers['content-type'], name).toBe('image/jpeg');
      if (/\.(webp|avif|heic)$/.test(name))
        expect(media, name).toMatchObject({ capturedAt: CAMERA_EXIF.capturedAt, camera: `${CAMERA_EXIF.make} ${CAMERA_EXIF.model}` });
    }
  });

  it('keeps a photo whose camera pads its EXIF with NUL bytes, with the fields cleaned', async () => {
    const media = await upload(await nulExifJpeg(), 'image/jpeg');
    expect(media).toMatchObject({ status: 'READY', camera: 'Polaroid iE090' });
  });
});

describe('hard cases', { timeout: 300_000 }, () => {
  it('gives clips of a third of a second and of one frame a stream, a poster and a sprite, with no retries', async () => {
    for (const clip of shortClips()) {
      const media = await upload(clip, 'video/mp4');
      expect(media, path.basename(clip)).toMatchObject({ status: 'READY', failure: null });
      expect(media.posterUrl, path.basename(clip)).toMatch(/poster\.jpg$/);
      expect(media.spriteVttUrl, path.basename(clip)).toMatch(/sprite\.vtt$/);
      const jobs = await t.platform.prisma.$queryRaw<
        { retry_count: number }[]
      >`SELECT retry_count FROM pgboss.job WHERE data->>'assetId' = ${media.id} AND name LIKE 'media.%'`;
      expect(jobs.map((j) => j.retry_count)).toEqual([0]);
    }
  });

  it('publishes what a truncated MP4 holds, says where it stops, and does not claim the full length', async () => {
    const { file, declaredSeconds } = await frontIndexTruncatedMp4();
    const media = await upload(file, 'video/mp4');
    expect(media.status).toBe('READY');
    expect(media.truncated.declaredSeconds).toBe(declaredSeconds);
    expect(media.truncated.atSeconds).toBeGreaterThan(3);
    expect(media.truncated.atSeconds).toBeLessThan(7);
    expect(media.durationSeconds).toBe(media.truncated.atSeconds);
    for (const rendition of media.renditions) {
      const facts = await probeRendition(t.app, media.hlsUrl, rendition.name);
      expect(facts.playlistSeconds, rendition.name).toBeLessThan(media.truncated.atSeconds + 1);
      expect(facts.playlistSeconds, rendition.name).toBeGreaterThan(media.truncated.atSeconds - 1);
    }
  });

  it('keeps the timestamps of variable-frame-rate video: no duplicated frames, the exact length', async () => {
    const source = variableFrameRateMp4();
    const media = await upload(source.file, 'video/mp4');
    expect(media.status).toBe('READY');
    expect(media.renditions.map((r: { remuxed: boolean }) => r.remuxed)).toContain(false);
    for (const rendition of media.renditions) {
      const facts = await probeRendition(t.app, media.hlsUrl, rendition.name);
      expect(facts.frames, rendition.name).toBe(source.frames);
      expect(facts.playlistSeconds, rendition.name).toBeCloseTo(3.8, 0);
    }
  });

  it('tone-maps HLG HDR to 8-bit BT.709', async () => {
    const media = await upload(hlgHdrClip(), 'video/mp4');
    expect(media.status).toBe('READY');
    for (const rendition of media.renditions) {
      const facts = await probeRendition(t.app, media.hlsUrl, rendition.name);
      expect(facts, rendition.name).toMatchObject({ pixelFormat: 'yuv420p', colorTransfer: 'bt709' });
    }
  });
});

describe('what users and operators are told', () => {
  it('uses only registry codes and never shows a path, a stack or tool output', async () => {
    const rows = await t.platform.prisma.mediaAsset.findMany({ where: { id: { in: seen } } });
    expect(rows.length).toBe(seen.length);
    for (const row of rows) {
      if (row.failureCode) expect(Object.keys(ERROR_CODES)).toContain(row.failureCode);
      const told = JSON.stringify((await t.app.inject({ url: `/api/media/${row.id}`, headers: { cookie: officer } })).json());
      for (const text of [told, row.failureReason ?? '']) {
        expect(text).not.toMatch(/\/tmp|\/work|\/var|platform-job|node_modules|\n\s+at |ffmpeg version|\[mov,|ENOENT/);
      }
    }
  });
});
