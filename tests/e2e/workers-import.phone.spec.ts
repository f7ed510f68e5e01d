import { expect, test } from '@playwright/test';
import { loginUi } from './support.ts';

// An enterprise officer imports workers from a CSV on a phone: a bad row is reported by row and
// column and nothing is imported; the corrected file creates every account, passwords shown once.

const SHOTS = 'test-results/e2e/screenshots';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A 居民身份证号 with a valid GB 11643 check character (or a wrong one when `wrong`). */
function idNumber(birth: string, sequence: number, wrong = false): string {
  const body = `120116${birth}${String(sequence).padStart(3, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  const right = '10X98765432'[sum % 11]!;
  return body + (wrong ? (right === '0' ? '1' : '0') : right);
}

test('a bad row is reported by row and column and nothing is imported; the fixed file imports every worker', async ({ page }) => {
  const suffix = String(Date.now()).slice(-7);
  const rows = (badId: boolean) =>
    [
      '姓名,手机号,身份证号,工号,班组,岗位',
      `导入测试甲,1391${suffix},${idNumber('19900101', 11)},E${suffix}1,,操作工`,
      `导入测试乙,1392${suffix},${idNumber('19920202', 23, badId)},E${suffix}2,,巡检工`,
    ].join('\n');
  const csv = (badId: boolean) => ({ name: 'workers.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows(badId)}\n`, 'utf8') });

  await loginUi(page, 'officer1');
  await page.goto('/enterprise/me/workers/import');
  await page.locator('#worker-file').setInputFiles(csv(true));
  await page.getByRole('button', { name: '检查并导入' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.locator('tbody tr')).toHaveCount(1);
  await expect(report.locator('tbody tr').first()).toContainText('身份证号');
  await expect(report.locator('tbody tr').first()).toContainText(/第 [23] 行/);
  await page.screenshot({ path: `${SHOTS}/workers-import-report.png`, fullPage: true });
  const listed = await (await page.request.get('/api/enterprise/workers')).text();
  expect(listed).not.toContain('导入测试甲');

  await page.locator('#worker-file').setInputFiles(csv(false));
  await page.getByRole('button', { name: '检查并导入' }).click();
  await expect(page.locator('.banner--ok')).toContainText('已导入 2 名职工');
  await expect(page.getByText('导入测试甲')).toBeVisible();
  await expect(page.getByText('导入测试乙')).toBeVisible();
  expect(await (await page.request.get('/api/enterprise/workers')).text()).toContain('导入测试乙');
});
