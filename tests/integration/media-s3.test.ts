import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PlatformEvent } from '@platform/contracts';
import { createPeerBucket, startS3rverPeer, type PeerBucket, type S3rverPeer } from '@platform/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type EventStream } from '../support/event-stream.ts';
import { createMeeting } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Upload → READY → playback with STORAGE_DRIVER=s3 against s3rver, a real S3 protocol peer. Parts
// go from the "browser" (fetch here) straight to presigned URLs of the peer, never through the
// API; the worker reads the source from and writes HLS to the bucket; the API serves it back.

const BUCKET = 'platform-media';
let peer: S3rverPeer;
let bucket: PeerBucket;
let t: TestApp;
let api: string;
let cookie: string;
let meetingId: string;
let events: EventStream;

interface UploadView {
  id: string;
  assetId: string;
  partSize: number;
  partCount: number;
  direct: boolean;
  received: { partNumber: number; size: number }[];
  parts: { partNumber: number; url: string; method: string; size: number }[];
}

const request = (url: string, init: RequestInit = {}) =>
  fetch(new URL(url, api), { ...init, headers: { cookie, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });

const ready = (assetId: string) => (e: PlatformEvent) =>
  e.type === 'media.status' && e.assetId === assetId && (e.status === 'READY' || e.status === 'FAILED');

/** PUTs one part straight to its presigned URL, as the browser does: no cookie, no API in between. */
async function putPartDirect(upload: UploadView, partNumber: number, bytes: Buffer): Promise<string> {
  const part = upload.parts.find((p) => p.partNumber === partNumber)!;
  const start = (partNumber - 1) * upload.partSize;
  const response = await fetch(part.url, { method: part.method, body: new Uint8Array(bytes.subarray(start, start + part.size)) });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers.get('etag')!.replaceAll('"', '');
}

beforeAll(async () => {
  peer = await startS3rverPeer();
  bucket = await createPeerBucket(peer, BUCKET);
  t = await createTestApp({
    WORKER_IN_PROCESS: '1',
    UPLOAD_PART_MB: '5',
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: peer.endpoint,
    S3_REGION: peer.region,
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: peer.accessKeyId,
    S3_SECRET_ACCESS_KEY: peer.secretAccessKey,
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  cookie = await t.login('officer1');
  meetingId = await createMeeting(t.platform.prisma, 'officer1');
  events = await openEventStream(api, cookie);
});

afterAll(async () => {
  events?.close();
  await t?.close();
  bucket?.close();
  await peer?.stop();
});

describe('STORAGE_DRIVER=s3 end to end', { timeout: 180_000 }, () => {
  const videoFile = sample('landscape-20s-720p-h264-aac.mp4');
  let video: { id: string; hlsUrl: string; posterUrl: string };

  it('uses the S3 store and reports it healthy', async () => {
    expect(t.platform.runtime.store.driver).toBe('s3');
    const health = await request('/api/health');
    expect(health.status, await health.clone().text()).toBe(200);
  });

  it('hands out presigned part URLs of the peer, takes parts PUT there directly, resumes with only the missing part, and completes', async () => {
    const bytes = await fs.readFile(videoFile);
    const created = await request('/api/uploads', {
      method: 'POST',
      body: JSON.stringify({ meetingId, fileName: 'meeting.mp4', size: bytes.length, contentType: 'video/mp4' }),
    });
    expect(created.status).toBe(201);
    const upload = (await created.json()) as UploadView;
    expect(upload.direct).toBe(true);
    expect(upload.partCount).toBe(2);
    for (const part of upload.parts) {
      const url = new URL(part.url);
      expect(url.origin).toBe(peer.endpoint);
      expect(url.origin).not.toBe(api);
      expect(url.pathname).toBe(`/${BUCKET}/media/${upload.assetId}/source`);
      expect(url.searchParams.get('partNumber')).toBe(String(part.partNumber));
      expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    }

    // Part 2 arrives, then the connection drops before part 1: the API must ask the store.
    const etag2 = await putPartDirect(upload, 2, bytes);
    expect(etag2).toBe(createHash('md5').update(bytes.subarray(upload.partSize)).digest('hex'));
    const resumed = (await (await request(`/api/uploads/${upload.id}`)).json()) as UploadView;
    expect(resumed.received).toEqual([{ partNumber: 2, size: bytes.length - upload.partSize }]);
    expect(resumed.parts.map((p) => p.partNumber)).toEqual([1]);
    expect(new URL(resumed.parts[0]!.url).origin).toBe(peer.endpoint);

    await putPartDirect(resumed, 1, bytes);
    const complete = await request(`/api/uploads/${upload.id}/complete`, { method: 'POST' });
    expect(complete.status, await complete.clone().text()).toBe(200);
    expect(await complete.json()).toMatchObject({ assetId: upload.assetId, kind: 'VIDEO' });
    // The source in the bucket is the file, byte for byte, assembled by the store from the parts.
    expect(
      createHash('sha256')
        .update(await bucket.read(`media/${upload.assetId}/source`))
        .digest('hex'),
    ).toBe(createHash('sha256').update(bytes).digest('hex'));

    const done = await events.waitFor(ready(upload.assetId), 150_000);
    expect(done).toMatchObject({ status: 'READY', progress: 100 });
    const media = await (await request(`/api/media/${upload.assetId}`)).json();
    expect(media).toMatchObject({ status: 'READY', kind: 'VIDEO', width: 1280, height: 720, size: bytes.length });
    video = media;
  });

  it('serves master playlist, variant playlist, init segment and media segments (with Range) from the bucket through signed links', async () => {
    const masterUrl = new URL(video.hlsUrl, api);
    const master = await fetch(masterUrl);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toContain('mpegurl');
    const masterText = await master.text();
    expect(masterText).toMatch(/#EXT-X-STREAM-INF:.*CODECS="avc1\.[0-9A-Fa-f]{6}/);
    const variantUri = masterText.split('\n').find((l) => l.endsWith('.m3u8'))!;
    const variantUrl = new URL(variantUri, masterUrl);
    const variantText = await (await fetch(variantUrl)).text();
    const initUri = variantText.match(/#EXT-X-MAP:URI="([^"]+)"/)![1]!;
    const segmentUri = variantText.split('\n').find((l) => l.endsWith('.m4s'))!;
    expect(segmentUri).toBeDefined();

    const init = Buffer.from(await (await fetch(new URL(initUri, variantUrl))).arrayBuffer());
    const segmentResponse = await fetch(new URL(segmentUri, variantUrl));
    expect(segmentResponse.headers.get('content-type')).toBe('video/iso.segment');
    const segment = Buffer.from(await segmentResponse.arrayBuffer());
    expect(init.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(['styp', 'moof']).toContain(segment.subarray(4, 8).toString('latin1'));

    const ranged = await fetch(new URL(segmentUri, variantUrl), { headers: { range: 'bytes=100-1099' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 100-1099/${segment.length}`);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(segment.subarray(100, 1100));

    // What the API served is what the worker stored in the bucket.
    const variantDir = variantUri.slice(0, variantUri.lastIndexOf('/'));
    // (Buffer.equals: a deep toEqual walks a megabyte byte by byte and takes seconds.)
    expect((await bucket.read(`media/${video.id}/out/${variantDir}/${segmentUri}`)).equals(segment)).toBe(true);

    // A real decoder agrees the bytes are H.264 video.
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'media-s3-'));
    try {
      const file = path.join(scratch, 'first.mp4');
      await fs.writeFile(file, Buffer.concat([init, segment]));
      const { stdout } = await promisify(execFile)(t.platform.runtime.ffmpeg.ffprobe, [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_type,codec_name,width,height',
        '-of',
        'json',
        file,
      ]);
      const streams = (JSON.parse(stdout) as { streams: { codec_type: string; codec_name: string; height?: number }[] }).streams;
      expect(streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264' });
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }

    const poster = Buffer.from(await (await fetch(new URL(video.posterUrl, api))).arrayBuffer());
    expect([...poster.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('uploads a photo directly to the peer and serves its JPEG from the bucket', async () => {
    const bytes = await fs.readFile(sample('photo-exif-gps.jpg'));
    const created = await request('/api/uploads', {
      method: 'POST',
      body: JSON.stringify({ meetingId, fileName: 'site.jpg', size: bytes.length, contentType: 'image/jpeg' }),
    });
    const upload = (await created.json()) as UploadView;
    expect(upload).toMatchObject({ direct: true, partCount: 1 });
    expect(new URL(upload.parts[0]!.url).origin).toBe(peer.endpoint);
    await putPartDirect(upload, 1, bytes);
    expect((await request(`/api/uploads/${upload.id}/complete`, { method: 'POST' })).status).toBe(200);
    expect(await events.waitFor(ready(upload.assetId), 60_000)).toMatchObject({ status: 'READY' });
    const media = await (await request(`/api/media/${upload.assetId}`)).json();
    expect(media).toMatchObject({ kind: 'PHOTO', status: 'READY', width: 1600, height: 1200 });
    const image = await fetch(new URL(media.imageUrl, api));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect([...Buffer.from(await image.arrayBuffer()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect((await bucket.list(`media/${upload.assetId}/`)).map((o) => o.key)).toContain(`media/${upload.assetId}/source`);
  });

  it('keeps every derived file in the bucket, with its content type, and nothing on the filesystem store', async () => {
    const keys = (await bucket.list(`media/${video.id}/`)).map((o) => o.key.slice(`media/${video.id}/`.length));
    expect(keys).toContain('source');
    expect(keys).toContain('out/master.m3u8');
    expect(keys).toContain('out/poster.jpg');
    const renditions = [...new Set(keys.filter((k) => /^out\/\d+p\//.test(k)).map((k) => k.split('/')[1]))];
    expect(renditions.length).toBeGreaterThanOrEqual(1);
    for (const r of renditions) {
      expect(keys).toContain(`out/${r}/index.m3u8`);
      expect(keys).toContain(`out/${r}/init.mp4`);
      expect(keys).toContain(`out/${r}/seg_00000.m4s`);
    }
    expect(await bucket.contentTypeOf(`media/${video.id}/out/master.m3u8`)).toContain('mpegurl');
    // No multipart leftovers and no stray files outside the assets' prefixes.
    expect((await bucket.list('')).every((o) => o.key.startsWith('media/'))).toBe(true);
    expect(existsSync(path.join(t.dataDir, 'objects'))).toBe(false);
  });
});
