import { describe, expect, it } from 'vitest';
import { fetchStrategy, type RequestFacts } from './fetch-strategy.ts';

const origin = 'https://anquan.example.cn';
const precached = new Set(['/_app/immutable/entry/start.abc.js', '/index.html', '/manifest.webmanifest', '/icons/icon-192.png']);

function get(path: string, mode: RequestMode = 'cors'): RequestFacts {
  return { method: 'GET', url: new URL(path, origin).href, mode };
}

describe('fetchStrategy', () => {
  it('leaves every API request to the network, navigations and streams included', () => {
    for (const request of [
      get('/api/auth/me'),
      get('/api/events', 'cors'),
      get('/api/media/abc/master.m3u8?sig=1'),
      get('/api/exports/meetings.csv', 'navigate'),
      get('/api'),
      { method: 'POST', url: `${origin}/api/meetings`, mode: 'cors' as const },
      { method: 'PUT', url: `${origin}/api/uploads/u1/parts/2`, mode: 'cors' as const },
    ]) {
      expect(fetchStrategy(request, origin, precached), request.url).toBe('network');
    }
  });

  it('leaves other origins to the network, even for a path the app has cached', () => {
    expect(fetchStrategy(get('https://bucket.s3.example.cn/_app/immutable/entry/start.abc.js'), origin, precached)).toBe('network');
    expect(fetchStrategy(get('https://bucket.s3.example.cn/login', 'navigate'), origin, precached)).toBe('network');
  });

  it('answers hashed build files from the cache, also those of a newer build it has not cached', () => {
    expect(fetchStrategy(get('/_app/immutable/entry/start.abc.js'), origin, precached)).toBe('cache');
    expect(fetchStrategy(get('/_app/immutable/chunks/newer.js'), origin, precached)).toBe('cache');
  });

  it('answers precached static files from the cache, but not with a query it did not cache', () => {
    expect(fetchStrategy(get('/manifest.webmanifest'), origin, precached)).toBe('cache');
    expect(fetchStrategy(get('/icons/icon-192.png?v=2'), origin, precached)).toBe('network');
  });

  it('sends page loads to the network first, whatever the path', () => {
    expect(fetchStrategy(get('/login?next=%2Fenterprise', 'navigate'), origin, precached)).toBe('page');
    expect(fetchStrategy(get('/enterprise/meetings/new', 'navigate'), origin, precached)).toBe('page');
    expect(fetchStrategy(get('/', 'navigate'), origin, precached)).toBe('page');
  });

  it('keeps the version check and paths it does not know live', () => {
    expect(fetchStrategy(get('/_app/version.json'), origin, precached)).toBe('network');
    expect(fetchStrategy(get('/robots.txt'), origin, precached)).toBe('network');
    expect(fetchStrategy({ method: 'HEAD', url: `${origin}/index.html`, mode: 'cors' }, origin, precached)).toBe('network');
  });
});
