import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built SvelteKit app (a single-page app) for every non-API path, falling back to its
 * index.html so deep links work. Registered after the API so /api keeps its JSON 404s.
 *
 * The build writes brotli and gzip copies of its text files next to them (adapter-static
 * `precompress`); they are sent as they are to browsers that accept them, so the server spends
 * no CPU compressing the same JavaScript for every wall that loads.
 */
export async function webPlugin(app: FastifyInstance, opts: { webDir: string }): Promise<boolean> {
  const index = path.join(opts.webDir, 'index.html');
  if (!existsSync(index)) return false;
  // `serve: false`: every path goes through the one route below, which decides caching.
  await app.register(fastifyStatic, { root: opts.webDir, serve: false, preCompressed: true, cacheControl: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/')) return reply.callNotFound();
    const file = path.normalize(url).replace(/^(\.\.[/\\])+/, '');
    if (file !== '/' && existsSync(path.join(opts.webDir, file))) {
      // Hashed build assets never change under their name; everything else is revalidated.
      reply.header('cache-control', url.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(file);
    }
    // A chunk of an older build (a tab open across a deploy) must fail as a 404, not as HTML.
    if (url.startsWith('/_app/')) return reply.callNotFound();
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return true;
}
