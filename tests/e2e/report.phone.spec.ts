import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectPlaying, loginUi, SAMPLES, shanghaiDay } from './support.ts';

const SHOTS = 'test-results/e2e/screenshots';

/** Opens the one-step report for the first unreported slot on a past day's board (each test its own day). */
async function startReport(page: Page, daysAgo: number): Promise<void> {
  await page.goto(`/enterprise?date=${shanghaiDay(-daysAgo)}`);
  await page.getByTestId('board-report').first().click();
  await expect(page.getByTestId('report-form')).toBeVisible();
}

async function fillRecord(page: Page): Promise<void> {
  await page.fill('textarea[name=taskBriefing]', '检修二号反应釜，分工明确');
  await page.fill('textarea[name=safetyBriefing]', '受限空间作业，注意有毒气体');
  await page.fill('textarea[name=measureBriefing]', '先通风检测，佩戴呼吸器，专人监护');
}

/** The newest report listed on the board, once it reaches `status`. */
async function expectReport(page: Page, status: 'queued' | 'sent' | 'refused', timeout = 90_000) {
  const report = page.getByTestId('outbox-report').first();
  await expect(report).toHaveAttribute('data-status', status, { timeout });
  return report;
}

test('one step: camera video and photo first, the record on the same screen, one 上报; the video plays', async ({ page }) => {
  await loginUi(page, 'officer1');
  await startReport(page, 7);
  await page.screenshot({ path: `${SHOTS}/report-empty.png` });
  // Routine defaults, shown as one line each: the board's slot, the team leader hosting, the whole roster present.
  await expect(page.getByTestId('slot-summary')).toContainText('主持人：');
  await expect(page.getByTestId('attendance-summary')).toContainText(/应到 (\d+) 人，实到 \1 人/);

  // Camera-style inputs (capture=environment); the 1080p clip is compressed on the phone.
  await page.setInputFiles('[data-testid=capture-video]', path.join(SAMPLES, 'phone-1080p-capture.mp4'));
  await page.setInputFiles('[data-testid=capture-photo]', path.join(SAMPLES, 'photo-exif-gps.jpg'));
  const files = page.getByTestId('report-file');
  await expect(files).toHaveCount(2);
  // Submitting without the record names the empty fields and sends nothing.
  await page.getByTestId('report-submit').click();
  await expect(page.locator('.field__error').first()).toBeVisible();
  await fillRecord(page);
  // While the record is written the video is compressed and uploaded ("8.7 MB → 1.2 MB").
  await expect(files.first().getByTestId('report-file-size')).toContainText('→', { timeout: 60_000 });
  // The officer also wants the full-quality original, later (on Wi-Fi; here: 现在补传).
  await page.getByTestId('send-originals').check();
  await page.screenshot({ path: `${SHOTS}/report-form.png`, fullPage: true });
  await page.getByTestId('report-submit').click();

  await expect(page).toHaveURL(/\/enterprise$/);
  const report = await expectReport(page, 'sent');
  await expect(report.getByTestId('outbox-originals')).toContainText('1 个原文件等待 Wi-Fi 补传');
  await page.screenshot({ path: `${SHOTS}/report-delivered.png` });
  await report.getByRole('button', { name: '现在补传' }).click();
  await expect(report.getByTestId('outbox-originals')).toHaveCount(0, { timeout: 60_000 });
  await report.getByRole('link').click();
  await expect(page).toHaveURL(/\/enterprise\/meetings\/[0-9a-f-]{36}$/);
  const video = page.getByTestId('meeting-video').first();
  await expect(video).toBeVisible({ timeout: 90_000 });
  await video.evaluate((v: HTMLVideoElement) => v.play());
  await expectPlaying(page, '[data-testid=meeting-video]');
  await expect(page.getByTestId('meeting-photo')).toHaveCount(1);

  // What reached the server is the compressed file, and it kept its recording time and place.
  const meetingId = page.url().split('/').pop()!;
  const meeting = await (await page.request.get(`/api/meetings/${meetingId}`)).json();
  const videos = meeting.mediaDetails.filter((m: { kind: string }) => m.kind === 'VIDEO');
  const uploaded = videos.find((m: { originalOf: string | null }) => !m.originalOf);
  // The original followed, linked to its compressed copy, with all its bytes.
  const original = videos.find((m: { originalOf: string | null }) => m.originalOf === uploaded.id);
  expect(original.size).toBeGreaterThan(uploaded.size * 3);
  expect(uploaded.height).toBeLessThanOrEqual(720);
  expect(uploaded.capturedAt).toBe('2026-11-28T07:42:10.000Z');
  expect(uploaded.gps).toMatchObject({ latitude: 39.0257, longitude: 117.7142 });
});

test('a reload in the middle of the form keeps what was typed and the files picked', async ({ page }) => {
  await loginUi(page, 'officer1');
  await startReport(page, 8);
  await page.setInputFiles('[data-testid=capture-photo]', path.join(SAMPLES, 'photo-exif-gps.jpg'));
  await page.fill('textarea[name=taskBriefing]', '更换三号泵机械密封');
  await page.getByTestId('attendance-summary').getByRole('button', { name: '更改' }).click();
  await page.getByTestId('attendance-present').first().uncheck();
  await page.getByTestId('attendance-reason').first().fill('病假');
  // The draft is written to the device a moment after each change.
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(page.locator('textarea[name=taskBriefing]')).toHaveValue('更换三号泵机械密封');
  await expect(page.getByTestId('attendance-summary')).toContainText('缺勤 1 人');
  await page.getByTestId('attendance-summary').getByRole('button', { name: '更改' }).click();
  await expect(page.getByTestId('attendance-present').first()).not.toBeChecked();
  await expect(page.getByTestId('attendance-reason').first()).toHaveValue('病假');
  await expect(page.getByTestId('report-file')).toHaveCount(1);
});

test('a report written without network waits on the phone and is delivered when the network returns', async ({ page, context }) => {
  await loginUi(page, 'officer1');
  await startReport(page, 9);
  // The app shell is cached by the service worker: the report page opens again with no network at all.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('report-form')).toBeVisible();
  await page.setInputFiles('[data-testid=capture-photo]', path.join(SAMPLES, 'photo-exif-gps.jpg'));
  await fillRecord(page);
  await expect(page.getByText('当前没有网络')).toBeVisible();
  await page.getByTestId('report-submit').click();
  await expect(page).toHaveURL(/\/enterprise$/);
  const report = await expectReport(page, 'queued');
  await expect(report.getByTestId('outbox-status')).toContainText('无网络');
  await page.screenshot({ path: `${SHOTS}/report-offline.png` });

  await context.setOffline(false);
  await expectReport(page, 'sent');
});
