import { expect, test } from '@playwright/test';
import { watchCsp } from './csp-watch.ts';
import { expectPlaying, loginUi, reportMeetingApi, shanghaiDay, uploadApi } from './support.ts';

// The pages run under the API's Content-Security-Policy (scripts only from the site and the
// hashed bootstrap, hls.js in blob: workers and media): nothing the app needs may be refused.
test('a meeting page plays its video and shows its photo without a single CSP violation', async ({ page }) => {
  const csp = await watchCsp(page);
  const response = await page.goto('/login');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
  await loginUi(page, 'officer1');
  const meetingId = await reportMeetingApi(page.request, shanghaiDay(-2));
  await uploadApi(page.request, meetingId, 'landscape-720p-h264-aac.mp4', 'video/mp4');
  await uploadApi(page.request, meetingId, 'photo-exif-gps.jpg', 'image/jpeg');

  await page.goto(`/enterprise/meetings/${meetingId}`);
  const video = page.getByTestId('meeting-video');
  await expect(video).toBeVisible({ timeout: 90_000 });
  await expect
    .poll(
      () =>
        video.evaluate((v: HTMLVideoElement) =>
          v.play().then(
            () => true,
            () => false,
          ),
        ),
      { timeout: 90_000 },
    )
    .toBe(true);
  await expectPlaying(page, '[data-testid=meeting-video]');
  await expect(page.getByTestId('meeting-photo')).toHaveCount(1, { timeout: 90_000 });
  const photo = page.getByTestId('meeting-photo').locator('img').first();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 60_000 }).toBe(true);

  expect(await csp.violations()).toEqual([]);
});
