import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built SvelteKit app (a single-page app) for every non-API path, falling back to its
 * index.html so deep links work. Registered after the API so /api keeps its JSON 404s.
 */
export async function webPlugin(app: FastifyInstance, opts: { webDir: string }): Promise<boolean> {
  const index = path.join(opts.webDir, 'index.html');
  if (!existsSync(index)) return false;
  await app.register(fastifyStatic, { root: opts.webDir, wildcard: false, index: ['index.html'], cacheControl: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/')) return reply.callNotFound();
    // Hashed build assets can be cached for ever; the shell must always be fresh.
    if (url.startsWith('/_app/immutable/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    const file = path.normalize(url).replace(/^(\.\.[/\\])+/, '');
    if (file !== '/' && existsSync(path.join(opts.webDir, file))) return reply.sendFile(file);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return true;
}
