import { randomBytes } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// 宣教资源电子库: the administrator's entries over content uploads; everyone logged in browses
// and searches what is published.

let t: TestApp;
let admin: string;
let worker: string;
let officer1: string;
let officer2: string;
let posterId: string;
let documentId: string;
// A word of our own, so entries seeded into the template database never match the searches.
const word = `演练${randomBytes(3).toString('hex')}`;

async function pdfBytes(): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.text('Emergency drill');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function contentUpload(name: string, bytes: Buffer, contentType: string): Promise<string> {
  const { complete } = await uploadFile(t.app, admin, undefined, { name, bytes }, contentType, { purpose: 'content' });
  expect(complete!.statusCode, complete!.body).toBe(200);
  return complete!.json().assetId;
}

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

const search = async (cookie: string, query: Record<string, string>) => {
  const res = await call(cookie, 'GET', `/api/library?${new URLSearchParams(query)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; title: string; published: boolean; media: { thumbnailUrl: string | null } | null }[];
    total: number;
  };
};

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '1' });
  admin = await t.login('admin');
  worker = await t.login('worker1');
  officer1 = await t.login('officer1');
  officer2 = await t.login('officer2');
  const { readFile } = await import('node:fs/promises');
  posterId = await contentUpload('血的教训.jpg', await readFile(sample('photo-plain.jpg')), 'image/jpeg');
  documentId = await contentUpload('疏散指南.pdf', await pdfBytes(), 'application/pdf');
  await waitForMedia(t.app, admin, posterId, ['READY']);
  await waitForMedia(t.app, admin, documentId, ['READY']);
});
afterAll(() => t?.close());

describe('the resource library', { timeout: 120_000 }, () => {
  let posterEntry: string;
  let documentEntry: string;

  it('takes entries from the administrator only', async () => {
    const input = {
      title: `血的教训：有限空间${word}`,
      description: '盲目施救酿成多人伤亡',
      kind: 'POSTER',
      campaign: '安全生产月',
      tags: ['血的教训', '有限空间作业'],
      mediaId: posterId,
    };
    for (const cookie of [officer1, worker]) {
      const refused = await call(cookie, 'POST', '/api/library', input);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('ROLE_NOT_ALLOWED');
    }
    const created = await call(admin, 'POST', '/api/library', input);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ published: false, campaign: '安全生产月', media: { id: posterId, kind: 'PHOTO' } });
    posterEntry = created.json().id;

    const document = await call(admin, 'POST', '/api/library', {
      title: `应急疏散指南 ${word}`,
      kind: 'DOCUMENT',
      campaign: '5·12防灾减灾日',
      tags: ['应急疏散'],
      mediaId: documentId,
      published: true,
    });
    expect(document.statusCode, document.body).toBe(201);
    documentEntry = document.json().id;

    const audit = await t.platform.prisma.auditLog.findFirst({ where: { action: 'library.create', entityId: posterEntry } });
    expect(audit).toMatchObject({ outcome: 'SUCCESS', entityType: 'libraryResource' });
  });

  it("refuses a file that is not the administrator's content, or of the wrong kind, naming the field", async () => {
    const meetingId = await createMeeting(t.platform.prisma, 'officer1');
    const { readFile } = await import('node:fs/promises');
    const evidence = await uploadFile(
      t.app,
      officer1,
      meetingId,
      { name: 'e.jpg', bytes: await readFile(sample('photo-plain.jpg')) },
      'image/jpeg',
    );
    const base = { title: '标题', kind: 'POSTER' };
    const cases: [Record<string, unknown>, string, Record<string, unknown>?][] = [
      [{ ...base, mediaId: evidence.complete!.json().assetId }, 'LIBRARY_MEDIA_NOT_CONTENT'],
      [{ ...base, mediaId: documentId }, 'LIBRARY_MEDIA_KIND', { expected: 'PHOTO' }],
      [{ ...base, kind: 'VIDEO', mediaId: posterId }, 'LIBRARY_MEDIA_KIND', { expected: 'VIDEO' }],
      [{ ...base, mediaId: '0190a6e0-0000-7000-8000-000000000000' }, 'REFERENCE_NOT_FOUND', { entity: 'media' }],
    ];
    for (const [payload, code, params] of cases) {
      const res = await call(admin, 'POST', '/api/library', payload);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'mediaId', code, ...(params ? { params } : {}) })]);
    }
    // Campaign material may hold any kind of file; campaigns are the work plan's four.
    expect((await call(admin, 'POST', '/api/library', { ...base, kind: 'CAMPAIGN', mediaId: documentId })).statusCode).toBe(201);
    const unknownCampaign = await call(admin, 'POST', '/api/library', {
      ...base,
      kind: 'CAMPAIGN',
      campaign: '植树节',
      mediaId: documentId,
    });
    expect(unknownCampaign.statusCode).toBe(400);
    expect(unknownCampaign.json().error.details[0]).toMatchObject({ field: 'campaign', code: 'FIELD_INVALID_ENUM' });
  });

  it('hides drafts from everyone but the administrator', async () => {
    expect((await search(worker, { q: word })).items.map((i) => i.id)).toEqual([documentEntry]);
    expect((await call(worker, 'GET', `/api/library/${posterEntry}`)).statusCode).toBe(404);
    // Asking for drafts changes nothing for a worker.
    expect((await search(worker, { q: word, published: 'false' })).items.map((i) => i.id)).toEqual([documentEntry]);
    const adminView = await search(admin, { q: word });
    expect(adminView.items.map((i) => [i.id, i.published])).toEqual([
      [documentEntry, true],
      [posterEntry, false],
    ]);
    expect((await search(admin, { q: word, published: 'false' })).items.map((i) => i.id)).toEqual([posterEntry]);
  });

  it('publishes only a file that is ready to view', async () => {
    const pending = await uploadFile(t.app, admin, undefined, { name: 'p.jpg', bytes: Buffer.alloc(1000) }, 'image/jpeg', {
      purpose: 'content',
      onlyParts: [],
    });
    const draft = await call(admin, 'POST', '/api/library', { title: `待处理${word}`, kind: 'POSTER', mediaId: pending.upload.assetId });
    expect(draft.statusCode).toBe(201);
    const refused = await call(admin, 'POST', `/api/library/${draft.json().id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LIBRARY_MEDIA_NOT_READY');
    expect((await call(admin, 'DELETE', `/api/library/${draft.json().id}`)).statusCode).toBe(204);

    expect((await call(officer1, 'POST', `/api/library/${posterEntry}/publish`)).statusCode).toBe(403);
    const published = await call(admin, 'POST', `/api/library/${posterEntry}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().published).toBe(true);
  });

  it('finds entries by words in the title, description or part of a tag, and filters by kind, campaign and tag', async () => {
    const ids = async (query: Record<string, string>) => (await search(worker, { ...query })).items.map((i) => i.id).sort();
    expect(await ids({ q: word })).toEqual([posterEntry, documentEntry].sort());
    expect(await ids({ q: `${word} 盲目施救` })).toEqual([posterEntry]); // description
    expect(await ids({ q: `${word} 空间作` })).toEqual([posterEntry]); // part of a tag (and the title)
    expect(await ids({ q: `${word} 疏散` })).toEqual([documentEntry]);
    expect(await ids({ q: `${word} 不存在的词` })).toEqual([]);
    expect(await ids({ q: word, kind: 'DOCUMENT' })).toEqual([documentEntry]);
    expect(await ids({ q: word, campaign: '安全生产月' })).toEqual([posterEntry]);
    expect(await ids({ q: word, tag: '应急疏散' })).toEqual([documentEntry]);
    expect(await ids({ q: word, tag: '应急' })).toEqual([]); // a tag filter is the whole tag
    // LIKE's own wildcards are taken literally.
    expect(await ids({ q: `${word} %` })).toEqual([]);
    const bad = await call(worker, 'GET', '/api/library?kind=MOVIE');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'kind', code: 'FIELD_INVALID_ENUM' });
  });

  it('opens an entry with its file for every role, links signed for the viewer', async () => {
    const grid = await search(worker, { q: word, kind: 'POSTER' });
    expect(grid.items[0]!.media!.thumbnailUrl).toMatch(/thumb-320\.jpg$/);
    for (const cookie of [worker, officer2]) {
      const res = await call(cookie, 'GET', `/api/library/${documentEntry}`);
      expect(res.statusCode).toBe(200);
      const file = await call(cookie, 'GET', res.json().media.documentUrl);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
    }
    const poster = (await call(worker, 'GET', `/api/library/${posterEntry}`)).json();
    expect((await call(worker, 'GET', poster.media.imageUrl)).statusCode).toBe(200);
  });

  it('records changes with their before and after, and withdraws and deletes entries', async () => {
    const patched = await call(admin, 'PATCH', `/api/library/${posterEntry}`, { title: `血的教训（修订）${word}`, tags: ['血的教训'] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: `血的教训（修订）${word}`, tags: ['血的教训'] });
    const audit = await t.platform.prisma.auditLog.findFirst({ where: { action: 'library.update', entityId: posterEntry } });
    expect((audit!.details as { changes: unknown }).changes).toMatchObject({
      title: { to: `血的教训（修订）${word}` },
      tags: { from: ['血的教训', '有限空间作业'], to: ['血的教训'] },
    });
    // A kind its file does not fit is refused.
    const wrongKind = await call(admin, 'PATCH', `/api/library/${posterEntry}`, { kind: 'DOCUMENT' });
    expect(wrongKind.json().error.details[0]).toMatchObject({ field: 'mediaId', code: 'LIBRARY_MEDIA_KIND' });

    expect((await call(admin, 'POST', `/api/library/${posterEntry}/unpublish`)).json().published).toBe(false);
    expect((await call(worker, 'GET', `/api/library/${posterEntry}`)).statusCode).toBe(404);

    expect((await call(worker, 'DELETE', `/api/library/${documentEntry}`)).statusCode).toBe(403);
    expect((await call(admin, 'DELETE', `/api/library/${documentEntry}`)).statusCode).toBe(204);
    expect((await call(admin, 'GET', `/api/library/${documentEntry}`)).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', `/api/library/${documentEntry}`)).statusCode).toBe(404);
    // The file stays: a lesson may use it.
    expect((await call(worker, 'GET', `/api/media/${documentId}`)).statusCode).toBe(200);
  });

  it('shows best-practice meetings to those who may watch them, and not to workers', async () => {
    const meetingId = await createMeeting(t.platform.prisma, 'officer1', '2026-11-20');
    await t.platform.prisma.meeting.update({ where: { id: meetingId }, data: { bestPractice: true } });
    const forOfficer = await call(officer2, 'GET', '/api/library/showcase');
    expect(forOfficer.statusCode).toBe(200);
    expect(forOfficer.json().available).toBe(true);
    expect(forOfficer.json().items.map((m: { id: string }) => m.id)).toContain(meetingId);
    const forWorker = await call(worker, 'GET', '/api/library/showcase');
    expect(forWorker.json()).toEqual({ available: false, items: [], total: 0 });
  });
});
