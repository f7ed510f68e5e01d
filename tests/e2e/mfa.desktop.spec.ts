import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { rememberSecret } from './mfa-store.ts';
import { PASSWORD } from './support.ts';

// The inspector is a privileged role that no other e2e test signs in as, so its first login here
// is the account's first: a password alone must lead to enrolment, not to the inspector's pages.
test('a privileged user enrols a TOTP authenticator, saves the recovery codes, and signs in with a code', async ({ page, baseURL }) => {
  const signIn = async () => {
    await page.goto('/login');
    await page.locator('input[name="username"]').fill('inspector');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
  };
  await signIn();
  await expect(page).toHaveURL(/\/account\/mfa$/);
  await expect(page.getByRole('heading', { name: '绑定身份验证器' })).toBeVisible();
  await expect(page.getByAltText('身份验证器二维码')).toBeVisible();
  // Nothing else opens before the enrolment is done: the inspector's page sends back here
  // (which starts a new enrolment, so the secret is read after it).
  await page.goto('/compliance');
  await expect(page).toHaveURL(/\/account\/mfa$/);
  await expect(page.getByAltText('身份验证器二维码')).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').textContent())!.replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // How the page looks on a phone, for people to look at (test-results/e2e/mfa-enrolment-phone.png).
  await page.setViewportSize({ width: 412, height: 915 });
  await page.screenshot({ path: path.join('test-results', 'e2e', 'mfa-enrolment-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });

  const now = Math.floor(Date.now() / 1000);
  await page.locator('input[name="code"]').fill(await generate({ secret, epoch: now - 30 }));
  await page.locator('button[type="submit"]').click();

  const codes = page.getByTestId('recovery-codes').locator('li');
  await expect(codes).toHaveCount(10);
  const continueButton = page.getByRole('button', { name: '继续' });
  await expect(continueButton).toBeDisabled();
  await page.locator('input[name="saved"]').check();
  await continueButton.click();
  await expect(page).toHaveURL(/\/compliance$/);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn();
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByRole('heading', { name: '二次验证' })).toBeVisible();
  // The step after the one used for activation: a used step is refused as a replay.
  await page.locator('input[name="code"]').fill(await generate({ secret, epoch: now }));
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/compliance$/);
  await expect(page.getByRole('link', { name: '账号安全' })).toBeVisible();
  rememberSecret(baseURL!, 'inspector', secret, Math.floor(now / 30));
});
