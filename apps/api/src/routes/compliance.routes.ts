import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** Enforcement: reviews and the enterprise's answers, wrong files removed, missing meetings, dashboards. */
export const complianceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { reviews, compliance, showcase, calendar } = app.platform.services;

  app.route({
    ...contractRoute(app, routes.listCalendarDays),
    handler: (request) => calendar.list(actorOf(request), request.params.id, request.query),
  });

  app.route({
    ...contractRoute(app, routes.setCalendarDay),
    handler: (request) => calendar.set(actorOf(request), request.params.id, request.params.date, request.body),
  });

  app.route({
    ...contractRoute(app, routes.clearCalendarDay),
    handler: async (request, reply) => {
      await calendar.clear(actorOf(request), request.params.id, request.params.date);
      return reply.status(204).send(null);
    },
  });

  app.route({ ...contractRoute(app, routes.listShowcase), handler: (request) => showcase.list(actorOf(request), request.query) });

  app.route({
    ...contractRoute(app, routes.getShowcaseMeeting),
    handler: (request) => showcase.get(actorOf(request), request.params.id),
  });

  app.route({
    ...contractRoute(app, routes.reviewMeeting),
    handler: (request) => reviews.review(actorOf(request), request.params.id, request.body),
  });

  app.route({
    ...contractRoute(app, routes.respondToCorrection),
    handler: (request) => reviews.respond(actorOf(request), request.params.id, request.body),
  });

  app.route({
    ...contractRoute(app, routes.removeMedia),
    handler: async (request, reply) => {
      await reviews.removeFile(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...contractRoute(app, routes.listMissingMeetings),
    handler: (request) => compliance.missing(actorOf(request), request.query),
  });

  app.route({
    ...contractRoute(app, routes.getComplianceDashboard),
    handler: (request) => compliance.dashboard(actorOf(request), request.query),
  });
};
