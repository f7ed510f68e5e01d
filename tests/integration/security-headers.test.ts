import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// A built web app whose index.html has an inline bootstrap script, as SvelteKit's fallback page does.
const BOOTSTRAP = '\n{ __sveltekit = { base: "" }; import("/_app/immutable/entry/start.js"); }\n';
let webDir: string;
let t: TestApp;

beforeAll(async () => {
  webDir = await fs.mkdtemp(path.join(os.tmpdir(), 'csp-web-'));
  await fs.writeFile(path.join(webDir, 'index.html'), `<!doctype html><body><div><script>${BOOTSTRAP}</script></div></body>`);
  t = await createTestApp({ WEB_DIR: webDir });
});
afterAll(async () => {
  await t?.close();
  await fs.rm(webDir, { recursive: true, force: true });
});

const cspOf = (header: unknown) =>
  Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('security headers', () => {
  it('are on every answer: a JSON reply, a refusal and an unknown route', async () => {
    const responses = [
      await t.app.inject({ url: '/api/health' }),
      await t.app.inject({ url: '/api/auth/me' }),
      await t.app.inject({ url: '/api/no-such-route' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 404]);
    for (const res of responses) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      const csp = cspOf(res.headers['content-security-policy']);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      // Plain HTTP here: no HSTS and no upgrade of requests to an HTTPS that is not there.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(csp).not.toHaveProperty('upgrade-insecure-requests');
    }
  });

  it("allows the web app's inline bootstrap by its hash and no other inline script", async () => {
    const csp = cspOf((await t.app.inject({ url: '/api/health' })).headers['content-security-policy']);
    const hash = `'sha256-${createHash('sha256').update(BOOTSTRAP).digest('base64')}'`;
    expect(csp['script-src']).toEqual(["'self'", hash]);
  });

  it('sends HSTS and upgrades requests when cookies are Secure (served over HTTPS)', async () => {
    const secure = await createTestApp({ COOKIE_SECURE: '1' });
    try {
      const res = await secure.app.inject({ url: '/api/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(cspOf(res.headers['content-security-policy'])).toHaveProperty('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('serves the OpenAPI document and docs unless OPENAPI_DOCS=0', async () => {
    expect((await t.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    const closed = await createTestApp({ OPENAPI_DOCS: '0' });
    try {
      for (const url of ['/api/openapi.json', '/api/docs', '/api/docs/']) {
        const res = await closed.app.inject({ url });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
      }
    } finally {
      await closed.close();
    }
  });
});
