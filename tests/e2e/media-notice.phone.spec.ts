import path from 'node:path';
import { expect, test } from '@playwright/test';
import { frontIndexTruncatedMp4 } from '../support/format-samples.ts';
import { loginApi, loginUi, reportMeetingApi, SAMPLES, shanghaiDay, uploadApi } from './support.ts';

test('a video cut off in transfer plays what arrived, and the meeting page says where it stops', async ({ page, request }) => {
  const { file } = await frontIndexTruncatedMp4();
  await loginApi(request, 'officer1');
  const meetingId = await reportMeetingApi(request, shanghaiDay(-3));
  await uploadApi(request, meetingId, path.relative(SAMPLES, file), 'video/mp4');

  await loginUi(page, 'officer1');
  await page.goto(`/enterprise/meetings/${meetingId}`);
  const notice = page.getByTestId('media-truncated');
  await expect(notice).toBeVisible({ timeout: 90_000 });
  // The 10 s recording was cut in half: the notice names the cut and the declared length, in Chinese.
  await expect(notice).toContainText('文件不完整');
  await expect(notice).toContainText('0:10');
  await expect(page.getByTestId('meeting-video')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/screenshots/meeting-truncated.png', fullPage: true });
});
