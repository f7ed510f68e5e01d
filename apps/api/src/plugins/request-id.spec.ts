import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestIdGenerator } from './request-id.ts';

const request = (id?: string | string[]) => ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdGenerator', () => {
  it('keeps a sane id from a trusted proxy', () => {
    const gen = requestIdGenerator(true);
    expect(gen(request('edge-01.abc_DEF-9'))).toBe('edge-01.abc_DEF-9');
    expect(gen(request('x'.repeat(64)))).toBe('x'.repeat(64));
  });

  it('makes a UUID instead of an id that is too long, has other characters, repeats, or comes without a trusted proxy', () => {
    const trusted = requestIdGenerator(true);
    for (const bad of ['x'.repeat(65), 'a b', 'a\nlevel=error', 'é', '', ['a', 'b']]) expect(trusted(request(bad))).toMatch(UUID);
    expect(trusted(request())).toMatch(UUID);
    expect(requestIdGenerator(false)(request('edge-01'))).toMatch(UUID);
    expect(trusted(request())).not.toBe(trusted(request()));
  });
});
