import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** Meeting-room cameras: registration, status checks, recording by hand and signed playback. */
export const cameraRoutes: FastifyPluginAsyncZod = async (app) => {
  const { cameras } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listCameras), handler: (request) => cameras.list(actorOf(request), request.query) });

  app.route({
    ...contractRoute(app, routes.createCamera),
    handler: async (request, reply) => reply.status(201).send(await cameras.create(actorOf(request), request.body)),
  });

  app.route({ ...contractRoute(app, routes.getCamera), handler: (request) => cameras.get(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.updateCamera),
    handler: (request) => cameras.update(actorOf(request), request.params.id, request.body),
  });

  app.route({
    ...contractRoute(app, routes.deleteCamera),
    handler: async (request, reply) => {
      await cameras.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.route({ ...contractRoute(app, routes.checkCamera), handler: (request) => cameras.check(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.recordCamera),
    handler: async (request, reply) =>
      reply.status(201).send(await cameras.startRecording(actorOf(request), request.params.id, request.body ?? {})),
  });

  app.route({ ...contractRoute(app, routes.playCamera), handler: (request) => cameras.play(actorOf(request), request.params.id) });
};
