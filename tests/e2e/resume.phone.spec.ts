import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loginApi, loginUi, reportMeetingApi, SAMPLES, shanghaiDay } from './support.ts';

const BIG = path.join(SAMPLES, 'landscape-20s-720p-h264-aac.mp4'); // two parts of 5 MB

test('an upload cut off mid-way resumes from the parts the server has and completes', async ({ page, browser }) => {
  const api = await browser.newContext();
  await loginApi(api.request, 'officer1');
  const meetingId = await reportMeetingApi(api.request, shanghaiDay(-1));
  await api.close();

  await loginUi(page, 'officer1');
  await page.goto(`/enterprise/meetings/${meetingId}`);
  const sent: string[] = [];
  page.on('request', (r) => {
    const part = r.url().match(/\/parts\/(\d+)$/);
    if (part && r.method() === 'PUT') sent.push(part[1]!);
  });
  // The network drops while part 2 is on its way, once.
  let dropped = false;
  await page.route('**/api/uploads/*/parts/2', (route) => {
    if (!dropped) {
      dropped = true;
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.setInputFiles('[data-testid=media-input]', BIG);
  const row = page.getByTestId('upload-row').first();
  await expect(row).toHaveAttribute('data-media-status', /PLAYABLE|READY/, { timeout: 120_000 });
  expect(dropped).toBe(true);
  // Part 1 went once; part 2 was tried, cut, and sent again: resumed, not restarted.
  expect(sent.filter((p) => p === '1')).toHaveLength(1);
  expect(sent.filter((p) => p === '2').length).toBeGreaterThanOrEqual(2);
});

test('after a page reload, choosing the same file again continues the upload instead of restarting it', async ({ page, browser }) => {
  const api = await browser.newContext();
  await loginApi(api.request, 'officer1');
  const meetingId = await reportMeetingApi(api.request, shanghaiDay(-1));
  await api.close();

  await loginUi(page, 'officer1');
  await page.goto(`/enterprise/meetings/${meetingId}`);
  // Part 2 never gets through; the officer gives up and reloads the page.
  await page.route('**/api/uploads/*/parts/2', (route) => route.abort('internetdisconnected'));
  const firstRun: string[] = [];
  const recordParts = (into: string[]) => (r: { url(): string; method(): string }) => {
    const part = r.url().match(/\/parts\/(\d+)$/);
    if (part && r.method() === 'PUT') into.push(part[1]!);
  };
  const onFirst = recordParts(firstRun);
  page.on('request', onFirst);
  await page.setInputFiles('[data-testid=media-input]', BIG);
  await expect.poll(() => firstRun.filter((p) => p === '2').length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  page.off('request', onFirst);
  await page.unroute('**/api/uploads/*/parts/2');
  await page.reload();

  await expect(page.getByTestId('upload-unfinished')).toBeVisible();
  const afterReload: string[] = [];
  page.on('request', recordParts(afterReload));
  await page.setInputFiles('[data-testid=media-input]', BIG);
  await expect(page.getByTestId('upload-row').first()).toHaveAttribute('data-media-status', /PLAYABLE|READY/, { timeout: 120_000 });
  // Part 1 was already on the server: only part 2 travels after the reload.
  expect(firstRun).toContain('1');
  expect(afterReload).toEqual(['2']);
  await expect(page.getByTestId('upload-unfinished')).toHaveCount(0);
});
