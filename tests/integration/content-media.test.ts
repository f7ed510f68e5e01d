import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Training and library material: uploaded by the system administrator with purpose `content`,
// owned by no enterprise, readable by everyone logged in; PDFs only here, never as evidence.

let t: TestApp;
let admin: string;
let worker: string;
let officer1: string;
let officer2: string;

/** A real two-page PDF, as a word processor's export would be. */
async function pdfBytes(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.fontSize(24).text('Hazardous chemicals: safe handling');
  doc.addPage().fontSize(14).text('Page two');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '1', UPLOAD_PART_MB: '5' });
  admin = await t.login('admin');
  worker = await t.login('worker1');
  officer1 = await t.login('officer1');
  officer2 = await t.login('officer2');
});
afterAll(() => t?.close());

/** GETs a signed link with the viewer's session (links are bound to it). */
const fetchLink = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

describe('content uploads', { timeout: 180_000 }, () => {
  it('take a video, a poster and a PDF from the administrator, owned by no enterprise, and every role can open them', async () => {
    const video = await uploadFile(t.app, admin, undefined, sample('landscape-720p-h264-aac.mp4'), 'video/mp4', { purpose: 'content' });
    const poster = await uploadFile(t.app, admin, undefined, sample('photo-plain.jpg'), 'image/jpeg', { purpose: 'content' });
    const pdf = await pdfBytes();
    const document = await uploadFile(t.app, admin, undefined, { name: '危险化学品安全手册.pdf', bytes: pdf }, 'application/pdf', {
      purpose: 'content',
    });
    for (const upload of [video, poster, document]) {
      expect(upload.created.statusCode, upload.created.body).toBe(201);
      expect(upload.complete!.statusCode, upload.complete!.body).toBe(200);
    }
    expect(document.complete!.json().kind).toBe('DOCUMENT');
    const ids = [video, poster, document].map((u) => u.complete!.json().assetId as string);
    const rows = await t.platform.prisma.mediaAsset.findMany({ where: { id: { in: ids } } });
    for (const row of rows) expect(row).toMatchObject({ enterpriseId: null, meetingId: null, staged: false });

    const [videoId, posterId, documentId] = ids as [string, string, string];
    // The worker and an officer of any enterprise read them, each with links of their own session.
    for (const viewer of [worker, officer2]) {
      const playing = await waitForMedia(t.app, viewer, videoId, ['READY', 'FAILED']);
      expect(playing.status).toBe('READY');
      const master = await fetchLink(playing.hlsUrl, viewer);
      expect(master.statusCode).toBe(200);
      expect(master.body).toContain('#EXTM3U');

      const photo = await waitForMedia(t.app, viewer, posterId, ['READY', 'FAILED']);
      expect(photo).toMatchObject({ status: 'READY', kind: 'PHOTO', documentUrl: null });
      const image = await fetchLink(photo.imageUrl, viewer);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/jpeg');

      const doc = await waitForMedia(t.app, viewer, documentId, ['READY', 'FAILED']);
      expect(doc).toMatchObject({ status: 'READY', kind: 'DOCUMENT', contentType: 'application/pdf', hlsUrl: null });
      const file = await fetchLink(doc.documentUrl, viewer);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(pdf)).toBe(true);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(
        `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent('危险化学品安全手册.pdf')}`,
      );
      // The platform's own pages may frame it; nobody else's.
      expect(file.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(String(file.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
      expect(String(file.headers['content-security-policy'])).not.toContain("frame-ancestors 'none'");
    }
    // Logged in, that is: not for anyone on the internet.
    expect((await t.app.inject({ url: `/api/media/${documentId}` })).statusCode).toBe(401);
    // Other responses keep refusing to be framed.
    const json = await t.app.inject({ url: `/api/media/${documentId}`, headers: { cookie: worker } });
    expect(json.headers['x-frame-options']).toBe('DENY');
  });

  it('are the system administrator’s alone: anyone else gets 403 UPLOAD_CONTENT_ADMIN_ONLY', async () => {
    for (const username of ['officer1', 'inspector', 'worker1']) {
      const cookie = username === 'officer1' ? officer1 : username === 'worker1' ? worker : await t.login(username);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { cookie },
        payload: { purpose: 'content', fileName: '海报.jpg', size: 1000, contentType: 'image/jpeg' },
      });
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.code).toBe('UPLOAD_CONTENT_ADMIN_ONLY');
    }
  });

  it('belong to no meeting', async () => {
    const meetingId = await createMeeting(t.platform.prisma, 'officer1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { cookie: admin },
      payload: { purpose: 'content', meetingId, fileName: 'a.mp4', size: 1000, contentType: 'video/mp4' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'meetingId', code: 'UPLOAD_CONTENT_NO_MEETING' })]);
  });

  it('stay the uploader’s until completed: nobody else resumes, completes or aborts them', async () => {
    const { upload } = await uploadFile(t.app, admin, undefined, { name: 'a.pdf', bytes: await pdfBytes() }, 'application/pdf', {
      purpose: 'content',
      onlyParts: [],
    });
    for (const cookie of [officer1, worker]) {
      expect((await t.app.inject({ url: `/api/uploads/${upload.id}`, headers: { cookie } })).statusCode).toBe(404);
      const complete = await t.app.inject({ method: 'POST', url: `/api/uploads/${upload.id}/complete`, headers: { cookie } });
      expect(complete.statusCode).toBe(404);
    }
    expect((await t.app.inject({ url: `/api/uploads/${upload.id}`, headers: { cookie: admin } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/uploads/${upload.id}`, headers: { cookie: admin } })).statusCode).toBe(204);
  });

  it('refuse a ".pdf" that is not one at completion, and fail a cut-off PDF in processing, both with MEDIA_DOCUMENT_UNREADABLE', async () => {
    const garbage = await uploadFile(t.app, admin, undefined, { name: '宣传册.pdf', bytes: randomBytes(20_000) }, 'application/pdf', {
      purpose: 'content',
    });
    expect(garbage.complete!.statusCode).toBe(415);
    expect(garbage.complete!.json().error.code).toBe('MEDIA_DOCUMENT_UNREADABLE');
    // Nothing of it is left.
    expect(await t.platform.prisma.mediaAsset.findUnique({ where: { id: garbage.upload.assetId } })).toBeNull();

    const whole = await pdfBytes();
    const cut = await uploadFile(
      t.app,
      admin,
      undefined,
      { name: '未传完.pdf', bytes: whole.subarray(0, Math.floor(whole.length / 2)) },
      'application/pdf',
      { purpose: 'content' },
    );
    expect(cut.complete!.statusCode).toBe(200);
    const failed = await waitForMedia(t.app, worker, cut.complete!.json().assetId, ['READY', 'FAILED']);
    expect(failed).toMatchObject({ status: 'FAILED', failure: { code: 'MEDIA_DOCUMENT_UNREADABLE' }, documentUrl: null });
  });

  it('do not change evidence: a PDF is still refused, declared or not', async () => {
    const pdf = await pdfBytes();
    const declared = await uploadFile(t.app, officer1, undefined, { name: 'a.pdf', bytes: pdf }, 'application/pdf');
    expect(declared.created.statusCode).toBe(400);
    expect(declared.created.json().error.details).toEqual([
      expect.objectContaining({ field: 'contentType', code: 'UPLOAD_TYPE_NOT_MEDIA' }),
    ]);
    const meetingId = await createMeeting(t.platform.prisma, 'officer1');
    const disguised = await uploadFile(t.app, officer1, meetingId, { name: 'a.mp4', bytes: pdf }, 'video/mp4');
    expect(disguised.complete!.statusCode).toBe(415);
    expect(disguised.complete!.json().error).toMatchObject({ code: 'MEDIA_NOT_MEDIA' });
    // Nor does an evidence photo become readable to others because content is.
    const photo = await uploadFile(
      t.app,
      officer1,
      meetingId,
      await readFile(sample('photo-plain.jpg')).then((bytes) => ({ name: 'p.jpg', bytes })),
      'image/jpeg',
    );
    const photoId = photo.complete!.json().assetId;
    expect((await t.app.inject({ url: `/api/media/${photoId}`, headers: { cookie: officer2 } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/media/${photoId}`, headers: { cookie: worker } })).statusCode).toBe(404);
  });
});
