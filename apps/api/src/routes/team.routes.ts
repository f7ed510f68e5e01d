import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** An enterprise's teams (班组) with rosters, and its shifts (班次). */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { teams, shifts } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listTeams), handler: (request) => teams.list(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.createTeam),
    handler: async (request, reply) => reply.status(201).send(await teams.create(actorOf(request), request.params.id, request.body)),
  });

  app.route({ ...contractRoute(app, routes.getTeam), handler: (request) => teams.get(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.updateTeam),
    handler: (request) => teams.update(actorOf(request), request.params.id, request.body),
  });

  app.route({ ...contractRoute(app, routes.listShifts), handler: (request) => shifts.list(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.createShift),
    handler: async (request, reply) => reply.status(201).send(await shifts.create(actorOf(request), request.params.id, request.body)),
  });

  app.route({
    ...contractRoute(app, routes.updateShift),
    handler: (request) => shifts.update(actorOf(request), request.params.id, request.body),
  });
};
