import { routes } from '@platform/contracts';
import { sourceOf } from '@platform/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';
import { meOf } from './me.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, sessions } = app.platform.services;
  const ctx = (request: { ip: string; headers: Record<string, unknown> }) => ({
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? '') || null,
  });

  app.route({
    ...contractRoute(app, routes.login),
    // Counted after the body is parsed, so a refused attempt is audited with the name it tried.
    config: { rateLimit: { max: app.platform.config.loginRateLimitPerMinute, timeWindow: '1 minute', hook: 'preHandler' } },
    onError: async (request, _reply, error) => {
      if ((error as { code?: string }).code !== 'RATE_LIMITED') return;
      await app.audit(request, {
        actorName: request.body?.username,
        action: 'auth.login',
        outcome: 'DENIED',
        details: { reason: 'rate limited', username: request.body?.username, source: sourceOf(request.ip) },
      });
    },
    handler: async (request, reply) => {
      const result = await auth.login(request.body.username, request.body.password, ctx(request));
      app.setSessionCookie(reply, result.token, result.expiresAt);
      return meOf(app.platform.services, result.actor, result);
    },
  });

  app.route({
    ...contractRoute(app, routes.logout),
    config: { allowPendingSteps: ['MFA', 'MFA_ENROLMENT', 'PASSWORD_CHANGE'] },
    handler: async (request, reply) => {
      if (request.sessionId) await sessions.logout(actorOf(request), request.sessionId, ctx(request));
      app.clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...contractRoute(app, routes.getMe),
    config: { allowPendingSteps: ['MFA', 'MFA_ENROLMENT', 'PASSWORD_CHANGE'] },
    handler: async (request) => {
      const actor = actorOf(request);
      if (actor.apiTokenId) {
        return {
          id: actor.apiTokenId,
          username: actor.username,
          displayName: actor.username,
          role: actor.role,
          enterprise: null,
          zone: null,
          sessionExpiresAt: null,
          pendingStep: null,
          mfaEnabled: false,
        };
      }
      return meOf(app.platform.services, actor, { expiresAt: request.sessionExpiresAt, pendingStep: request.pendingStep });
    },
  });
};
