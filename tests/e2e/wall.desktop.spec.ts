import { expect, test } from '@playwright/test';
import { expectPlaying, loginApi, loginUi, reportMeetingApi, shanghaiDay, uploadApi } from './support.ts';

test('the wall shows a newly reported meeting without reload and plays its video', async ({ page, browser }) => {
  const hlsErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /hls|fatal/i.test(m.text())) hlsErrors.push(m.text());
  });
  await loginUi(page, 'command');
  await page.goto('/command');
  await expect(page.getByTestId('wall')).toBeVisible();
  await page.getByTestId('wall-layout-4').click();
  await expect(page.getByTestId('wall-connection')).toHaveAttribute('data-connected', 'true');
  const navigations: string[] = [];
  page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));

  // officer1 reports from elsewhere (another browser context) while the wall stays open.
  const officer = await browser.newContext();
  await loginApi(officer.request, 'officer1');
  // A past day: today's slots of officer1 go to the phone specs (before 07:00 only the night shift's is open).
  const meetingId = await reportMeetingApi(officer.request, shanghaiDay(-5));
  const tile = page.locator(`[data-testid="wall-tile"][data-meeting-id="${meetingId}"]`);
  await expect(tile).toBeVisible({ timeout: 10_000 });
  await uploadApi(officer.request, meetingId, 'landscape-720p-h264-aac.mp4', 'video/mp4');

  await expectPlaying(page, `[data-testid="wall-tile"][data-meeting-id="${meetingId}"] [data-testid="wall-video"]`);
  expect(navigations).toEqual([]); // no reload happened
  expect(hlsErrors).toEqual([]);
  await page.screenshot({ path: 'test-results/e2e/screenshots/wall.png', fullPage: false });
  await officer.close();
});
