import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';
import { sendTable } from './export.routes.ts';

/** The 百千万 programme: targets, enterprises in its tiers, and progress against the targets. */
export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { programmes } = app.platform.services;

  app.route({
    ...contractRoute(app, routes.getProgramme),
    handler: (request) => programmes.get(actorOf(request), request.query.programmeId),
  });

  app.route({
    ...contractRoute(app, routes.updateProgramme),
    handler: (request) => programmes.update(actorOf(request), request.body),
  });

  app.route({
    ...contractRoute(app, routes.getProgrammeDashboard),
    handler: (request) => programmes.dashboard(actorOf(request), request.query),
  });

  app.route({
    ...contractRoute(app, routes.exportProgrammeDashboard),
    handler: async (request, reply) =>
      sendTable(reply, await programmes.exportDashboard(actorOf(request), request.query), request.query.format),
  });

  app.route({
    ...contractRoute(app, routes.listProgrammeEnterprises),
    handler: (request) => programmes.enrolled(actorOf(request), request.query),
  });

  app.route({
    ...contractRoute(app, routes.listProgrammeCandidates),
    handler: (request) => programmes.candidates(actorOf(request), request.query),
  });

  app.route({
    ...contractRoute(app, routes.enrolProgrammeEnterprises),
    handler: (request) => programmes.enrol(actorOf(request), request.body),
  });

  app.route({
    ...contractRoute(app, routes.setProgrammeEnterpriseTier),
    handler: (request) => programmes.setTier(actorOf(request), request.params.id, request.body),
  });

  app.route({
    ...contractRoute(app, routes.removeProgrammeEnterprise),
    handler: async (request, reply) => {
      await programmes.remove(actorOf(request), request.params.id, request.query.programmeId);
      return reply.status(204).send(null);
    },
  });
};
