import { endpoints, routes, type OperationId } from '@platform/contracts';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The API must serve exactly the operations of the contract's route table, as the table says:
// a route added to the API alone, or one the table has and the API lost, fails here.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Operation = { operationId?: string; tags?: string[]; security?: unknown[]; responses?: Record<string, unknown> };

/** `/api/media/:id/stream/:token/*` as @fastify/swagger writes it: `/api/media/{id}/stream/{token}/{*}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{*}');

const ids = Object.keys(endpoints) as OperationId[];

describe('contract and API', () => {
  it('registers every operation of the route table', () => {
    const missing = ids.filter((id) => !t.app.hasRoute({ method: endpoints[id].method as HTTPMethods, url: endpoints[id].path }));
    expect(missing).toEqual([]);
  });

  it('documents exactly the operations of the table, with their tags, security and answers', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const documented = new Map<string, Operation>(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const),
      ),
    );
    const expected = new Map<string, OperationId>(ids.map((id) => [`${endpoints[id].method} ${openApiPath(endpoints[id].path)}`, id]));

    // Every documented /api route must be one of the table's (a route added outside it fails here).
    expect([...documented.keys()].filter((key) => !expected.has(key))).toEqual([]);
    expect([...expected.keys()].filter((key) => !documented.has(key))).toEqual([]);

    for (const [key, id] of expected) {
      const op = documented.get(key)!;
      const route = routes[id];
      expect(op.operationId, key).toBe(id);
      expect(op.tags, key).toEqual([...route.tags]);
      expect(op.security, key).toEqual('public' in route ? [] : undefined);
      const statuses = [...Object.keys(route.response), ...route.errors.map(String)].sort();
      expect(Object.keys(op.responses ?? {}).sort(), key).toEqual(statuses);
    }
  });

  it('requires a session on every route the table does not mark public', async () => {
    for (const id of ids) {
      const route = routes[id];
      if ('public' in route) continue;
      const url = route.path.replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ method: route.method, url });
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(401);
    }
  });
});
