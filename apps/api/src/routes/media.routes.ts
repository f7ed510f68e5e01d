import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { framableBySelf } from '../security-headers.ts';
import { contractRoute } from './contract-route.ts';

/** Parses a single `bytes=a-b` / `bytes=a-` range; anything else is served whole. */
export function parseRange(header: string | undefined): { start: number; end?: number } | undefined {
  const m = header?.match(/^bytes=(\d+)-(\d*)$/);
  if (!m) return undefined;
  return { start: Number(m[1]), end: m[2] ? Number(m[2]) : undefined };
}

/** Media status for entitled users, and delivery of derived files behind signed links. */
export const mediaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { media } = app.platform.services;

  app.route({ ...contractRoute(app, routes.getMedia), handler: (request) => media.get(actorOf(request), request.params.id) });

  // Public: the signed token in the path is the credential.
  app.route({
    ...contractRoute(app, routes.streamMediaFile),
    handler: async (request, reply) => {
      const file = await media.openFile(request.params.id, request.params.token, request.params['*'], parseRange(request.headers.range));
      reply.header('content-type', file.contentType);
      reply.header('accept-ranges', 'bytes');
      reply.header('cache-control', file.cacheSeconds > 0 ? `private, max-age=${file.cacheSeconds}` : 'no-cache');
      reply.header('content-length', file.contentLength);
      if (file.contentType === 'application/pdf') {
        // Shown in the platform's own pages (an <iframe>), and saved under its uploaded name.
        reply.header('content-disposition', `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
        reply.header('x-frame-options', 'SAMEORIGIN');
        const csp = reply.getHeader('content-security-policy') ?? reply.raw.getHeader('content-security-policy');
        if (typeof csp === 'string') reply.header('content-security-policy', framableBySelf(csp));
      }
      if (file.range) {
        // Set directly: `status()` is typed by the contract's statuses, which describe error bodies only.
        reply.statusCode = 206;
        reply.header('content-range', `bytes ${file.range.start}-${file.range.end}/${file.totalSize}`);
      }
      // A stream is sent as is; the contract describes only the error bodies.
      return reply.send(file.body as never);
    },
  });
};
