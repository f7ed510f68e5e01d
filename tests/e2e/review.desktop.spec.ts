import { expect, test } from '@playwright/test';
import { loginApi, loginUi, reportMeetingApi, shanghaiDay, uploadApi } from './support.ts';

const SHOTS = 'test-results/e2e/screenshots';

test('inspector asks for a correction, the enterprise answers, the inspector accepts', async ({ browser }) => {
  // officer1 reports a meeting with a photo (a past day: today's slots belong to the phone specs).
  const officerApi = await browser.newContext();
  await loginApi(officerApi.request, 'officer1');
  const meetingId = await reportMeetingApi(officerApi.request, shanghaiDay(-6));
  await uploadApi(officerApi.request, meetingId, 'photo-plain.jpg', 'image/jpeg');
  const enterpriseId = (await (await officerApi.request.get('/api/auth/me')).json()).enterprise.id as string;

  const inspectorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const inspector = await inspectorContext.newPage();
  await loginUi(inspector, 'inspector');
  await inspector.goto(`/compliance/meetings?enterpriseId=${enterpriseId}`);
  await inspector.locator(`[data-testid=review-row][data-meeting-id="${meetingId}"] [data-testid=review-open]`).click();
  await expect(inspector.getByTestId('review-panel')).toBeVisible();
  // Asking for a correction without saying what is wrong is refused, in Chinese.
  await inspector.getByTestId('review-request_correction').click();
  await expect(inspector.getByTestId('review-panel').locator('.field__error')).toContainText('请写明问题');
  await inspector.getByLabel('审核意见').fill('照片看不清出勤人员，请补充一张全员合影');
  await inspector.getByTestId('review-request_correction').click();
  await expect(inspector.getByTestId('review-history')).toContainText('照片看不清出勤人员');
  await inspector.screenshot({ path: `${SHOTS}/review-correction.png`, fullPage: true });

  // The enterprise sees the request on the meeting page and answers it.
  const officerContext = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true });
  const officer = await officerContext.newPage();
  await loginUi(officer, 'officer1');
  await officer.goto(`/enterprise/meetings/${meetingId}`);
  await expect(officer.getByTestId('correction-request')).toContainText('请补充一张全员合影');
  await officer.getByLabel('提交整改答复').fill('已补充全员合影');
  await officer.getByTestId('correction-submit').click();
  await expect(officer.getByTestId('correction-answered')).toBeVisible();
  await officer.screenshot({ path: `${SHOTS}/review-answered-phone.png`, fullPage: true });

  // Back with the inspector: the answer arrives live; accepting closes the record.
  await expect(inspector.getByTestId('review-history')).toContainText('已补充全员合影');
  await inspector.getByTestId('review-approve').click();
  await expect(inspector.getByTestId('review-history').locator('li')).toHaveCount(3);
  await expect(inspector.locator('.mbadge').filter({ hasText: '已通过' })).toBeVisible();
  await officer.reload();
  await expect(officer.getByTestId('meeting-edit')).toHaveCount(0);
  await expect(officer.getByTestId('media-remove')).toHaveCount(0);
  await Promise.all([officerApi.close(), officerContext.close(), inspectorContext.close()]);
});

test('zone1 sees only its zone in the review list and the missing list', async ({ page }) => {
  await loginUi(page, 'zone1');
  const me = await (await page.request.get('/api/auth/me')).json();
  await page.goto('/compliance/meetings');
  await expect(page.getByTestId('review-filters')).toBeVisible();
  // No zone filter for a zone officer: the scope is one zone.
  await expect(page.getByTestId('review-filters').getByLabel('所属区域')).toHaveCount(0);
  const list = await (await page.request.get('/api/meetings?pageSize=200')).json();
  expect(list.items.every((m: { zone: { id: string } }) => m.zone.id === me.zone.id)).toBe(true);
  const missing = await (await page.request.get(`/api/compliance/missing?date=${shanghaiDay(-1)}&pageSize=200`)).json();
  expect(missing.total).toBeGreaterThan(0);
  expect(missing.items.every((m: { zone: { id: string } }) => m.zone.id === me.zone.id)).toBe(true);
  await page.goto(`/compliance/missing?date=${shanghaiDay(-1)}`);
  const zoneCells = page.getByTestId('missing-row').locator('td:nth-child(2)');
  await expect(zoneCells.first()).toHaveText(me.zone.name);
  for (const cell of await zoneCells.all()) await expect(cell).toHaveText(me.zone.name);
  await page.screenshot({ path: `${SHOTS}/missing-zone1.png`, fullPage: true });
});
