import { routes } from '@platform/contracts';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { lingerAfterAnswer } from '../lingering-close.ts';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** Resumable uploads: create, inspect (resume), send parts through the API, complete, abort. */
export const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  const { uploads } = app.platform.services;

  app.route({
    ...contractRoute(app, routes.createUpload),
    handler: async (request, reply) => reply.status(201).send(await uploads.create(actorOf(request), request.body)),
  });

  app.route({ ...contractRoute(app, routes.getUpload), handler: (request) => uploads.get(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.completeUpload),
    handler: async (request) => {
      const result = await uploads.complete(actorOf(request), request.params.id);
      return { ...result, mediaUrl: `/api/media/${result.assetId}` };
    },
  });

  app.route({
    ...contractRoute(app, routes.abortUpload),
    handler: async (request, reply) => {
      await uploads.abort(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  // Raw bytes, any content type, streamed to the store: parts are never parsed or buffered whole.
  // Fastify's bodyLimit does not apply to a body handed on as a stream; the service counts the
  // bytes against the part's size as they arrive instead.
  app.register(async (scope) => {
    const parts = scope.withTypeProvider<ZodTypeProvider>();
    parts.removeAllContentTypeParsers();
    parts.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    // A refused part was not read to its end: close the connection after the answer rather than
    // read whatever the client still sends, but linger so that the answer reaches it.
    parts.addHook('onSend', async (request, reply) => {
      if (request.raw.complete) return;
      reply.header('connection', 'close');
      lingerAfterAnswer(request.raw);
    });
    parts.route({
      ...contractRoute(app, routes.uploadPart),
      handler: async (request) => {
        const length = request.headers['content-length'] ? Number(request.headers['content-length']) : undefined;
        const part = await uploads.receivePart(
          actorOf(request),
          request.params.id,
          request.params.partNumber,
          request.body as Readable,
          length,
        );
        app.metrics.uploadBytes.inc({ kind: 'part' }, part.size);
        return part;
      },
    });
  });
};
