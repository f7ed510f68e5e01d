import fs from 'node:fs/promises';
import path from 'node:path';
import { signStreamToken, streamTokenKey } from '@platform/core';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { browserCompressedMp4, OPUS_CAPTURE, slowToEncodeClip } from '../support/format-samples.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let officer1: string;
let officer2: string;
let meetingId: string;
const SECRET = 'test-secret-that-is-long-enough-0123456789';

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '1', UPLOAD_PART_MB: '5', MAX_PHOTO_MB: '1' });
  officer1 = await t.login('officer1');
  officer2 = await t.login('officer2');
  meetingId = await createMeeting(t.platform.prisma, 'officer1');
});
afterAll(() => t.close());

const objectsOf = async (assetId: string) =>
  (await fs.readdir(path.join(t.dataDir, 'objects', 'media', assetId), { recursive: true }).catch(() => [])).length;

describe('video upload to stream', { timeout: 120_000 }, () => {
  let video: { id: string; hlsUrl: string };

  it('goes from upload to READY with a remuxed top rendition, poster and sprite, announcing each status', async () => {
    const statuses: string[] = [];
    const unsubscribe = t.platform.runtime.events.subscribe((e) => {
      if (e.type === 'media.status') statuses.push(e.status);
    });
    const { complete } = await uploadFile(t.app, officer1, meetingId, sample('landscape-720p-h264-aac.mp4'), 'video/mp4');
    expect(complete!.statusCode).toBe(200);
    expect(complete!.json()).toMatchObject({ kind: 'VIDEO' });
    const media = await waitForMedia(t.app, officer1, complete!.json().assetId, ['READY', 'FAILED']);
    expect(media).toMatchObject({ status: 'READY', progress: 100, width: 1280, height: 720, failure: null, truncated: null });
    expect(media.durationSeconds).toBeCloseTo(8, 0);
    expect(media.renditions.map((r: { name: string; remuxed: boolean }) => `${r.name}:${r.remuxed}`)).toEqual([
      '720p:true',
      '480p:false',
      '360p:false',
    ]);
    expect(media.posterUrl).toMatch(/poster\.jpg$/);
    expect(media.spriteVttUrl).toMatch(/sprite\.vtt$/);
    // The screens follow processing through these events: every stage is announced, READY last.
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('READY');
    unsubscribe();
    expect(new Set(statuses)).toEqual(new Set(['UPLOADED', 'PROCESSING', 'PLAYABLE', 'READY']));
    video = media;
  });

  it('serves a master playlist with CODECS, RESOLUTION and BANDWIDTH, and segments with Range', async () => {
    const master = await t.app.inject({ url: video.hlsUrl });
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toContain('mpegurl');
    expect(master.body).toMatch(
      /#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="avc1\.[0-9A-F]{6},mp4a\.40\.2",RESOLUTION=1280x720/,
    );
    const variantUrl = video.hlsUrl.replace('master.m3u8', '360p/index.m3u8');
    const variant = await t.app.inject({ url: variantUrl });
    expect(variant.body).toContain('#EXT-X-MAP:URI="init.mp4"');
    const segmentUrl = variantUrl.replace('index.m3u8', 'seg_00000.m4s');
    const whole = await t.app.inject({ url: segmentUrl });
    expect(whole.statusCode).toBe(200);
    const ranged = await t.app.inject({ url: segmentUrl, headers: { range: 'bytes=0-99' } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 0-99/${whole.rawPayload.length}`);
    expect(ranged.rawPayload).toEqual(whole.rawPayload.subarray(0, 100));
  });

  it('retries an asset that was already playing without taking it back to PROCESSING or off the air', async () => {
    // As when a worker dies after publishing the first rendition: the asset is PLAYABLE and its job is handed out again.
    await t.platform.prisma.mediaAsset.update({ where: { id: video.id }, data: { status: 'PLAYABLE' } });
    const statuses: string[] = [];
    const unsubscribe = t.platform.runtime.events.subscribe((e) => {
      if (e.type === 'media.status' && e.assetId === video.id) statuses.push(e.status);
    });
    await t.platform.runtime.queue.send('media.process', { assetId: video.id });
    const masterAnswers: number[] = [];
    while (statuses.at(-1) !== 'READY') {
      masterAnswers.push((await t.app.inject({ url: video.hlsUrl })).statusCode);
      await new Promise((r) => setTimeout(r, 100));
    }
    unsubscribe();
    expect(statuses).not.toContain('PROCESSING');
    expect(statuses.every((s) => s === 'PLAYABLE' || s === 'READY')).toBe(true);
    expect(new Set(masterAnswers)).toEqual(new Set([200]));
    const media = await waitForMedia(t.app, officer1, video.id, ['READY']);
    expect(media.renditions.map((r: { name: string }) => r.name).sort()).toEqual(['360p', '480p', '720p']);
  });

  it("keeps another enterprise's user, anonymous clients and expired or forged links out", async () => {
    const id = video.id;
    expect((await t.app.inject({ url: `/api/media/${id}`, headers: { cookie: officer2 } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/media/${id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/media/${id}`, headers: { cookie: await t.login('worker1') } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/media/${id}`, headers: { cookie: await t.login('zone1') } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/media/${id}`, headers: { cookie: await t.login('command') } })).statusCode).toBe(200);

    const segment = '360p/seg_00000.m4s';
    const forged = await t.app.inject({ url: `/api/media/${id}/stream/not-a-real-token-at-all/${segment}` });
    expect(forged.statusCode).toBe(403);
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const expired = signStreamToken(
      { assetId: id, holder: { kind: 'session', id: user.id }, expiresAt: Math.floor(Date.now() / 1000) - 1 },
      streamTokenKey(SECRET),
    );
    const old = await t.app.inject({ url: `/api/media/${id}/stream/${expired}/${segment}` });
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('LINK_EXPIRED');
    const otherAsset = video.hlsUrl.split('/stream/')[1]!.split('/')[0]!;
    expect(
      (await t.app.inject({ url: `/api/media/00000000-0000-4000-8000-000000000000/stream/${otherAsset}/${segment}` })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: video.hlsUrl.replace('master.m3u8', 'source') })).statusCode).toBe(404);
  });
});

describe('a video compressed by a phone browser', { timeout: 120_000 }, () => {
  it('plays from a remux with AAC audio and keeps the capture time, offset and place of the original', async () => {
    const { complete } = await uploadFile(t.app, officer1, meetingId, browserCompressedMp4(), 'video/mp4');
    const media = await waitForMedia(t.app, officer1, complete!.json().assetId, ['READY', 'FAILED']);
    expect(media).toMatchObject({ kind: 'VIDEO', status: 'READY', capturedAt: '2026-11-30T23:42:10.000Z', capturedOffset: '+08:00' });
    expect(media.gps.latitude).toBeCloseTo(OPUS_CAPTURE.latitude, 4);
    expect(media.gps.longitude).toBeCloseTo(OPUS_CAPTURE.longitude, 4);
    expect(media.renditions[0]).toMatchObject({ name: '720p', remuxed: true, codecs: expect.stringMatching(/,mp4a\.40\.2$/) });
    const row = await t.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: media.id } });
    expect(row).toMatchObject({ capturedAt: new Date('2026-11-30T23:42:10Z'), videoCodec: 'h264', audioCodec: 'opus' });
  });
});

describe('photos', { timeout: 60_000 }, () => {
  it('reads EXIF time with offset, GPS and camera, and strips GPS from derivatives', async () => {
    const { complete } = await uploadFile(t.app, officer1, meetingId, sample('photo-exif-gps.jpg'), 'image/jpeg');
    const media = await waitForMedia(t.app, officer1, complete!.json().assetId, ['READY', 'FAILED']);
    expect(media).toMatchObject({
      kind: 'PHOTO',
      status: 'READY',
      capturedAt: '2026-11-27T23:42:10.000Z',
      capturedOffset: '+08:00',
      camera: 'Huawei Mate 40 Pro',
      width: 1600,
      height: 1200,
    });
    expect(media.gps.latitude).toBeCloseTo(39.0257, 3);
    const large = await t.app.inject({ url: media.imageUrl });
    expect(large.statusCode).toBe(200);
    const exif = await exifr.parse(large.rawPayload, { gps: true }).catch(() => undefined);
    expect(exif?.latitude).toBeUndefined();
    const row = await t.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: media.id } });
    expect(row.perceptualHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('finishes a photo while a video is still encoding: photos have a worker slot of their own', async () => {
    const video = await uploadFile(t.app, officer1, meetingId, slowToEncodeClip(), 'video/mp4');
    const videoId = video.complete!.json().assetId;
    await waitForMedia(t.app, officer1, videoId, ['PROCESSING', 'PLAYABLE', 'READY']);
    const { complete } = await uploadFile(t.app, officer1, meetingId, sample('photo-plain.jpg'), 'image/jpeg');
    const photo = await waitForMedia(t.app, officer1, complete!.json().assetId, ['READY', 'FAILED']);
    expect(photo.status).toBe('READY');
    const videoNow = await t.app.inject({ url: `/api/media/${videoId}`, headers: { cookie: officer1 } });
    expect(videoNow.json().status).not.toBe('READY');
    await waitForMedia(t.app, officer1, videoId, ['READY']);
  });

  it('auto-orients a photo with an EXIF rotation', async () => {
    const { complete } = await uploadFile(t.app, officer1, meetingId, sample('photo-rotated-exif.jpg'), 'image/jpeg');
    const media = await waitForMedia(t.app, officer1, complete!.json().assetId, ['READY', 'FAILED']);
    expect([media.width, media.height]).toEqual([1200, 1600]);
  });
});

describe('bad input', { timeout: 60_000 }, () => {
  it('rejects a text file named .mp4 at completion and leaves nothing behind', async () => {
    const { complete, upload } = await uploadFile(t.app, officer1, meetingId, sample('not-a-video.mp4'), 'video/mp4');
    expect(complete!.statusCode).toBe(415);
    expect(complete!.json().error).toMatchObject({ code: 'MEDIA_NOT_MEDIA', params: { fileName: 'not-a-video.mp4' } });
    expect(await t.platform.prisma.mediaAsset.count({ where: { id: upload.assetId } })).toBe(0);
    expect(await objectsOf(upload.assetId)).toBe(0);
  });

  it('fails a damaged HEIC photo with a reason instead of telling the user to change phone settings', async () => {
    const ftyp = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
      Buffer.alloc(2000, 7),
    ]);
    const { complete } = await uploadFile(t.app, officer1, meetingId, { name: 'IMG_0001.HEIC', bytes: ftyp }, 'image/heic');
    expect(complete!.statusCode).toBe(200);
    const media = await waitForMedia(t.app, officer1, complete!.json().assetId, ['READY', 'FAILED']);
    expect(media).toMatchObject({ kind: 'PHOTO', status: 'FAILED', failure: { code: 'MEDIA_PHOTO_UNREADABLE', params: {} } });
  });

  it('fails a truncated video with a reason and does not retry it', async () => {
    const failedEvents: string[] = [];
    t.platform.runtime.events.subscribe((e) => {
      if (e.type === 'media.status' && e.status === 'FAILED') failedEvents.push(e.assetId);
    });
    const { complete } = await uploadFile(t.app, officer1, meetingId, sample('truncated.mp4'), 'video/mp4');
    expect(complete!.statusCode).toBe(200);
    const media = await waitForMedia(t.app, officer1, complete!.json().assetId, ['READY', 'FAILED']);
    expect(media.status).toBe('FAILED');
    await expect.poll(() => failedEvents, { timeout: 10_000 }).toContain(media.id);
    expect(media.failure).toEqual({ code: 'MEDIA_UNREADABLE', params: {} });
    expect(JSON.stringify(media)).not.toMatch(/\/tmp|platform-job/);
    // FAILED is written inside the job; pg-boss marks the job completed a moment after it returns.
    const jobsOf = () =>
      t.platform.prisma.$queryRaw<
        { state: string; retry_count: number }[]
      >`SELECT state::text, retry_count FROM pgboss.job WHERE name = 'media.process' AND data->>'assetId' = ${media.id}`;
    await expect.poll(jobsOf, { timeout: 15_000 }).toEqual([{ state: 'completed', retry_count: 0 }]);
  });

  it('refuses wrong types, oversize files, other enterprises and wrong part sizes with the field and reason', async () => {
    const create = (cookie: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/uploads', headers: { cookie }, payload });
    const pdf = await create(officer1, { meetingId, fileName: 'a.pdf', size: 100, contentType: 'application/pdf' });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.details[0].field).toBe('contentType');
    const huge = await create(officer1, { meetingId, fileName: 'big.jpg', size: 2 * 1024 * 1024, contentType: 'image/jpeg' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: [{ field: 'size', code: 'UPLOAD_PHOTO_TOO_LARGE', params: { limit: '1.0 MB' } }],
    });
    const foreign = await create(officer2, { meetingId, fileName: 'x.mp4', size: 100, contentType: 'video/mp4' });
    expect(foreign.statusCode).toBe(404);
    const negative = await create(officer1, { meetingId, fileName: 'x.mp4', size: -1, contentType: 'video/mp4' });
    expect(negative.json().error.details[0]).toMatchObject({ field: 'size', code: 'FIELD_NOT_ABOVE', params: { min: 0 } });

    const ok = await create(officer1, { meetingId, fileName: 'x.mp4', size: 1000, contentType: 'video/mp4' });
    const short = await t.app.inject({
      method: 'PUT',
      url: ok.json().parts[0].url,
      headers: { cookie: officer1, 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(10),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([
      expect.objectContaining({ field: 'body', code: 'PART_SIZE_MISMATCH', params: { expected: 1000, actual: 10 } }),
    ]);
    const early = await t.app.inject({ method: 'POST', url: `/api/uploads/${ok.json().id}/complete`, headers: { cookie: officer1 } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'PARTS_MISSING', params: { parts: '1', count: 1 } });
  });
});

describe('resumable upload', { timeout: 120_000 }, () => {
  it('resumes after a dropped connection: lists received parts and completes with the rest', async () => {
    const file = sample('landscape-20s-720p-h264-aac.mp4');
    const first = await uploadFile(t.app, officer1, meetingId, file, 'video/mp4', { onlyParts: [2] });
    expect(first.upload.partCount).toBe(2);
    const status = await t.app.inject({ url: `/api/uploads/${first.upload.id}`, headers: { cookie: officer1 } });
    expect(status.json().received.map((p: { partNumber: number }) => p.partNumber)).toEqual([2]);
    expect(status.json().parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([1]);
    const part1 = status.json().parts[0];
    await t.app.inject({
      method: 'PUT',
      url: part1.url,
      headers: { cookie: officer1, 'content-type': 'application/octet-stream' },
      payload: first.bytes!.subarray(0, part1.size),
    });
    const done = await t.app.inject({ method: 'POST', url: `/api/uploads/${first.upload.id}/complete`, headers: { cookie: officer1 } });
    expect(done.statusCode).toBe(200);
    const media = await waitForMedia(t.app, officer1, first.upload.assetId, ['READY', 'FAILED']);
    expect(media.status).toBe('READY');
    expect(media.size).toBe(first.bytes!.length);
  });

  it('aborts an upload and expires abandoned ones', async () => {
    const a = await uploadFile(t.app, officer1, meetingId, sample('landscape-20s-720p-h264-aac.mp4'), 'video/mp4', { onlyParts: [1] });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/uploads/${a.upload.id}`, headers: { cookie: officer1 } })).statusCode).toBe(
      204,
    );
    expect(await t.platform.prisma.mediaAsset.count({ where: { id: a.upload.assetId } })).toBe(0);

    const b = await uploadFile(t.app, officer1, meetingId, sample('landscape-20s-720p-h264-aac.mp4'), 'video/mp4', { onlyParts: [1] });
    await t.platform.prisma.uploadSession.update({ where: { id: b.upload.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await t.platform.services.uploads.expireAbandoned()).toBe(1);
    expect(await t.platform.prisma.uploadSession.findUniqueOrThrow({ where: { id: b.upload.id } }).catch(() => null)).toBeNull();
    expect(await objectsOf(b.upload.assetId)).toBe(0);
  });
});
