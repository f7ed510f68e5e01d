import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('documents every route with a tag, an operationId and a response schema', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { tags?: string[]; operationId?: string; responses?: object }>>,
    ).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
    expect(operations.length).toBeGreaterThan(15);
    for (const op of operations) {
      expect(op.tags?.length, `${op.method} ${op.path}`).toBeGreaterThan(0);
      expect(op.operationId, `${op.method} ${op.path}`).toBeTruthy();
      expect(Object.keys(op.responses ?? {}).length, `${op.method} ${op.path}`).toBeGreaterThan(0);
    }
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });

  it('serves the docs UI and answers unknown API paths with the error body', async () => {
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('documents the error body with its code, params and field issues', async () => {
    const schemas = (await t.app.inject({ url: '/api/openapi.json' })).json().components.schemas;
    expect(Object.keys(schemas.ErrorBody.properties.error.properties).sort()).toEqual(['code', 'details', 'message', 'params']);
    expect(schemas.FieldIssue.required.sort()).toEqual(['code', 'field', 'message']);
  });

  it('reports health with a check per component', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      checks: { db: { status: 'ok' }, storage: { status: 'ok' }, queue: { status: 'ok' }, ffmpeg: { status: 'ok' } },
    });
  });

  it('answers 503 with the failing component when one is down', async () => {
    const broken = await createTestApp({ FFMPEG_PATH: '/nonexistent/ffmpeg', FFPROBE_PATH: '/nonexistent/ffprobe' });
    try {
      const res = await broken.app.inject({ url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'degraded',
        checks: { db: { status: 'ok' }, ffmpeg: { status: 'error', error: expect.stringContaining('/nonexistent/ffmpeg') } },
      });
    } finally {
      await broken.close();
    }
  });

  it('turns a malformed JSON body into a clear 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String) });
  });
});
