import { IdParams, Media, StreamParams } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { errorResponses } from './responses.ts';

/** Parses a single `bytes=a-b` / `bytes=a-` range; anything else is served whole. */
export function parseRange(header: string | undefined): { start: number; end?: number } | undefined {
  const m = header?.match(/^bytes=(\d+)-(\d*)$/);
  if (!m) return undefined;
  return { start: Number(m[1]), end: m[2] ? Number(m[2]) : undefined };
}

/** Media status for entitled users, and delivery of derived files behind signed links. */
export const mediaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { media } = app.platform.services;

  app.get('/api/media/:id', {
    onRequest: app.authenticate,
    schema: {
      tags: ['media'],
      operationId: 'getMedia',
      summary: 'Status, progress, error, duration, size and signed links (HLS, poster, photo)',
      params: IdParams,
      response: { 200: Media, ...errorResponses(400, 401, 404) },
    },
  }, (request) => media.get(actorOf(request), request.params.id));

  app.get('/api/media/:id/stream/:token/*', {
    schema: {
      tags: ['media'],
      operationId: 'streamMediaFile',
      summary: 'A playlist, segment, poster or sprite behind a signed link (supports Range)',
      description: 'The token in the path is issued by GET /api/media/{id}; it names the asset and expires (MEDIA_LINK_TTL_MINUTES). Relative URIs in playlists keep it, so hls.js needs no cookies.',
      security: [],
      params: StreamParams,
      response: errorResponses(401, 403, 404),
    },
  }, async (request, reply) => {
    const file = await media.openFile(request.params.id, request.params.token, request.params['*'], parseRange(request.headers.range));
    reply.header('content-type', file.contentType);
    reply.header('accept-ranges', 'bytes');
    reply.header('cache-control', file.cacheSeconds > 0 ? `private, max-age=${file.cacheSeconds}` : 'no-cache');
    reply.header('content-length', file.contentLength);
    if (file.range) {
      reply.status(206).header('content-range', `bytes ${file.range.start}-${file.range.end}/${file.totalSize}`);
    }
    // A stream is sent as is; the response schemas above describe only the error bodies.
    return reply.send(file.body as never);
  });
};
