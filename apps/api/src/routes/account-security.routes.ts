import { routes } from '@platform/contracts';
import { UnauthorizedError } from '@platform/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';
import { meOf } from './me.ts';

/** Identification and authentication: one's own password change, TOTP enrolment and verification, the MFA reset. */
export const accountSecurityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { passwords, mfa } = app.platform.services;
  const ctx = (request: { ip: string }) => ({ ip: request.ip });
  /** The session of a cookie-authenticated request; API tokens have no password or second factor to change. */
  const sessionOf = (request: { sessionId: string | null }) => {
    if (!request.sessionId) throw new UnauthorizedError('UNAUTHENTICATED', 'This needs a signed-in session, not an API token.');
    return request.sessionId;
  };

  app.route({
    ...contractRoute(app, routes.changePassword),
    // A privileged user who still owes enrolment may change the password too; one who owes the code may not.
    config: { allowPendingSteps: ['PASSWORD_CHANGE', 'MFA_ENROLMENT'] },
    handler: async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      await passwords.changeOwn(actorOf(request), sessionOf(request), currentPassword, newPassword, ctx(request));
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...contractRoute(app, routes.startMfaEnrolment),
    config: { allowPendingSteps: ['MFA_ENROLMENT'] },
    handler: (request) => {
      sessionOf(request);
      return mfa.startEnrolment(actorOf(request), ctx(request));
    },
  });

  app.route({
    ...contractRoute(app, routes.activateMfa),
    config: { allowPendingSteps: ['MFA_ENROLMENT'] },
    handler: (request) => mfa.activate(actorOf(request), sessionOf(request), request.body.code, ctx(request)),
  });

  app.route({
    ...contractRoute(app, routes.verifyMfa),
    config: { allowPendingSteps: ['MFA'] },
    handler: async (request) => {
      const actor = actorOf(request);
      const sessionId = sessionOf(request);
      await mfa.verify(actor, sessionId, request.body, ctx(request));
      // Resolved again: the session may owe the next step now (a forced password change).
      const session = await app.platform.services.auth.resolveSession(request.cookies[SESSION_COOKIE]!);
      return meOf(app.platform.services, actor, session);
    },
  });

  app.route({
    ...contractRoute(app, routes.resetUserMfa),
    handler: async (request, reply) => {
      await mfa.reset(actorOf(request), request.params.id, ctx(request));
      return reply.status(204).send(null);
    },
  });
};
