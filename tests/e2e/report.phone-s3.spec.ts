import { existsSync } from 'node:fs';
import path from 'node:path';
import { openPeerBucket } from '@platform/storage/test-support';
import { expect, test } from '@playwright/test';
import { readS3Peer, S3_DATA_DIR } from './s3-env.ts';
import { expectPlaying, loginUi, reportMeetingApi, SAMPLES } from './support.ts';

// Runs against tests/e2e/s3-platform.ts: STORAGE_DRIVER=s3 on an s3rver peer whose bucket allows
// this origin by CORS, so the phone's browser PUTs parts to the bucket itself.

test('on S3 storage, the phone PUTs upload parts straight to the bucket, and the video plays from it', async ({ page, baseURL }) => {
  const peer = readS3Peer();
  const appOrigin = new URL(baseURL!).origin;

  await loginUi(page, 'officer1');
  const meetingId = await reportMeetingApi(page.request);
  await page.goto(`/enterprise/meetings/${meetingId}`);

  const partPuts: { origin: string; path: string; partNumber: string | null }[] = [];
  const putStatuses: number[] = [];
  const segmentOrigins = new Set<string>();
  const created: { assetId: string; direct: boolean }[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'PUT') partPuts.push({ origin: url.origin, path: url.pathname, partNumber: url.searchParams.get('partNumber') });
    if (url.pathname.endsWith('.m4s')) segmentOrigins.add(url.origin);
  });
  page.on('response', async (r) => {
    if (r.request().method() === 'PUT') putStatuses.push(r.status());
    if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/uploads' && r.status() === 201) {
      const upload = await r.json();
      created.push({ assetId: upload.assetId, direct: upload.direct });
    }
  });

  // Two parts of 5 MB for the video, one for the photo.
  await page.setInputFiles('[data-testid=media-input]', [
    path.join(SAMPLES, 'landscape-20s-720p-h264-aac.mp4'),
    path.join(SAMPLES, 'photo-exif-gps.jpg'),
  ]);
  const rows = page.getByTestId('upload-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-media-status', 'READY', { timeout: 150_000 });
  await expect(rows.nth(1)).toHaveAttribute('data-media-status', 'READY', { timeout: 60_000 });

  // Every part went to the S3 peer (a cross-origin PUT that needed its CORS), none through the API.
  expect(partPuts.map((p) => p.origin)).toEqual([peer.endpoint, peer.endpoint, peer.endpoint]);
  expect(peer.endpoint).not.toBe(appOrigin);
  expect(partPuts.map((p) => p.partNumber).sort()).toEqual(['1', '1', '2']);
  expect(partPuts.every((p) => p.path.startsWith(`/${peer.bucket}/media/`) && p.path.endsWith('/source'))).toBe(true);
  expect(putStatuses).toEqual([200, 200, 200]);

  const video = page.getByTestId('meeting-video');
  await video.evaluate((v: HTMLVideoElement) => v.play());
  await expectPlaying(page, '[data-testid=meeting-video]');
  await expect(page.getByTestId('meeting-photo')).toHaveCount(1);
  // Playback comes through the API's signed links, which read the bucket.
  expect([...segmentOrigins]).toEqual([appOrigin]);

  // The sources and the derived HLS are in the bucket; the filesystem store was never used.
  const bucket = openPeerBucket(peer, peer.bucket);
  try {
    expect(created.map((u) => u.direct)).toEqual([true, true]);
    const assetIds = created.map((u) => u.assetId);
    for (const id of assetIds) expect((await bucket.list(`media/${id}/`)).map((o) => o.key)).toContain(`media/${id}/source`);
    const videoKeys = (await Promise.all(assetIds.map((id) => bucket.list(`media/${id}/out/`)))).flat().map((o) => o.key);
    expect(videoKeys.some((k) => k.endsWith('/out/master.m3u8'))).toBe(true);
    expect(videoKeys.some((k) => k.endsWith('/seg_00000.m4s'))).toBe(true);
  } finally {
    bucket.close();
  }
  expect(existsSync(path.join(S3_DATA_DIR, 'objects'))).toBe(false);
});
