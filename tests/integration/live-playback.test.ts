// Watching a live through the API with a real ingest: ffmpeg pushes to the publish address the
// API handed out, playLive's signed HTTP-FLV link is read over real HTTP and its bytes probed;
// a token of another live is refused, logout ends the link, a key rotation drops the encoder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLiveTestApp,
  exited,
  probeStreams,
  pushTestPattern,
  readStreamFor,
  waitFor,
  type LiveTestApp,
} from '../support/live-ingest.ts';
import { teamWithShift } from '../support/live-ingest.ts';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

let t: LiveTestApp;
let base: string;
let cookie: string;
let pusher: ChildProcess | undefined;

beforeAll(async () => {
  t = await createLiveTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  cookie = await t.login('officer1');
}, 60_000);
afterAll(async () => {
  pusher?.kill('SIGKILL');
  await t?.close();
});

const api = (path: string, init: RequestInit = {}, who = cookie) =>
  fetch(`${base}${path}`, {
    ...init,
    headers: { cookie: who, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) },
  });

/** Established TCP connections to 127.0.0.1:`port` (the API's requests to the ingest), from /proc/net/tcp. */
function connectionsTo(port: number): number {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2]?.endsWith(hex) && cols[3] === '01').length;
}

describe('a pushed live through the API', () => {
  it('plays over the signed HTTP-FLV link, refuses another id, and stops at logout', async () => {
    const { teamId, shiftId } = await teamWithShift(t);
    const created = await api('/api/live', { method: 'POST', body: JSON.stringify({ teamId, shiftId, title: '直播回放测试' }) });
    expect(created.status).toBe(201);
    const publishing = (await created.json()) as { live: { id: string }; url: string; server: string };
    const id = publishing.live.id;
    expect(publishing.server).toBe(`rtmp://127.0.0.1:${t.ports.rtmp}/live`);
    pusher = pushTestPattern(publishing.url, 60);
    await waitFor(
      'the live on air',
      async () => ((await (await api(`/api/live/${id}`)).json()) as { status: string }).status === 'LIVE',
      30_000,
    );

    const play = await api(`/api/live/${id}/play`);
    expect(play.status).toBe(200);
    const links = (await play.json()) as { flvUrl: string; hlsUrl: string };
    expect(links.flvUrl).toMatch(new RegExp(`^/api/live-media/${id}/[A-Za-z0-9_-]+/stream\\.flv$`));

    // The link is the credential: no cookie.
    const before = connectionsTo(t.ports.ingest);
    const flv = await fetch(`${base}${links.flvUrl}`);
    expect(connectionsTo(t.ports.ingest)).toBeGreaterThan(before);
    expect(flv.status).toBe(200);
    expect(flv.headers.get('content-type')).toContain('flv');
    expect(flv.headers.get('cache-control')).toBe('no-store');
    const file = await readStreamFor(flv, 3_000);
    const streams = await probeStreams(file);
    expect(streams).toEqual(expect.arrayContaining([expect.objectContaining({ codec_type: 'video', codec_name: 'h264' })]));
    // The viewer went away: the API dropped its endless request to the ingest too.
    await waitFor('the relay to the ingest closed', () => connectionsTo(t.ports.ingest) <= before, 5_000);

    // Live HLS behind the same token.
    const playlist = await waitFor(
      'the live playlist',
      async () => {
        const res = await fetch(`${base}${links.hlsUrl}`);
        return res.status === 200 ? res.text() : null;
      },
      20_000,
    );
    expect(playlist).toContain('#EXTM3U');

    // The same token under another live's id: refused.
    const other = await api('/api/live', { method: 'POST', body: JSON.stringify({ teamId, title: '另一个直播' }) });
    const otherId = ((await other.json()) as { live: { id: string } }).live.id;
    const swapped = await fetch(`${base}${links.flvUrl.replace(id, otherId)}`);
    expect(swapped.status).toBe(403);
    expect(((await swapped.json()) as { error: { code: string } }).error.code).toBe('LINK_INVALID');

    // Logging out ends the links issued to the session.
    expect((await api('/api/auth/logout', { method: 'POST' })).status).toBeLessThan(300);
    const after = await fetch(`${base}${links.flvUrl}`);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('LINK_SESSION_ENDED');
    cookie = await t.login('officer1');

    // A new key drops the encoder pushing with the old one.
    expect((await api(`/api/live/${id}/rotate-key`, { method: 'POST' })).status).toBe(200);
    await waitFor('the old publisher dropped', () => pusher!.exitCode !== null || pusher!.signalCode !== null, 15_000);
    await exited(pusher);

    const ended = await api(`/api/live/${id}/end`, { method: 'POST' });
    expect(ended.status).toBe(200);
    await waitFor(
      'the live ended',
      async () => ((await (await api(`/api/live/${id}`)).json()) as { status: string }).status === 'ENDED',
      20_000,
    );
  }, 120_000);
});
