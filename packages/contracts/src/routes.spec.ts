import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoints, fillPath, type OperationId } from './endpoints.ts';
import { routes } from './routes.ts';

const ids = Object.keys(endpoints) as OperationId[];

/** `:name` segments of a path, and `*` for a trailing wildcard. */
function paramNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)|\*$/g)].map((m) => m[1] ?? '*').sort();
}

describe('route table', () => {
  it('has one route per endpoint, named by its operationId', () => {
    expect(Object.keys(routes).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(routes[id]).toMatchObject({ operationId: id, method: endpoints[id].method, path: endpoints[id].path });
  });

  it('declares a params schema with exactly the params of each path', () => {
    for (const id of ids) {
      const route = routes[id];
      const schema = 'params' in route ? (route.params as z.ZodObject) : undefined;
      expect(schema ? Object.keys(schema.shape).sort() : [], id).toEqual(paramNames(route.path));
    }
  });

  it('gives each operation one method and path, a tag and at least one documented answer', () => {
    const seen = new Set(ids.map((id) => `${endpoints[id].method} ${endpoints[id].path}`));
    expect(seen.size).toBe(ids.length);
    for (const id of ids) {
      expect(routes[id].tags.length, id).toBeGreaterThan(0);
      expect(Object.keys(routes[id].response).length + routes[id].errors.length, id).toBeGreaterThan(0);
    }
  });

  it('takes no body on GET and DELETE', () => {
    for (const id of ids) if (['GET', 'DELETE'].includes(routes[id].method)) expect('body' in routes[id], id).toBe(false);
  });
});

describe('fillPath', () => {
  it('encodes params and keeps the slashes of a wildcard', () => {
    expect(fillPath('/api/teams/:id', { id: 'a/b' })).toBe('/api/teams/a%2Fb');
    expect(fillPath('/api/media/:id/stream/:token/*', { id: '1', token: 't', '*': 'v0/seg 1.ts' })).toBe(
      '/api/media/1/stream/t/v0/seg%201.ts',
    );
  });

  it('refuses a missing param rather than sending a literal ":id"', () => {
    expect(() => fillPath('/api/teams/:id', {})).toThrow(/needs param id/);
  });
});
