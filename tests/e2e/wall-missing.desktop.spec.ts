import { expect, test } from '@playwright/test';
import { watchCsp } from './csp-watch.ts';
import { loginUi } from './support.ts';

const SHOTS = 'test-results/e2e/screenshots';
/** A word of Latin letters: nothing on these pages should be English. */
const ENGLISH = /[A-Za-z]{3,}/;

test('the wall’s 未报 count opens the day’s missing list in Chinese, and Esc closes it', async ({ page }) => {
  const csp = await watchCsp(page);
  await loginUi(page, 'command');
  await page.goto('/command');
  await expect(page.getByTestId('wall-stats-noEvidence')).toHaveText(/^\d+$/);
  const count = page.getByTestId('wall-stats-missing-count');
  await expect(count).toHaveText(/^\d+$/);

  await page.getByTestId('wall-stats-missing').click();
  const dialog = page.getByTestId('wall-missing');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('今日未报的班前会');
  await expect(dialog.getByTestId('wall-missing-total')).toHaveText(`共 ${await count.textContent()} 个`);
  const rows = dialog.getByTestId('wall-missing-row');
  if ((await rows.count()) === 0) await expect(dialog.getByTestId('wall-missing-empty')).toHaveText('没有未报的班前会。');
  else await expect(rows.first()).toContainText(/\d{2}:\d{2}–/);
  expect(await dialog.innerText()).not.toMatch(ENGLISH);
  await page.screenshot({ path: `${SHOTS}/wall-missing.png` });

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await csp.violations()).toEqual([]);
});

test('zone1 gets its own zone’s wall, without a zone filter, and only its zone in the missing list', async ({ page }) => {
  await loginUi(page, 'zone1');
  const me = await (await page.request.get('/api/auth/me')).json();
  await page.goto('/command');
  await expect(page).toHaveURL(/\/command$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`指挥中心视频墙 · ${me.zone.name}`);
  await expect(page.getByTestId('wall-filter-industry')).toBeVisible();
  await expect(page.getByTestId('wall-filter-zone')).toHaveCount(0);
  await page.getByTestId('wall-stats-missing').click();
  await expect(page.getByTestId('wall-missing-total')).toBeVisible();
  for (const cell of await page.getByTestId('wall-missing-row').locator('td:nth-child(2)').all())
    await expect(cell).toHaveText(me.zone.name);
});

test('the statistics page shows rates, charts and their tables in Chinese, and keeps the period in the URL', async ({ page }) => {
  const csp = await watchCsp(page);
  await loginUi(page, 'inspector');
  await page.goto('/compliance');
  await page.getByRole('link', { name: /统计分析/ }).click();
  await expect(page).toHaveURL(/\/compliance\/dashboard/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('统计分析');
  await expect(page.getByTestId('dashboard-reportingRate')).toHaveText(/^(\d+(\.\d)?%|—)$/);
  await expect(page.getByTestId('dashboard-trend').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('dashboard-zones').locator('canvas')).toBeVisible();
  // The table under the trend has one row per day of the default 30-day period.
  await expect(page.getByTestId('dashboard-trend-table').locator('tbody tr')).toHaveCount(30);

  await page.getByRole('link', { name: '近 7 天' }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  await expect(page.getByTestId('dashboard-trend-table').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('dashboard-period')).toContainText('共 7 天');
  expect(await page.locator('main').innerText()).not.toMatch(ENGLISH);
  await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });
  expect(await csp.violations()).toEqual([]);
});

test('a command operator opens the statistics page from the wall', async ({ page }) => {
  await loginUi(page, 'command');
  await page.goto('/command');
  await page.getByRole('link', { name: '统计分析' }).click();
  await expect(page).toHaveURL(/\/compliance\/dashboard/);
  await expect(page.getByTestId('dashboard-trend').locator('canvas')).toBeVisible();
});
