import { expect, test } from '@playwright/test';
import { PASSWORD } from './support.ts';

// The app is installable (manifest and icons) and, once its service worker is active, opens
// without a network, while the API is never answered from a cache.

test('the manifest is linked, valid and its icons load at their declared sizes', async ({ page }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as { icons: { src: string; sizes: string; purpose: string }[] };
  expect(manifest).toMatchObject({ short_name: '班前会', start_url: '/', scope: '/', display: 'standalone', lang: 'zh-CN' });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);

  const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  for (const [src, sizes] of [...manifest.icons.map((i) => [i.src, i.sizes]), [appleIcon!, '180x180']]) {
    const loaded = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const bitmap = await createImageBitmap(await res.blob());
      return `${res.status} ${res.headers.get('content-type')} ${bitmap.width}x${bitmap.height}`;
    }, src!);
    expect(loaded, src).toBe(`200 image/png ${sizes}`);
  }
});

test('the service worker is revalidated on every load, so a deploy reaches phones at once', async ({ page }) => {
  const response = await page.request.get('/service-worker.js');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-cache');
});

test('offline, a reload still opens the login page from the cache, and the API fails for real', async ({ page, context }) => {
  await page.goto('/login');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(page.locator('input[name="username"]')).toBeVisible();
  expect(
    await page.evaluate(() =>
      fetch('/api/auth/me').then(
        (r) => `answered ${r.status}`,
        () => 'failed',
      ),
    ),
  ).toBe('failed');

  // Signing in says the network is down instead of pretending.
  await page.locator('input[name="username"]').fill('officer1');
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('alert')).toContainText('无法连接服务器');
  await expect(page).toHaveURL(/\/login$/);

  // Back online, the same page signs in (the form empties the password after a failure).
  await context.setOffline(false);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/login$/);
});
