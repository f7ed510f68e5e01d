import { expect, test, type Page } from '@playwright/test';
import { loginUi } from './support.ts';

const SHOTS = 'test-results/e2e/screenshots';

/** The visible links, buttons and checkbox rows narrower or shorter than a 44px finger. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = new Set<Element>();
    for (const el of document.querySelectorAll('a[href], button, [role=tab]')) targets.add(el);
    for (const input of document.querySelectorAll('input[type=checkbox]')) targets.add(input.closest('label') ?? input);
    return [...targets]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0 && Math.min(box.width, box.height) < 44)
      .map(({ el, box }) => `${el.tagName} "${el.textContent?.trim()}" ${box.width}×${box.height}`);
  });
}

async function expectPhoneFrame(page: Page, tab: string): Promise<void> {
  const header = (await page.locator('.phone-header').boundingBox())!;
  expect(header.height).toBeLessThanOrEqual(56);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: tab })).toHaveAttribute('aria-current', 'page');
  expect(await smallTargets(page)).toEqual([]);
}

test('officer1 has the day board first, tabs below, and the administration and 退出登录 under 我的', async ({ page }) => {
  await loginUi(page, 'officer1');
  await expect(page).toHaveURL(/\/enterprise$/);
  await expect(page.getByTestId('board-entry').first()).toBeVisible();
  await expectPhoneFrame(page, '今日');
  const tabs = page.getByRole('navigation', { name: '主导航' }).getByRole('link');
  await expect(tabs).toHaveText(['今日', '上报', '记录', '学习', '我的']);
  // The board only: the team and shift administration moved to 我的; the header names the enterprise, once.
  await expect(page.getByRole('link', { name: '新建班组' })).toHaveCount(0);
  const me = await (await page.request.get('/api/auth/me')).json();
  await expect(page.locator('.phone-header__title')).toHaveText(me.enterprise.name);
  expect((await page.locator('body').innerText()).split(me.enterprise.name).length - 1).toBe(1);

  await tabs.filter({ hasText: '记录' }).click();
  await expect(page).toHaveURL(/\/enterprise\/meetings$/);
  await expectPhoneFrame(page, '记录');

  await tabs.filter({ hasText: '我的' }).click();
  await expect(page).toHaveURL(/\/enterprise\/me$/);
  await expectPhoneFrame(page, '我的');
  // Who is logged in is said once, here, and the enterprise's name only once on the page.
  await expect(page.getByTestId('me-card')).toContainText(me.displayName);
  expect((await page.locator('body').innerText()).split(me.enterprise.name).length - 1).toBe(1);
  await page.screenshot({ path: `${SHOTS}/shell-me.png`, fullPage: true });

  await page.getByRole('link', { name: /班组与花名册/ }).click();
  await expect(page).toHaveURL(/\/enterprise\/me\/teams$/);
  await expectPhoneFrame(page, '我的');
  await page.locator('.list__item').first().click();
  await expect(page).toHaveURL(/\/enterprise\/teams\/[0-9a-f-]{36}$/);
  await expectPhoneFrame(page, '我的');
  // 返回 goes back to where the teams are listed now.
  await page.getByRole('link', { name: '返回', exact: true }).click();
  await expect(page).toHaveURL(/\/enterprise\/me\/teams$/);

  await page.goto('/enterprise/me');
  await page.getByRole('link', { name: /^班次/ }).click();
  await expect(page).toHaveURL(/\/enterprise\/me\/shifts$/);
  await expect(page.locator('.list__item').first()).toBeVisible();

  await page.goto('/enterprise/me');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('a worker has 学习, 证书, 资源 and 我的, and logs out from 我的', async ({ page }) => {
  await loginUi(page, 'worker1');
  await expect(page).toHaveURL(/\/learn$/);
  await expectPhoneFrame(page, '学习');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link')).toHaveText(['学习', '证书', '资源', '我的']);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
  await expect(page).toHaveURL(/\/learn\/me$/);
  await expectPhoneFrame(page, '我的');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
});
