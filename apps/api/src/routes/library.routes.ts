import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** 宣教资源电子库: browsing for everyone logged in, 优秀班前会, and the administrator's entries. */
export const libraryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { library } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listLibrary), handler: (request) => library.list(actorOf(request), request.query) });
  app.route({
    ...contractRoute(app, routes.createLibraryResource),
    handler: async (request, reply) => reply.status(201).send(await library.create(actorOf(request), request.body)),
  });
  app.route({
    ...contractRoute(app, routes.getLibraryShowcase),
    handler: (request) => library.showcaseOf(actorOf(request), request.query),
  });
  app.route({ ...contractRoute(app, routes.getLibraryResource), handler: (request) => library.get(actorOf(request), request.params.id) });
  app.route({
    ...contractRoute(app, routes.updateLibraryResource),
    handler: (request) => library.update(actorOf(request), request.params.id, request.body),
  });
  app.route({
    ...contractRoute(app, routes.publishLibraryResource),
    handler: (request) => library.setPublished(actorOf(request), request.params.id, true),
  });
  app.route({
    ...contractRoute(app, routes.unpublishLibraryResource),
    handler: (request) => library.setPublished(actorOf(request), request.params.id, false),
  });
  app.route({
    ...contractRoute(app, routes.deleteLibraryResource),
    handler: async (request, reply) => {
      await library.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
};
