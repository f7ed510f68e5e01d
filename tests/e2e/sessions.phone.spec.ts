import { expect, test } from '@playwright/test';
import { loginApi, loginUi } from './support.ts';

test('a session ended by logins elsewhere sends its user to the login page, which says why', async ({ page, browser }) => {
  await loginUi(page, 'zone1');
  // zone1 may hold SESSION_LIMIT (3) sessions: three logins elsewhere make the page's the oldest beyond it.
  const elsewhere = await browser.newContext();
  for (let i = 0; i < 3; i++) await loginApi(elsewhere.request, 'zone1');
  await page.reload();
  await expect(page).toHaveURL(/\/login\?.*ended=SESSION_REPLACED/);
  await expect(page.getByRole('status')).toContainText('您的账号已在其他地方登录');
  await elsewhere.close();
});

test('登录设备 lists my sessions and signs out the others', async ({ page, browser }) => {
  const phone = await browser.newContext();
  await loginApi(phone.request, 'officer2');
  await loginUi(page, 'officer2');
  await page.goto('/account');
  const sessions = page.getByTestId('own-session');
  await expect(sessions.filter({ hasText: '本机' })).toHaveCount(1);
  const signOut = page.getByRole('button', { name: '退出该设备' });
  await expect(signOut.first()).toBeVisible();
  while ((await signOut.count()) > 0) {
    const before = await sessions.count();
    await signOut.first().click();
    await expect(sessions).toHaveCount(before - 1);
  }
  await expect(page.getByRole('status').filter({ hasText: '已退出该设备的登录' })).toBeVisible();
  const me = await phone.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
  expect((await me.json()).error.code).toBe('SESSION_SIGNED_OUT');
  await phone.close();
});
