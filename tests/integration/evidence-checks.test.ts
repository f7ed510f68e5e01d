import path from 'node:path';
import piexif from 'piexifjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { browserCompressedMp4 } from '../support/format-samples.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, PROJECT_ROOT, type TestApp } from '../support/test-app.ts';

// Real camera photos (media-samples/real): EXIF capture times from 2001–2014, GPS on the iPhone's.
const real = (name: string) => path.join(PROJECT_ROOT, 'media-samples', 'real', name);

let t: TestApp;
let officer1: string;
let officer2: string;
let meetingA: string;
let meetingB: string;

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '1' });
  officer1 = await t.login('officer1');
  officer2 = await t.login('officer2');
  // Two enterprises, one meeting each (07:30 on 2026-11-28); A registered in Tianjin.
  meetingA = await createMeeting(t.platform.prisma, 'officer1');
  meetingB = await createMeeting(t.platform.prisma, 'officer2');
  const a = await t.platform.prisma.meeting.findUniqueOrThrow({ where: { id: meetingA } });
  await t.platform.prisma.enterprise.update({ where: { id: a.enterpriseId }, data: { latitude: 39.0851, longitude: 117.1994 } });
});
afterAll(() => t.close());

/** Uploads a file and waits until it is READY and its evidence check has run. */
async function uploadChecked(cookie: string, meetingId: string, file: string | { name: string; bytes: Buffer }, contentType: string) {
  const { complete } = await uploadFile(t.app, cookie, meetingId, file, contentType);
  expect(complete!.statusCode).toBe(200);
  const assetId: string = complete!.json().assetId;
  expect(await waitForMedia(t.app, cookie, assetId, ['READY', 'FAILED'])).toMatchObject({ status: 'READY' });
  await waitForEvidenceCheck(assetId);
  return assetId;
}

/** The last `evidence.check` job of the asset has completed (pg-boss keeps finished jobs a while). */
async function waitForEvidenceCheck(assetId: string, after = new Date(0)) {
  await expect
    .poll(
      async () => {
        const rows = await t.platform.prisma.$queryRaw<{ state: string }[]>`
          SELECT state::text FROM pgboss.job WHERE name = 'evidence.check' AND data->>'assetId' = ${assetId} AND created_on > ${after}
          ORDER BY created_on DESC LIMIT 1`;
        return rows[0]?.state;
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe('completed');
}

const flagsOf = (assetId: string) => t.platform.prisma.meetingFlag.findMany({ where: { assetId }, orderBy: { kind: 'asc' } });

/** A real photo whose capture time is rewritten to `taken` (EXIF, no offset: read as +08:00). */
async function retimed(name: string, taken: string) {
  const jpeg = await sharp(real(name)).jpeg({ quality: 85 }).toBuffer();
  const exif = { Exif: { [piexif.ExifIFD.DateTimeOriginal]: taken } };
  return { name: `retimed-${name}`, bytes: Buffer.from(piexif.insert(piexif.dump(exif), jpeg.toString('binary')), 'binary') };
}

describe('evidence checks', { timeout: 240_000 }, () => {
  let original: string;
  let reused: string;
  let copy: Buffer;

  it('flags a photo of another meeting of another enterprise, resized, recompressed, cropped and brightened, with the other meeting', async () => {
    original = await uploadChecked(officer1, meetingA, await retimed('Canon_PowerShot_G2.jpg', '2026:11:28 07:35:00'), 'image/jpeg');
    expect(await flagsOf(original)).toEqual([]);

    const source = await sharp(real('Canon_PowerShot_G2.jpg')).metadata();
    copy = await sharp(real('Canon_PowerShot_G2.jpg'))
      .extract({ left: 19, top: 14, width: Math.round(source.width * 0.94), height: Math.round(source.height * 0.94) })
      .resize(400)
      .modulate({ brightness: 1.2 })
      .jpeg({ quality: 30 })
      .toBuffer();
    reused = await uploadChecked(officer2, meetingB, { name: 'copy.jpg', bytes: copy }, 'image/jpeg');
    const flags = await flagsOf(reused);
    expect(flags.map((f) => f.kind)).toEqual(['PHOTO_REUSED']);
    expect(flags[0]).toMatchObject({ meetingId: meetingB, relatedAssetId: original, relatedMeetingId: meetingA });
    expect((flags[0]!.params as { distance: number }).distance).toBeLessThanOrEqual(10);
  });

  it('finds a byte-identical photo, and a re-run of the check adds nothing', async () => {
    // The copy's bytes again, now in meeting A: identical to B's copy; A's own original is not compared.
    const again = await uploadChecked(officer1, meetingA, { name: 'copy-again.jpg', bytes: copy }, 'image/jpeg');
    const flags = await flagsOf(again);
    expect(flags.map((f) => f.kind)).toEqual(['PHOTO_REUSED']);
    expect(flags[0]).toMatchObject({ relatedAssetId: reused, relatedMeetingId: meetingB, params: { distance: 0, identical: true } });

    const before = new Date();
    await t.platform.runtime.queue.send('evidence.check', { assetId: again });
    await waitForEvidenceCheck(again, before);
    expect(await flagsOf(again)).toHaveLength(1);
  });

  it('flags the capture time and GPS of an old photo taken far from the enterprise', async () => {
    const asset = await uploadChecked(officer1, meetingA, real('Apple_iPhone_6.jpg'), 'image/jpeg');
    const flags = await flagsOf(asset);
    expect(flags.map((f) => f.kind)).toEqual(['PHOTO_TAKEN_OTHER_DAY', 'PHOTO_LOCATION_FAR']);
    expect(flags[0]!.params).toMatchObject({ capturedDate: '2014-09-16', meetingDate: '2026-11-28', limitMinutes: 90 });
    expect((flags[1]!.params as { meters: number }).meters).toBeGreaterThan(8_000_000); // England to Tianjin
  });

  it('flags a photo of the meeting day taken hours from the start', async () => {
    const asset = await uploadChecked(officer2, meetingB, await retimed('Minolta_DiMAGE_5.jpg', '2026:11:28 11:00:00'), 'image/jpeg');
    const flags = await flagsOf(asset);
    expect(flags.map((f) => f.kind)).toEqual(['PHOTO_TIME_FAR_FROM_START']);
    expect(flags[0]!.params).toMatchObject({ minutes: 210, limitMinutes: 90 });
  });

  it('raises no flag for unrelated photos of the meeting time', async () => {
    for (const name of ['Canon_PowerShot_G2_2.jpg', 'Canon_EOS_20D_1.jpg']) {
      const asset = await uploadChecked(officer2, meetingB, await retimed(name, '2026:11:28 07:40:00'), 'image/jpeg');
      expect(await flagsOf(asset), name).toEqual([]);
    }
  });

  it('flags a video recorded on another day like such a photo, when its container says when', async () => {
    // Recorded 2026-12-01 07:42 (+08:00) near enterprise A's registered location, for a meeting on 2026-11-28.
    const asset = await uploadChecked(officer1, meetingA, browserCompressedMp4(), 'video/mp4');
    const flags = await flagsOf(asset);
    expect(flags.map((f) => f.kind)).toEqual(['PHOTO_TAKEN_OTHER_DAY', 'VIDEO_TOO_SHORT']);
    expect(flags[0]!.params).toMatchObject({ capturedDate: '2026-12-01', meetingDate: '2026-11-28', mediaKind: 'VIDEO' });
  });

  it('flags a short video, and the same video in another enterprise by its SHA-256', async () => {
    const first = await uploadChecked(officer1, meetingA, sample('landscape-720p-h264-aac.mp4'), 'video/mp4');
    expect((await flagsOf(first)).map((f) => f.kind)).toEqual(['VIDEO_TOO_SHORT']);
    const second = await uploadChecked(officer2, meetingB, sample('landscape-720p-h264-aac.mp4'), 'video/mp4');
    const flags = await flagsOf(second);
    expect(flags.map((f) => f.kind)).toEqual(['VIDEO_REUSED', 'VIDEO_TOO_SHORT']);
    expect(flags[0]).toMatchObject({ relatedAssetId: first, relatedMeetingId: meetingA });
    expect(flags[1]!.params).toMatchObject({ minSeconds: 60 });
  });
});
