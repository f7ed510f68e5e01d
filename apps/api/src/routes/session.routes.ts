import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** One's own signed-in devices, and a security administrator ending all of an account's sessions. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions } = app.platform.services;

  app.route({
    ...contractRoute(app, routes.listOwnSessions),
    handler: async (request) =>
      (await sessions.listOwn(actorOf(request), request.sessionId)).map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
      })),
  });

  app.route({
    ...contractRoute(app, routes.signOutOwnSession),
    handler: async (request, reply) => {
      await sessions.signOutOwn(actorOf(request), request.params.id, { ip: request.ip });
      // Signing out the session this request came with is a logout: its cookie goes too.
      if (request.params.id === request.sessionId) app.clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...contractRoute(app, routes.revokeUserSessions),
    handler: (request) => sessions.revokeAllByAdmin(actorOf(request), request.params.id, { ip: request.ip }),
  });
};
