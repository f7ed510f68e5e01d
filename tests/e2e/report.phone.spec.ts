import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectPlaying, loginUi, SAMPLES } from './support.ts';

const SHOTS = 'test-results/e2e/screenshots';

test('officer1 reports a meeting on a phone, attaches a video and a photo, and watches the video play', async ({ page }) => {
  await loginUi(page, 'officer1');
  await expect(page).toHaveURL(/\/enterprise/);
  await expect(page.getByTestId('board-entry').first()).toBeVisible();
  await page.getByTestId('board-report').first().click();

  const form = page.getByTestId('meeting-form');
  await expect(form).toBeVisible();
  // Submitting the empty record shows the server's reasons next to the fields.
  await page.getByTestId('meeting-submit').click();
  await expect(page.locator('.field__error').first()).toBeVisible();
  await page.fill('textarea[name=taskBriefing]', '检修二号反应釜，分工明确');
  await page.fill('textarea[name=safetyBriefing]', '受限空间作业，注意有毒气体');
  await page.fill('textarea[name=measureBriefing]', '先通风检测，佩戴呼吸器，专人监护');
  for (const label of ['查着装', '查精神状态', '查防护用品']) await page.getByLabel(label).check();
  await page.getByTestId('attendance-present').nth(1).uncheck();
  await page.getByTestId('attendance-reason').first().fill('病假');
  await page.getByTestId('hazard-input').fill('有毒气体');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hazard-tag')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/report-form.png`, fullPage: true });
  await page.getByTestId('meeting-submit').click();
  await expect(page).toHaveURL(/\/enterprise\/meetings\/[0-9a-f-]{36}$/);

  await page.setInputFiles('[data-testid=media-input]', [
    path.join(SAMPLES, 'landscape-720p-h264-aac.mp4'),
    path.join(SAMPLES, 'photo-exif-gps.jpg'),
  ]);
  const rows = page.getByTestId('upload-row');
  await expect(rows).toHaveCount(2);
  // Progress is shown while the bytes go up (a bar per file), then processing status.
  await expect(rows.first().getByTestId('upload-progress')).toBeAttached();
  // The officer presses play (the meeting page does not autoplay).
  const video = page.getByTestId('meeting-video');
  await expect(video).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('upload-row').first()).toHaveAttribute('data-media-status', 'READY', { timeout: 90_000 });
  await video.evaluate((v: HTMLVideoElement) => v.play());
  await expectPlaying(page, '[data-testid=meeting-video]');
  await expect(page.getByTestId('meeting-photo')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/meeting-page.png`, fullPage: true });
});
