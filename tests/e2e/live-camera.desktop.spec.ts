import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { watchCsp } from './csp-watch.ts';
import { feedRtspCamera, startRtspServer, type Pusher, type RtspServer } from './live-support.ts';
import { loginApi, loginUi } from './support.ts';

// An RTSP camera live on the command wall, against a real RTSP server (rtsp-streaming-server in a
// child process) fed by ffmpeg as a meeting-room camera would be: officer1 registers it, the
// operator sees it 在线 in the camera list and watches it full screen; a recording started by hand
// enters the wall as a live tile with its 直播 badge, leaves when ended, and its recording goes to
// the media pipeline.

let rtsp: RtspServer | null = null;
const feeds: Pusher[] = [];

test.beforeAll(async () => {
  rtsp = await startRtspServer();
  feeds.push(feedRtspCamera(rtsp.publishUrl('cam1')));
  feeds.push(feedRtspCamera(rtsp.publishUrl('cam2'), { audio: false }));
});

test.afterAll(async () => {
  await Promise.all(feeds.map((f) => f.stop()));
  await rtsp?.stop();
});

const feedLogs = () => feeds.map((f, i) => `feed ${i + 1}: ${f.log()}`).join('\n');

/** The playhead of a <video>, sampled in the page. */
async function playhead(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((v: HTMLVideoElement) => v.currentTime);
}

/** The picture moves: the playhead advances by more than a second over two seconds. */
async function expectMoving(page: Page, selector: string): Promise<void> {
  const first = await playhead(page, selector);
  await page.waitForTimeout(2_000);
  expect((await playhead(page, selector)) - first, feedLogs()).toBeGreaterThan(1);
}

/** officer1 registers a camera (UDP) for the first team of the enterprise. */
async function registerCamera(request: APIRequestContext, name: string, rtspUrl: string): Promise<{ id: string }> {
  const me = await (await request.get('/api/auth/me')).json();
  const teams = await (await request.get(`/api/enterprises/${me.enterprise.id}/teams`)).json();
  const team = (Array.isArray(teams) ? teams : teams.items)[0];
  expect(team, 'a team of the officer’s enterprise').toBeTruthy();
  const res = await request.post('/api/cameras', { data: { name, teamId: team.id, rtspUrl, transport: 'UDP' } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

/** Checks now until the camera answers (its encoder may still be connecting to the RTSP server). */
async function checkUntilOnline(request: APIRequestContext, cameraId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await request.post(`/api/cameras/${cameraId}/check`);
        return res.ok() ? (await res.json()).status : `${res.status()} ${await res.text()}`;
      },
      { timeout: 40_000, intervals: [1_000, 2_000] },
    )
    .toBe('ONLINE');
}

async function openWall(page: Page): Promise<void> {
  await loginUi(page, 'command');
  await page.goto('/command');
  await expect(page.getByTestId('wall')).toBeVisible();
  await page.getByTestId('wall-layout-4').click();
  await expect(page.getByTestId('wall-connection')).toHaveAttribute('data-connected', 'true');
}

const overlayVideo = '[data-testid="camera-overlay"] [data-testid="live-overlay-video"]';

test('an RTSP camera shows 在线, plays full screen, and its recording plays on the wall as a live', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const csp = await watchCsp(page);
  await openWall(page);

  const officer = await browser.newContext();
  await loginApi(officer.request, 'officer1');
  const camera = await registerCamera(officer.request, 'e2e 会议室摄像头 RTSP', rtsp!.pullUrl('cam1'));
  try {
    await page.getByTestId('wall-cameras').click();
    const panel = page.getByTestId('camera-panel');
    await expect(panel).toBeVisible();
    const item = panel.locator(`[data-testid="camera-item"][data-camera-id="${camera.id}"]`);
    await expect(item).toContainText('e2e 会议室摄像头 RTSP');

    // officer1 checks it now: the camera.status event turns it 在线 in the open list.
    await checkUntilOnline(officer.request, camera.id);
    await expect(item.getByTestId('camera-status')).toHaveText('在线', { timeout: 30_000 });
    await expect(item).toHaveAttribute('data-status', 'ONLINE');
    await expect(panel.getByTestId('camera-count')).toContainText(/在线 [1-9]/);
    await page.screenshot({ path: 'test-results/e2e/screenshots/camera-panel.png' });

    // A click opens it full screen: the pull starts on demand and the low-latency player plays it.
    const clicked = Date.now();
    await item.click();
    const overlay = page.getByTestId('camera-overlay');
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('摄像头 · e2e 会议室摄像头 RTSP');
    await expect(page.locator(overlayVideo)).toHaveAttribute('data-live-delivery', 'flv');
    await expect(page.locator(overlayVideo), feedLogs()).toHaveAttribute('data-live-state', 'playing', { timeout: 45_000 });
    console.log(`camera with sound: playing ${Date.now() - clicked} ms after the click`);
    await expectMoving(page, overlayVideo);
    await expect(overlay.getByTestId('live-state')).toHaveCount(0); // no 连接中 / 重连 overlay
    const size = await page.locator(overlayVideo).evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight]);
    expect(size).toEqual([640, 360]);
    await page.screenshot({ path: 'test-results/e2e/screenshots/camera-fullscreen.png' });
    await overlay.getByTestId('live-overlay-close').click();
    await expect(overlay).toHaveCount(0);

    // officer1 records it by hand: a camera live enters the wall with its 直播 badge and plays.
    const recorded = await officer.request.post(`/api/cameras/${camera.id}/record`, { data: {} });
    expect(recorded.status(), await recorded.text()).toBe(201);
    const live = await recorded.json();
    expect(live).toMatchObject({ source: 'CAMERA', camera: { id: camera.id } });
    const tile = page.locator(`[data-testid="wall-tile"][data-live-id="${live.id}"]`);
    await expect(tile, feedLogs()).toBeVisible({ timeout: 45_000 });
    await expect(tile.getByTestId('live-badge')).toHaveText('直播');
    // Named once (the recording's title defaults to the camera's name).
    await expect(tile).toContainText('e2e 会议室摄像头 RTSP');
    expect((await tile.textContent())!.split('e2e 会议室摄像头 RTSP')).toHaveLength(2);
    const tileVideo = `[data-testid="wall-tile"][data-live-id="${live.id}"] [data-testid="wall-live-video"]`;
    await expect(page.locator(tileVideo)).toHaveAttribute('data-live-delivery', 'flv');
    await expect(page.locator(tileVideo), feedLogs()).toHaveAttribute('data-live-state', 'playing', { timeout: 45_000 });
    await expectMoving(page, tileVideo);
    await expect(tile.getByTestId('live-state')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/e2e/screenshots/camera-live-tile.png' });

    // officer1 ends it: the tile leaves, and the recording goes to the media pipeline.
    const ended = await officer.request.post(`/api/live/${live.id}/end`);
    expect(ended.status(), await ended.text()).toBe(200);
    await expect(tile).toHaveCount(0, { timeout: 20_000 });
    await expect
      .poll(async () => (await (await officer.request.get(`/api/live/${live.id}`)).json()).recordingMediaId, {
        timeout: 60_000,
        intervals: [1_000],
      })
      .toBeTruthy();
    const after = await (await officer.request.get(`/api/live/${live.id}`)).json();
    expect(after).toMatchObject({ status: 'ENDED', endReason: 'ENDED_BY_USER' });
    expect(await csp.violations()).toEqual([]);
  } finally {
    await officer.request.delete(`/api/cameras/${camera.id}`);
    await officer.close();
  }
});

test('a camera without sound plays full screen promptly', async ({ page, browser }) => {
  const officer = await browser.newContext();
  await loginApi(officer.request, 'officer1');
  const camera = await registerCamera(officer.request, 'e2e 无声摄像头', rtsp!.pullUrl('cam2'));
  try {
    await checkUntilOnline(officer.request, camera.id);
    await openWall(page);
    await page.getByTestId('wall-cameras').click();
    const item = page.locator(`[data-testid="camera-item"][data-camera-id="${camera.id}"]`);
    await expect(item.getByTestId('camera-status')).toHaveText('在线');
    const clicked = Date.now();
    await item.click();
    // As soon as one with sound (the pull starts on demand): node-media-server's FLV header claims
    // audio, and without the ingest correcting it the player would wait for sound forever.
    await expect(page.locator(overlayVideo), feedLogs()).toHaveAttribute('data-live-state', 'playing', { timeout: 25_000 });
    const took = Date.now() - clicked;
    await expectMoving(page, overlayVideo);
    await expect(page.locator(overlayVideo)).toHaveJSProperty('videoWidth', 640);
    console.log(`camera without sound: playing ${took} ms after the click`);
  } finally {
    await officer.request.delete(`/api/cameras/${camera.id}`);
    await officer.close();
  }
});
