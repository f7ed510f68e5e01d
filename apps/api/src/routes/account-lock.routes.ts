import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** Where an account is locked from after failed logins, and the security administrator's unlock. */
export const accountLockRoutes: FastifyPluginAsyncZod = async (app) => {
  const { accountLocks } = app.platform.services;

  app.route({
    ...contractRoute(app, routes.getUserLocks),
    handler: (request) => accountLocks.status(actorOf(request), request.params.id),
  });

  app.route({
    ...contractRoute(app, routes.unlockUser),
    handler: (request) => accountLocks.unlock(actorOf(request), request.params.id, request.ip),
  });
};
