import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** Accounts. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listUsers), handler: (request) => users.list(actorOf(request), request.query) });

  app.route({ ...contractRoute(app, routes.getUser), handler: (request) => users.get(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.createUser),
    handler: async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
  });

  app.route({
    ...contractRoute(app, routes.updateUser),
    handler: (request) => users.update(actorOf(request), request.params.id, request.body),
  });
};
