// Cameras through a real ingest: a real RTSP server (rtsp-streaming-server in a child process,
// fed by ffmpeg) is pulled over UDP on demand for viewing (HTTP-FLV and live HLS), the pull stops
// when nobody watches, a camera that cannot be reached or goes away is marked offline, and
// automatic recording in a shift's meeting window produces that meeting's video.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@platform/core';
import {
  createCamera,
  createLiveTestApp,
  freePort,
  ingestGauges,
  probeStreams,
  processesWith,
  pushTestPattern,
  readStreamFor,
  startRtspServer,
  teamWithShift,
  waitFor,
  type LiveTestApp,
} from '../support/live-ingest.ts';

let t: LiveTestApp;
let rtsp: Awaited<ReturnType<typeof startRtspServer>>;
let slot: Awaited<ReturnType<typeof teamWithShift>>;
const feeds: ReturnType<typeof pushTestPattern>[] = [];

beforeAll(async () => {
  rtsp = await startRtspServer();
  feeds.push(pushTestPattern(rtsp.publishUrl('cam1'), 120, 'rtsp'));
  t = await createLiveTestApp({ LIVE_IDLE_STOP_SECONDS: '2', LIVE_CAMERA_CHECK_SECONDS: '2' });
  slot = await teamWithShift(t);
}, 60_000);
afterAll(async () => {
  for (const f of feeds) f.kill('SIGKILL');
  rtsp?.stop();
  await t?.close();
});

const cameraRow = (id: string) => t.platform.prisma.camera.findUniqueOrThrow({ where: { id } });

describe('a camera pulled over RTSP', () => {
  let cameraId = '';

  it('is pulled on demand (UDP) and its HTTP-FLV carries H.264; checks say ONLINE', { timeout: 40_000 }, async () => {
    cameraId = (await createCamera(t, { enterpriseId: slot.enterpriseId, url: rtsp.pullUrl('cam1'), transport: 'UDP' })).id;
    const flv = await t.ingest(`/streams/camera/${cameraId}.flv`);
    expect(flv.status).toBe(200);
    const file = await readStreamFor(flv, 2500);
    expect((await probeStreams(file)).find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 320 });
    expect(await ingestGauges(t)).toMatchObject({ pulls: 1 });
    const check = await t.ingest(`/control/cameras/${cameraId}/check`, { method: 'POST' });
    expect(await check.json()).toMatchObject({ status: 'ONLINE', reason: null });
    expect(await cameraRow(cameraId)).toMatchObject({ status: 'ONLINE', statusReason: null });
  });

  it('stops the pull when nobody watches for the idle grace, and serves live HLS on demand', { timeout: 40_000 }, async () => {
    await waitFor('the pull stopped', () => processesWith(`/camera/${cameraId}`).length === 0, 15_000);
    await waitFor('the pull gauge at 0', async () => (await ingestGauges(t)).pulls === 0, 5_000);
    const playlist = await waitFor(
      'the camera HLS',
      async () => {
        const res = await t.ingest(`/streams/camera/${cameraId}/hls/live.m3u8`);
        const text = res.ok ? await res.text() : '';
        return /seg_\d+\.m4s/.test(text) ? text : null;
      },
      25_000,
    );
    expect(playlist).toContain('init.mp4');
    expect(processesWith(`/camera/${cameraId}`).length).toBeGreaterThan(0);
    // Nobody asks for it any more: stopped again.
    await waitFor('the pull stopped again', () => processesWith(`/camera/${cameraId}`).length === 0, 15_000);
  });

  it('a camera that cannot be reached answers 503 with the reason and is marked OFFLINE', { timeout: 30_000 }, async () => {
    const closed = await freePort();
    const dead = await createCamera(t, {
      enterpriseId: slot.enterpriseId,
      url: `rtsp://user:secret@127.0.0.1:${closed}/x`,
      transport: 'TCP',
    });
    const res = await t.ingest(`/streams/camera/${dead.id}.flv`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ code: 'CAMERA_UNREACHABLE', params: { reason: 'REFUSED' } });
    await waitFor('OFFLINE', async () => (await cameraRow(dead.id)).status === 'OFFLINE');
    expect((await cameraRow(dead.id)).statusReason).toBe('REFUSED');
  });

  it('a camera that goes away is marked OFFLINE by the periodic check', { timeout: 40_000 }, async () => {
    const other = await startRtspServer();
    const feed = pushTestPattern(other.publishUrl('cam2'), 60, 'rtsp');
    feeds.push(feed);
    const cam = await createCamera(t, { enterpriseId: slot.enterpriseId, url: other.pullUrl('cam2'), transport: 'UDP' });
    await waitFor('ONLINE', async () => (await cameraRow(cam.id)).status === 'ONLINE', 20_000);
    // The camera's power is cut.
    other.stop();
    feed.kill('SIGKILL');
    await waitFor('OFFLINE', async () => (await cameraRow(cam.id)).status === 'OFFLINE', 20_000);
    expect((await cameraRow(cam.id)).statusReason).toBe('REFUSED');
  });

  it('encodes a camera that sends H.265 to H.264 once, in the pull', { timeout: 40_000 }, async () => {
    feeds.push(pushTestPattern(rtsp.publishUrl('cam3'), 60, 'rtsp', 'hevc'));
    const cam = await createCamera(t, { enterpriseId: slot.enterpriseId, url: rtsp.pullUrl('cam3'), transport: 'UDP' });
    const flv = await waitFor('the FLV', async () => {
      const res = await t.ingest(`/streams/camera/${cam.id}.flv`);
      return res.status === 200 ? res : null;
    });
    const file = await readStreamFor(flv, 2500);
    expect((await probeStreams(file)).find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 320 });
    expect((await cameraRow(cam.id)).videoCodec).toBe('hevc');
  });
});

describe('a recording started by hand', () => {
  it('records a CAMERA live made by the API until it is ended; viewers of the camera get its window', { timeout: 40_000 }, async () => {
    const prisma = t.platform.prisma;
    // The camera of the first tests again, under another loopback address: an enterprise registers an address once.
    const cam = await createCamera(t, { enterpriseId: slot.enterpriseId, url: rtsp.pullUrl('cam1').replace('127.0.0.1', '127.0.0.2') });
    const live = await prisma.liveStream.create({
      data: { enterpriseId: slot.enterpriseId, title: '手动录制', source: 'CAMERA', cameraId: cam.id, createdById: slot.userId },
    });
    expect((await t.ingest(`/control/lives/${live.id}/start`, { method: 'POST' })).status).toBe(202);
    await waitFor('on air', async () => (await prisma.liveStream.findUniqueOrThrow({ where: { id: live.id } })).status === 'LIVE');
    const playlist = await waitFor('the camera HLS from the recording live', async () => {
      const res = await t.ingest(`/streams/camera/${cam.id}/hls/live.m3u8`);
      const text = res.ok ? await res.text() : '';
      return /seg_\d+\.m4s/.test(text) ? text : null;
    });
    expect(playlist).toContain('#EXTINF');
    const end = await t.ingest(`/control/lives/${live.id}/end`, { method: 'POST', body: JSON.stringify({ reason: 'ENDED_BY_USER' }) });
    expect(end.status).toBe(204);
    const row = await waitFor('the recording', async () => {
      const r = await prisma.liveStream.findUniqueOrThrow({ where: { id: live.id } });
      return r.recordingAssetId ? r : null;
    });
    expect(row).toMatchObject({ status: 'ENDED', endReason: 'ENDED_BY_USER' });
    // No meeting slot named: the enterprise's file, not held for a report.
    expect(await prisma.mediaAsset.findUniqueOrThrow({ where: { id: row.recordingAssetId! } })).toMatchObject({
      meetingId: null,
      staged: false,
    });
  });
});

describe('automatic recording', () => {
  it('records the camera during the meeting window of its team; the recording becomes the meeting video', { timeout: 60_000 }, async () => {
    const prisma = t.platform.prisma;
    const today = shanghaiDate(new Date());
    // A shift starting in 30 minutes, its meeting window (60 minutes before) open now, every day.
    const nowMinute = Math.floor(((Date.now() + 8 * 3_600_000) % 86_400_000) / 60_000);
    const shift = await prisma.shift.create({
      data: {
        enterpriseId: slot.enterpriseId,
        name: `直播测试班 ${Date.now()}`,
        startMinute: (nowMinute + 30) % 1440,
        endMinute: (nowMinute + 90) % 1440,
        overnight: nowMinute + 90 >= 1440,
        daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
        meetingWindowBefore: 60,
        meetingWindowAfter: 30,
      },
    });
    const meetingDate = shanghaiDate(new Date(Date.now() + 30 * 60_000));
    await prisma.teamShift.create({ data: { teamId: slot.teamId, shiftId: shift.id, effectiveFrom: new Date(`${today}T00:00:00Z`) } });
    const cam = await createCamera(t, {
      enterpriseId: slot.enterpriseId,
      teamId: slot.teamId,
      url: rtsp.pullUrl('cam1').replace('127.0.0.1', '127.0.0.3'),
      autoRecord: true,
    });

    const live = await waitFor('the automatic recording', () =>
      prisma.liveStream.findFirst({ where: { cameraId: cam.id, shiftId: shift.id, status: 'LIVE' } }),
    );
    expect(live).toMatchObject({ source: 'CAMERA', teamId: slot.teamId, enterpriseId: slot.enterpriseId });
    expect(live.meetingDate!.toISOString().slice(0, 10)).toBe(meetingDate);
    // The live plays like a push: its FLV maps to the camera's stream.
    const flv = await t.ingest(`/streams/live/${live.id}.flv`);
    expect(flv.status).toBe(200);
    await readStreamFor(flv, 3000);

    // The meeting is reported meanwhile; then the window closes (the shift moved earlier).
    const meeting = await prisma.meeting.create({
      data: {
        enterpriseId: slot.enterpriseId,
        teamId: slot.teamId,
        shiftId: shift.id,
        meetingDate: new Date(`${meetingDate}T00:00:00Z`),
        startedAt: new Date(),
        hostName: '王班长',
        taskBriefing: '任务',
        safetyBriefing: '安全',
        measureBriefing: '措施',
        attireChecked: true,
        mentalChecked: true,
        ppeChecked: true,
        hazards: [],
      },
    });
    await prisma.shift.update({
      where: { id: shift.id },
      data: { startMinute: (nowMinute + 1440 - 120) % 1440, endMinute: (nowMinute + 1440 - 60) % 1440 },
    });
    const ended = await waitFor(
      'the recording of the closed window',
      async () => {
        const row = await prisma.liveStream.findUniqueOrThrow({ where: { id: live.id } });
        return row.recordingAssetId ? row : null;
      },
      30_000,
    );
    expect(ended).toMatchObject({ status: 'ENDED', endReason: 'WINDOW_CLOSED', meetingId: meeting.id });
    const asset = await prisma.mediaAsset.findUniqueOrThrow({ where: { id: ended.recordingAssetId! } });
    expect(asset).toMatchObject({ kind: 'VIDEO', meetingId: meeting.id, staged: false, status: 'UPLOADED' });
    // One window, one recording.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await prisma.liveStream.count({ where: { cameraId: cam.id } })).toBe(1);
  });
});
