import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** Zones, industries and enterprises. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { zones, enterprises } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listZones), handler: () => zones.listZones() });

  app.route({
    ...contractRoute(app, routes.createZone),
    handler: async (request, reply) => reply.status(201).send(await zones.create(actorOf(request), request.body)),
  });

  app.route({
    ...contractRoute(app, routes.updateZone),
    handler: (request) => zones.update(actorOf(request), request.params.id, request.body),
  });

  app.route({ ...contractRoute(app, routes.listIndustries), handler: () => zones.listIndustries() });

  app.route({ ...contractRoute(app, routes.listEnterprises), handler: (request) => enterprises.list(actorOf(request), request.query) });

  app.route({ ...contractRoute(app, routes.getEnterprise), handler: (request) => enterprises.get(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.createEnterprise),
    handler: async (request, reply) => reply.status(201).send(await enterprises.create(actorOf(request), request.body)),
  });

  app.route({
    ...contractRoute(app, routes.updateEnterprise),
    handler: (request) => enterprises.update(actorOf(request), request.params.id, request.body),
  });
};
