import { expect, test } from '@playwright/test';
import { loginApi, loginUi, reportMeetingApi, shanghaiDay, uploadApi } from './support.ts';

test("officer2 cannot see officer1's meeting in lists, by URL or through media URLs", async ({ page, browser }) => {
  const officer1 = await browser.newContext();
  await loginApi(officer1.request, 'officer1');
  const meetingId = await reportMeetingApi(officer1.request, shanghaiDay(-1));
  const assetId = await uploadApi(officer1.request, meetingId, 'photo-exif-gps.jpg', 'image/jpeg');
  await expect
    .poll(async () => (await (await officer1.request.get(`/api/media/${assetId}`)).json()).status, { timeout: 30_000 })
    .toBe('READY');
  const media = await (await officer1.request.get(`/api/media/${assetId}`)).json();

  await loginUi(page, 'officer2');
  await page.goto('/enterprise/meetings');
  await expect(page.getByTestId('meeting-filters')).toBeVisible();
  await expect(page.locator(`a[href$="${meetingId}"]`)).toHaveCount(0);
  const list = await page.request.get('/api/meetings?pageSize=200');
  expect((await list.json()).items.map((m: { id: string }) => m.id)).not.toContain(meetingId);

  await page.goto(`/enterprise/meetings/${meetingId}`);
  await expect(page.getByTestId('meeting-video')).toHaveCount(0);
  await expect(page.getByTestId('meeting-photo')).toHaveCount(0);
  expect((await page.request.get(`/api/meetings/${meetingId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/media/${assetId}`)).status()).toBe(404);

  // A signed link lifted from officer1's session does not open another asset, and forging fails.
  const forged = media.imageUrl.replace(/\/stream\/[^/]+\//, '/stream/forged.token/');
  expect((await page.request.get(forged)).status()).toBe(403);
  await officer1.close();
});
