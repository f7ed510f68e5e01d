import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** 班前会 reports, the enterprise's daily board and the command centre's counts. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { meetings, compliance } = app.platform.services;

  app.route({
    ...contractRoute(app, routes.reportMeeting),
    handler: async (request, reply) => reply.status(201).send(await meetings.create(actorOf(request), request.body)),
  });

  app.route({
    ...contractRoute(app, routes.updateMeeting),
    handler: (request) => meetings.update(actorOf(request), request.params.id, request.body),
  });

  app.route({ ...contractRoute(app, routes.getMeeting), handler: (request) => meetings.get(actorOf(request), request.params.id) });

  app.route({ ...contractRoute(app, routes.listMeetings), handler: (request) => meetings.list(actorOf(request), request.query) });

  app.route({
    ...contractRoute(app, routes.getBoard),
    handler: (request) => compliance.board(actorOf(request), request.params.id, request.query.date),
  });

  app.route({ ...contractRoute(app, routes.getWallStats), handler: (request) => compliance.wallStats(actorOf(request), request.query) });
};
