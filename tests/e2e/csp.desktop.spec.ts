import { expect, test } from '@playwright/test';
import { watchCsp } from './csp-watch.ts';
import { expectPlaying, loginApi, loginUi, reportMeetingApi, uploadApi } from './support.ts';

// The command centre's wall under the CSP: live events, hls.js (its transmuxer may run in a blob:
// worker) and Media Source playback, with nothing refused.
test('the wall plays a meeting without a single CSP violation', async ({ page, browser }) => {
  const csp = await watchCsp(page);
  await loginUi(page, 'command');
  await page.goto('/command');
  await page.getByTestId('wall-layout-9').click();
  await expect(page.getByTestId('wall-connection')).toHaveAttribute('data-connected', 'true');
  const officer = await browser.newContext();
  // Another enterprise than the phone tests' officer1, whose free slots of the day the wall test needs.
  await loginApi(officer.request, 'officer2');
  const meetingId = await reportMeetingApi(officer.request);
  await uploadApi(officer.request, meetingId, 'landscape-720p-h264-aac.mp4', 'video/mp4');
  await expectPlaying(page, `[data-testid="wall-tile"][data-meeting-id="${meetingId}"] [data-testid="wall-video"]`);
  expect(await csp.violations()).toEqual([]);
  await officer.close();
});
