import type { Page } from '@playwright/test';

/**
 * Collects every Content-Security-Policy violation of `page`: the browser's
 * `securitypolicyviolation` events (recorded from the first script of every document) and its
 * console reports ("Refused to load…"). Call `violations()` at the end and expect none.
 */
export async function watchCsp(page: Page): Promise<{ violations(): Promise<string[]> }> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|connect|create|apply|frame)/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  return {
    async violations() {
      const events = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
      return [...events, ...console];
    },
  };
}
