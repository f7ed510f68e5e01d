import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { meetingWindow } from '@platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, waitForMedia } from '../support/media-helpers.ts';
import { sample } from '../support/samples.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// One-step reporting: photos and video are uploaded while the report is still being written (no
// meeting yet) and attached when it is submitted.
const DAY = '2026-11-16'; // A Monday: every demo shift runs on it.
const clock = { now: new Date() };
const at = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);

let t: TestApp;
let officer1: string;
let officer2: string;
let inspector: string;
let input: (overrides?: Record<string, unknown>) => Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp({ WORKER_IN_PROCESS: '1', UPLOAD_PART_MB: '5' }, { now: () => clock.now });
  const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
  const team = await t.platform.prisma.team.findFirstOrThrow({
    where: { enterpriseId: user.enterpriseId!, name: '甲班' },
    include: { shifts: { include: { shift: true } }, members: true },
  });
  const shift = team.shifts[0]!.shift;
  clock.now = at(meetingWindow(shift, DAY).dueUntil, -10);
  input = (overrides = {}) => ({
    teamId: team.id,
    shiftId: shift.id,
    meetingDate: DAY,
    startedAt: at(clock.now, -5).toISOString(),
    hostName: '王班长',
    taskBriefing: '今日检修二号反应釜',
    safetyBriefing: '动火作业需办理动火证',
    measureBriefing: '配备灭火器两具，专人监护',
    attireChecked: true,
    mentalChecked: true,
    ppeChecked: true,
    attendance: team.members.map((m) => ({ teamMemberId: m.id, present: true })),
    ...overrides,
  });
  officer1 = await t.login('officer1');
  officer2 = await t.login('officer2');
  inspector = await t.login('inspector');
});
afterAll(() => t.close());

const report = (cookie: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/meetings', headers: { cookie }, payload });

describe('files uploaded before the report', { timeout: 120_000 }, () => {
  let photoId: string;
  let meetingId: string;
  const clientRef = randomUUID();

  it('are taken without a meeting, held for the enterprise and processed at once', async () => {
    const { created, complete } = await uploadFile(t.app, officer1, undefined, sample('photo-exif-gps.jpg'), 'image/jpeg');
    expect(created.statusCode).toBe(201);
    photoId = complete!.json().assetId;
    const media = await waitForMedia(t.app, officer1, photoId, ['READY', 'FAILED']);
    expect(media.status).toBe('READY');
    const row = await t.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: photoId } });
    expect(row).toMatchObject({ staged: true, meetingId: null });
    // Another enterprise cannot see it.
    expect((await t.app.inject({ url: `/api/media/${photoId}`, headers: { cookie: officer2 } })).statusCode).toBe(404);
  });

  it('need a meeting for accounts outside an enterprise', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { cookie: inspector },
      payload: { fileName: 'a.jpg', size: 1000, contentType: 'image/jpeg' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'meetingId', code: 'FIELD_REQUIRED' })]);
  });

  it("cannot be attached by another enterprise's report", async () => {
    const otherTeam = await t.platform.prisma.team.findFirstOrThrow({
      where: { enterprise: { users: { some: { username: 'officer2' } } } },
      include: { shifts: true, members: true },
    });
    const res = await report(
      officer2,
      input({
        teamId: otherTeam.id,
        shiftId: otherTeam.shifts[0]!.shiftId,
        attendance: otherTeam.members.map((m) => ({ teamMemberId: m.id, present: true })),
        mediaIds: [photoId],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual(expect.objectContaining({ field: 'mediaIds.0', code: 'STAGED_MEDIA_UNKNOWN' }));
  });

  it('join the meeting when it is reported, counting as its evidence and checked as such', async () => {
    const res = await report(officer1, input({ mediaIds: [photoId], clientRef }));
    expect(res.statusCode).toBe(201);
    meetingId = res.json().id;
    expect(res.json().mediaDetails.map((m: { id: string }) => m.id)).toEqual([photoId]);
    const row = await t.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: photoId } });
    expect(row).toMatchObject({ staged: false, meetingId });
    const due = await t.platform.prisma.dueMeeting.findUniqueOrThrow({ where: { meetingId } });
    expect(due.evidenceCount).toBe(1);
    // The photo was taken on another day than the meeting: the evidence check, queued by the attach, says so.
    await expect
      .poll(async () => (await t.platform.prisma.meetingFlag.findMany({ where: { meetingId, assetId: photoId } })).map((f) => f.kind), {
        timeout: 30_000,
      })
      .not.toEqual([]);
  });

  it('a retried submission returns the same meeting; another report of the slot is still a conflict', async () => {
    const again = await report(officer1, input({ mediaIds: [photoId], clientRef }));
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(meetingId);
    const other = await report(officer1, input({ clientRef: randomUUID() }));
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('MEETING_ALREADY_REPORTED');
  });

  it('a file of one meeting cannot be moved to another', async () => {
    const user = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: 'officer1' } });
    const second = await t.platform.prisma.team.findFirstOrThrow({
      where: { enterpriseId: user.enterpriseId!, name: { not: '甲班' } },
      include: { shifts: { include: { shift: true } }, members: true },
    });
    const shift = second.shifts[0]!.shift;
    // Reported inside that shift's own window, so only the file can be wrong.
    const before = clock.now;
    clock.now = at(meetingWindow(shift, DAY).dueUntil, -10);
    const res = await report(
      officer1,
      input({
        teamId: second.id,
        shiftId: shift.id,
        startedAt: at(clock.now, -5).toISOString(),
        attendance: second.members.map((m) => ({ teamMemberId: m.id, present: true })),
        mediaIds: [photoId],
      }),
    );
    clock.now = before;
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual(expect.objectContaining({ field: 'mediaIds.0', code: 'MEDIA_OF_OTHER_MEETING' }));
  });

  it("take the phone's original later, linked to its compressed copy in the same meeting", async () => {
    const { created, complete } = await uploadFile(t.app, officer1, meetingId, sample('photo-plain.jpg'), 'image/jpeg', {
      originalOf: photoId,
    });
    expect(created.statusCode).toBe(201);
    const original = await waitForMedia(t.app, officer1, complete!.json().assetId, ['READY', 'FAILED']);
    expect(original).toMatchObject({ status: 'READY', originalOf: photoId, meetingId });
    // Only for a file of the named meeting.
    const stray = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { cookie: officer1 },
      payload: { meetingId, originalOf: original.id, fileName: 'b.jpg', size: 1000, contentType: 'image/jpeg' },
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.details).toEqual([expect.objectContaining({ field: 'originalOf', code: 'ORIGINAL_NOT_OF_MEETING' })]);
  });

  it('are purged with their files when the report is never submitted', async () => {
    const { complete } = await uploadFile(t.app, officer1, undefined, sample('photo-plain.jpg'), 'image/jpeg');
    const abandoned = complete!.json().assetId as string;
    await waitForMedia(t.app, officer1, abandoned, ['READY', 'FAILED']);
    const objects = path.join(t.dataDir, 'objects', 'media', abandoned);
    expect((await fs.readdir(objects, { recursive: true })).length).toBeGreaterThan(0);
    // Only files older than the keeping time go; the attached photo stays whatever its age.
    await t.platform.prisma.mediaAsset.updateMany({
      where: { id: { in: [abandoned, photoId] } },
      data: { createdAt: at(clock.now, -8 * 24 * 60) },
    });
    expect(await t.platform.runtime.staged.purgeStale()).toBe(1);
    expect(await t.platform.prisma.mediaAsset.findUnique({ where: { id: abandoned } })).toBeNull();
    expect(await t.platform.prisma.mediaAsset.findUnique({ where: { id: photoId } })).not.toBeNull();
    await expect(fs.readdir(objects)).rejects.toThrow();
  });
});
