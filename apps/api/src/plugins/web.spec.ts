import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressionPlugin } from './compression.ts';
import { webPlugin } from './web.ts';

// The built web app as adapter-static writes it with `precompress`: files plus .br/.gz copies.
const js = 'export const wall = "墙";\n'.repeat(200);
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'web-plugin-'));
  mkdirSync(path.join(dir, '_app/immutable/chunks'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(dir, '_app/immutable/chunks/app.abc123.js'), js);
  writeFileSync(path.join(dir, '_app/immutable/chunks/app.abc123.js.br'), brotliCompressSync(js));
  writeFileSync(path.join(dir, '_app/version.json'), '{"version":"1"}');
  app = Fastify();
  await app.register(compressionPlugin);
  app.get('/api/big', async () => ({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `会议 ${i}` })) }));
  app.get('/api/playlist.m3u8', async (_req, reply) =>
    reply.type('application/vnd.apple.mpegurl').send('#EXTM3U\n' + '#EXTINF:4.0,\nseg.m4s\n'.repeat(100)),
  );
  app.get('/api/seg.m4s', async (_req, reply) => reply.type('video/iso.segment').send(Buffer.alloc(50_000, 7)));
  expect(await webPlugin(app, { webDir: dir })).toBe(true);
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web assets', () => {
  it('sends the precompressed copy of a hashed asset, cached for ever', async () => {
    const res = await app.inject({ url: '/_app/immutable/chunks/app.abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(js.length / 5);
  });

  it('sends the plain file to clients without brotli', async () => {
    const res = await app.inject({ url: '/_app/immutable/chunks/app.abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.payload).toBe(js);
  });

  it('revalidates the shell and unhashed files, and falls back to the shell for deep links', async () => {
    const deep = await app.inject({ url: '/command' });
    expect(deep.statusCode).toBe(200);
    expect(deep.payload).toContain('<title>app</title>');
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/_app/version.json' })).headers['cache-control']).toBe('no-cache');
  });

  it('answers 404, not the shell, for a chunk of an older build', async () => {
    expect((await app.inject({ url: '/_app/immutable/chunks/gone.js' })).statusCode).toBe(404);
  });
});

describe('compression of dynamic responses', () => {
  it('compresses JSON and playlists', async () => {
    for (const url of ['/api/big', '/api/playlist.m3u8']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.headers['content-encoding'], url).toBe('br');
    }
  });

  it('leaves video segments alone', async () => {
    const res = await app.inject({ url: '/api/seg.m4s', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.length).toBe(50_000);
  });
});
