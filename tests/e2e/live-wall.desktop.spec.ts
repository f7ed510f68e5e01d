import { expect, test } from '@playwright/test';
import { watchCsp } from './csp-watch.ts';
import { createLiveApi, pushTestPattern, type Pusher } from './live-support.ts';
import { loginApi, loginUi } from './support.ts';

/** The playhead of the live tile's video, sampled in the page. */
async function playhead(page: import('@playwright/test').Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((v: HTMLVideoElement) => v.currentTime);
}

test('a live pushed over RTMP plays on the command wall with its 直播 badge', async ({ page, browser }) => {
  const csp = await watchCsp(page);
  await loginUi(page, 'command');
  await page.goto('/command');
  await expect(page.getByTestId('wall')).toBeVisible();
  await page.getByTestId('wall-layout-4').click();
  await expect(page.getByTestId('wall-connection')).toHaveAttribute('data-connected', 'true');

  // officer1 creates a live from elsewhere and an encoder pushes to the URL it was given.
  const officer = await browser.newContext();
  await loginApi(officer.request, 'officer1');
  const publishing = await createLiveApi(officer.request, '班前会直播 e2e');
  expect(publishing.url).toMatch(/^rtmp:\/\/127\.0\.0\.1:39351\/live\//);
  let pusher: Pusher | null = null;
  try {
    pusher = pushTestPattern(publishing.url);
    const tile = page.locator(`[data-testid="wall-tile"][data-live-id="${publishing.live.id}"]`);
    // The live.changed event brings it onto the wall without a reload.
    await expect(tile, pusher.log()).toBeVisible({ timeout: 45_000 });
    await expect(tile.getByTestId('live-badge')).toHaveText('直播');

    const video = `[data-testid="wall-tile"][data-live-id="${publishing.live.id}"] [data-testid="wall-live-video"]`;
    await expect(page.locator(video)).toHaveAttribute('data-live-delivery', 'flv');
    await expect(page.locator(video)).toHaveAttribute('data-live-state', 'playing', { timeout: 45_000 });
    // The picture moves: the playhead advances by more than a second over two seconds.
    const first = await playhead(page, video);
    await page.waitForTimeout(2_000);
    const second = await playhead(page, video);
    expect(second - first, pusher.log()).toBeGreaterThan(1);
    // And stays near the live edge (sub-second target; generous for a loaded CI machine).
    const behind = await page
      .locator(video)
      .evaluate((v: HTMLVideoElement) => (v.buffered.length ? v.buffered.end(v.buffered.length - 1) - v.currentTime : 0));
    expect(behind).toBeLessThan(2.5);
    await expect(tile.getByTestId('live-state')).toHaveCount(0); // no 连接中 / 重连 overlay

    await page.screenshot({ path: 'test-results/e2e/screenshots/live-wall.png', fullPage: false });

    // The fallback for browsers without Media Source, forced: live HLS through hls.js, a few seconds behind.
    const hlsPage = await page.context().newPage();
    await hlsPage.goto('/command?livePlayer=hls');
    const hlsVideo = hlsPage.locator(video);
    await expect(hlsVideo).toHaveAttribute('data-live-delivery', 'hls-js', { timeout: 30_000 });
    await expect(hlsVideo).toHaveAttribute('data-live-state', 'playing', { timeout: 60_000 });
    const hlsFirst = await playhead(hlsPage, video);
    await hlsPage.waitForTimeout(2_000);
    expect((await playhead(hlsPage, video)) - hlsFirst).toBeGreaterThan(1);
    await hlsPage.close();

    // Open full screen: the same live, larger, with controls.
    await tile.hover();
    await tile.getByTestId('tile-open').click();
    const overlay = page.getByTestId('live-overlay');
    await expect(overlay).toBeVisible();
    await expect(overlay.getByTestId('live-overlay-video')).toHaveAttribute('data-live-state', 'playing', { timeout: 45_000 });
    await overlay.getByTestId('live-overlay-close').click();
    await expect(overlay).toHaveCount(0);

    // The encoder drops: the tile says 信号中断 and the player waits; the encoder comes back within
    // the grace and the same tile plays again by itself.
    await pusher.stop();
    await expect(tile.getByTestId('live-interrupted')).toHaveText('信号中断', { timeout: 20_000 });
    await expect(page.locator(video)).toHaveAttribute('data-live-state', 'reconnecting', { timeout: 20_000 });
    await expect(tile.getByTestId('live-state')).toHaveText('直播中断，正在重连…');
    pusher = pushTestPattern(publishing.url);
    await expect(tile.getByTestId('live-interrupted')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator(video)).toHaveAttribute('data-live-state', 'playing', { timeout: 45_000 });
    const resumed = await playhead(page, video);
    await page.waitForTimeout(2_000);
    expect((await playhead(page, video)) - resumed, pusher.log()).toBeGreaterThan(1);

    // The officer ends the live: it leaves the wall.
    const ended = await officer.request.post(`/api/live/${publishing.live.id}/end`);
    expect(ended.status(), await ended.text()).toBe(200);
    await expect(tile).toHaveCount(0, { timeout: 20_000 });
    expect(await csp.violations()).toEqual([]);
  } finally {
    await pusher?.stop();
    await officer.close();
  }
});

test('the camera list shows each camera with its status and opens one full screen', async ({ page, browser }) => {
  // officer1 registers a camera nobody answers at.
  const officer = await browser.newContext();
  await loginApi(officer.request, 'officer1');
  const created = await officer.request.post('/api/cameras', {
    data: { name: 'e2e 会议室摄像头', rtspUrl: 'rtsp://127.0.0.1:39359/Streaming/Channels/101', transport: 'TCP' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const camera = await created.json();

  try {
    await loginUi(page, 'command');
    await page.goto('/command');
    await expect(page.getByTestId('wall-connection')).toHaveAttribute('data-connected', 'true');
    await page.getByTestId('wall-cameras').click();
    const panel = page.getByTestId('camera-panel');
    await expect(panel).toBeVisible();
    const item = panel.locator(`[data-testid="camera-item"][data-camera-id="${camera.id}"]`);
    await expect(item).toContainText('e2e 会议室摄像头');
    // Not checked yet (or already by the periodic check).
    await expect(item.getByTestId('camera-status')).toHaveText(/未检测|离线/);
    // The officer asks for a check now: the camera.status event updates the open list.
    await officer.request.post(`/api/cameras/${camera.id}/check`);
    await expect(item.getByTestId('camera-status')).toHaveText('离线', { timeout: 30_000 });
    await expect(panel.getByTestId('camera-count')).toContainText('在线 0 /');

    await item.click();
    const overlay = page.getByTestId('camera-overlay');
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('摄像头 · e2e 会议室摄像头');
    // Nothing to play from an offline camera: the player says it is (re)connecting instead of failing.
    await expect(overlay.getByTestId('live-state')).toHaveText(/连接中|正在重连/);
    await overlay.getByTestId('live-overlay-close').click();
    await expect(overlay).toHaveCount(0);
  } finally {
    await officer.request.delete(`/api/cameras/${camera.id}`);
    await officer.close();
  }
});
