// The live ingest for real: the API starts its ingest child (node-media-server + ffmpeg) on free
// ports; ffmpeg pushes a generated test pattern over RTMP; the HTTP-FLV and live HLS are read back
// and probed; wrong and revoked keys are refused; a publisher that drops and returns within the
// grace continues the same live; ending stores the recording like an upload, queued for
// processing and linked to its meeting; kill -9 of the ingest leaves no ffmpeg behind.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { meetingWindow } from '@platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cmdline,
  createLiveTestApp,
  createPushLive,
  exited,
  ingestGauges,
  probeStreams,
  processesWith,
  pushTestPattern,
  readStreamFor,
  teamWithShift,
  waitFor,
  type LiveTestApp,
} from '../support/live-ingest.ts';

const DAY = '2026-11-16'; // A Monday: every demo shift runs on it.
const clock = { now: new Date() };
const at = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);

let t: LiveTestApp;
let slot: Awaited<ReturnType<typeof teamWithShift>>;
const pushers: ReturnType<typeof pushTestPattern>[] = [];

beforeAll(async () => {
  t = await createLiveTestApp({ LIVE_RECONNECT_GRACE_SECONDS: '8', LIVE_MAX_TOTAL: '5' }, { now: () => clock.now });
  slot = await teamWithShift(t);
}, 60_000);
afterAll(async () => {
  for (const p of pushers) p.kill('SIGKILL');
  await t?.close();
});

const push = (url: string, seconds: number) => {
  const child = pushTestPattern(url, seconds);
  pushers.push(child);
  return child;
};
const liveRow = (id: string) => t.platform.prisma.liveStream.findUniqueOrThrow({ where: { id } });

describe('pushing over RTMP', () => {
  it('refuses a wrong key and a revoked one at connect', { timeout: 20_000 }, async () => {
    const live = await createPushLive(t, { enterpriseId: slot.enterpriseId });
    const wrong = push(t.rtmpUrl(live.id, 'not-the-key'), 5);
    expect(await exited(wrong)).not.toBe(0);
    await t.platform.prisma.liveStream.update({ where: { id: live.id }, data: { revokedAt: new Date() } });
    const revoked = push(t.rtmpUrl(live.id, live.key), 5);
    expect(await exited(revoked)).not.toBe(0);
    expect((await liveRow(live.id)).status).toBe('IDLE');
    expect((await t.ingest(`/streams/live/${live.id}.flv`)).status).toBe(404);
  });

  it('needs the shared secret on the internal HTTP, except for the liveness probe and metrics', async () => {
    const url = t.platform.ingest!.url;
    expect((await fetch(`${url}/health`)).status).toBe(403);
    expect(await (await t.ingest('/health')).json()).toMatchObject({ ok: true });
    expect((await fetch(`${url}/streams/live/${crypto.randomUUID()}.flv`)).status).toBe(403);
    expect(await (await fetch(`${url}/health/live`)).json()).toEqual({ status: 'ok' });
    // Without METRICS_TOKEN, metrics go to loopback callers not forwarded by a proxy, as the API's.
    expect((await fetch(`${url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
    expect(await ingestGauges(t)).toMatchObject({ onAir: 0, pulls: 0, rss: expect.any(Number) });
  });

  let liveId = '';
  let key = '';
  let pusher: ReturnType<typeof pushTestPattern>;

  it('goes on air: HTTP-FLV and live HLS carry the H.264 test pattern', { timeout: 40_000 }, async () => {
    ({ id: liveId, key } = await createPushLive(t, {
      enterpriseId: slot.enterpriseId,
      teamId: slot.teamId,
      shiftId: slot.shiftId,
      meetingDate: DAY,
      title: '一班班前会',
      createdById: slot.userId,
    }));
    pusher = push(t.rtmpUrl(liveId, key), 60);
    await waitFor('the live on air', async () => (await liveRow(liveId)).status === 'LIVE');
    const row = await liveRow(liveId);
    expect(row.startedAt).not.toBeNull();
    expect(row.videoCodec).toBe('h264');

    const flv = await t.ingest(`/streams/live/${liveId}.flv`);
    expect(flv.status).toBe(200);
    expect(flv.headers.get('content-type')).toBe('video/x-flv');
    const file = await readStreamFor(flv, 2000);
    const streams = await probeStreams(file);
    const av = streams.filter((s) => s.codec_type === 'audio' || s.codec_type === 'video');
    expect(av.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);

    const playlist = await waitFor('the live HLS playlist', async () => {
      const res = await t.ingest(`/streams/live/${liveId}/hls/live.m3u8`);
      const text = res.ok ? await res.text() : '';
      return /seg_\d+\.m4s/.test(text) ? { text, cache: res.headers.get('cache-control') } : null;
    });
    expect(playlist.cache).toBe('no-store');
    expect(playlist.text).toContain('#EXT-X-MAP:URI="init.mp4"');
    const segment = /(seg_\d+\.m4s)/.exec(playlist.text)![1]!;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'live-hls-'));
    const init = Buffer.from(await (await t.ingest(`/streams/live/${liveId}/hls/init.mp4`)).arrayBuffer());
    const seg = Buffer.from(await (await t.ingest(`/streams/live/${liveId}/hls/${segment}`)).arrayBuffer());
    await fs.writeFile(path.join(dir, 'joined.mp4'), Buffer.concat([init, seg]));
    expect((await probeStreams(path.join(dir, 'joined.mp4'))).find((s) => s.codec_type === 'video')).toMatchObject({
      codec_name: 'h264',
      width: 320,
    });
    expect((await t.ingest(`/streams/live/${liveId}/hls/../../x`)).status).toBe(404);
    expect(await ingestGauges(t)).toMatchObject({ onAir: 1 });
    // Nobody watches around the signed links: a play over the public RTMP port is refused.
    const rtmpPlay = await probeStreams(`rtmp://127.0.0.1:${t.ports.rtmp}/live/${liveId}`);
    expect(rtmpPlay).toEqual([]);
  });

  it('a crashed packager is restarted and the gap recorded', { timeout: 30_000 }, async () => {
    const packager = processesWith(liveId).find((pid) => cmdline(pid).includes(' tee '));
    expect(packager).toBeDefined();
    process.kill(packager!, 'SIGKILL');
    const gaps = await waitFor('the gap closed', async () => {
      const all = (await liveRow(liveId)).gaps as { from: string; to: string | null; reason: string }[];
      return all.length === 1 && all[0]!.to ? all : null;
    });
    expect(gaps[0]!.reason).toBe('PACKAGER_RESTARTED');
    expect(await waitFor('a new packager', () => processesWith(liveId).find((pid) => cmdline(pid).includes(' tee ')))).not.toBe(packager);
    expect((await liveRow(liveId)).status).toBe('LIVE');
  });

  it(
    'a publisher that drops and returns within the grace continues the same live, with the gap recorded',
    { timeout: 40_000 },
    async () => {
      pusher.kill('SIGKILL');
      await waitFor('the live interrupted', async () => (await liveRow(liveId)).interruptedAt !== null);
      expect((await liveRow(liveId)).status).toBe('LIVE');
      pusher = push(t.rtmpUrl(liveId, key), 60);
      await waitFor('the live resumed', async () => (await liveRow(liveId)).interruptedAt === null);
      const row = await liveRow(liveId);
      expect(row.status).toBe('LIVE');
      const gaps = row.gaps as { from: string; to: string | null; reason: string }[];
      expect(gaps.map((g) => g.reason)).toEqual(['PACKAGER_RESTARTED', 'PUBLISHER_DROPPED']);
      expect(gaps[1]!.to).not.toBeNull();
      expect(await t.platform.prisma.liveStream.count({ where: { status: 'LIVE' } })).toBe(1);
      await new Promise((r) => setTimeout(r, 2500));
    },
  );

  it(
    'ending stores the recording like an upload, queued for processing; it joins the meeting when that is reported',
    { timeout: 60_000 },
    async () => {
      const res = await t.ingest(`/control/lives/${liveId}/end`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'ENDED_BY_USER' }),
      });
      expect(res.status).toBe(204);
      expect(await exited(pusher)).not.toBeUndefined();
      const row = await waitFor('the recording', async () => {
        const r = await liveRow(liveId);
        return r.recordingAssetId ? r : null;
      });
      expect(row).toMatchObject({ status: 'ENDED', endReason: 'ENDED_BY_USER', interruptedAt: null, meetingId: null });
      const assetId = row.recordingAssetId!;
      const asset = await t.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: assetId } });
      // No meeting reported yet for its team's shift that day: held for it.
      expect(asset).toMatchObject({ kind: 'VIDEO', status: 'UPLOADED', meetingId: null, staged: true, enterpriseId: slot.enterpriseId });
      expect(asset.originalName).toBe('直播录像-一班班前会.mp4');
      // The same file an upload would leave, where the media job reads it: both parts, audio and video.
      const copy = path.join(t.dataDir, 'rec.mp4');
      await t.platform.runtime.store.downloadTo(asset.sourceKey, copy);
      expect((await probeStreams(copy)).map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
      const jobs = await t.platform.prisma.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'media.process' AND data->>'assetId' = ${assetId}`;
      expect(Number(jobs[0]!.n)).toBe(1);
      // Nothing left: no ffmpeg for the live, no work directory.
      expect(processesWith(liveId)).toEqual([]);
      await expect(fs.stat(path.join(t.dataDir, 'live', liveId))).rejects.toThrow();

      // The meeting is reported: the recording becomes its video.
      const team = await t.platform.prisma.team.findUniqueOrThrow({ where: { id: slot.teamId }, include: { members: true } });
      const shift = await t.platform.prisma.shift.findUniqueOrThrow({ where: { id: slot.shiftId } });
      clock.now = at(meetingWindow(shift, DAY).dueUntil, -10);
      const officer = await t.login('officer1');
      const reported = await t.app.inject({
        method: 'POST',
        url: '/api/meetings',
        headers: { cookie: officer },
        payload: {
          teamId: slot.teamId,
          shiftId: slot.shiftId,
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
          mediaIds: [],
        },
      });
      expect(reported.statusCode).toBe(201);
      const meetingId = reported.json().id as string;
      expect(await t.platform.prisma.mediaAsset.findUniqueOrThrow({ where: { id: assetId } })).toMatchObject({ meetingId, staged: false });
      expect((await liveRow(liveId)).meetingId).toBe(meetingId);
      expect(reported.json().mediaDetails.map((m: { id: string }) => m.id)).toEqual([assetId]);
    },
  );
});

describe('process lifecycle', () => {
  it('a stopped ingest (SIGTERM) ends its lives and stores their recordings before it exits', { timeout: 60_000 }, async () => {
    const live = await createPushLive(t, { enterpriseId: slot.enterpriseId, title: '停止测试' });
    const pusher = push(t.rtmpUrl(live.id, live.key), 60);
    await waitFor('the live on air', async () => (await liveRow(live.id)).status === 'LIVE');
    const part = path.join(t.dataDir, 'live', live.id, 'rec', 'part-1.mp4');
    await waitFor('a recorded fragment', async () => ((await fs.stat(part).catch(() => null))?.size ?? 0) > 30_000);
    const ingest = t.ingestPid();
    process.kill(ingest, 'SIGTERM');
    const row = await waitFor('the recording', async () => {
      const r = await liveRow(live.id);
      return r.recordingAssetId ? r : null;
    });
    expect(row).toMatchObject({ status: 'ENDED', endReason: 'INGEST_RESTARTED' });
    expect(processesWith(live.id)).toEqual([]);
    pusher.kill('SIGKILL');
    // The API starts it again.
    await waitFor('a new ingest', async () => (await t.ingest('/health').catch(() => null))?.ok, 30_000);
  });

  it(
    'kill -9 of the ingest leaves no ffmpeg; the next ingest ends the live and stores what was recorded',
    { timeout: 60_000 },
    async () => {
      const live = await createPushLive(t, { enterpriseId: slot.enterpriseId, title: '中断测试' });
      const pusher = push(t.rtmpUrl(live.id, live.key), 60);
      await waitFor('the live on air', async () => (await liveRow(live.id)).status === 'LIVE');
      await waitFor('its packager', () => processesWith(live.id).length > 0);
      // A few seconds recorded (fragments are flushed as they are written).
      const part = path.join(t.dataDir, 'live', live.id, 'rec', 'part-1.mp4');
      await waitFor('a recorded fragment', async () => ((await fs.stat(part).catch(() => null))?.size ?? 0) > 30_000);
      const ingest = t.ingestPid();
      process.kill(ingest, 'SIGKILL');
      await waitFor('no ffmpeg of the live', () => processesWith(live.id).length === 0, 5000);
      pusher.kill('SIGKILL');
      // The API starts its ingest again; that one ends the live and stores its recording.
      const row = await waitFor(
        'the live ended by the restarted ingest',
        async () => {
          const r = await liveRow(live.id);
          return r.recordingAssetId ? r : null;
        },
        30_000,
      );
      expect(row).toMatchObject({ status: 'ENDED', endReason: 'INGEST_RESTARTED' });
      expect(t.ingestPid()).not.toBe(ingest);
    },
  );
});
