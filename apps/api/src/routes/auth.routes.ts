import { routes } from '@platform/contracts';
import { sourceOf } from '@platform/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, users, sessions } = app.platform.services;
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
      const me = await users.me(result.actor);
      return { ...me, sessionExpiresAt: result.expiresAt.toISOString() };
    },
  });

  app.route({
    ...contractRoute(app, routes.logout),
    handler: async (request, reply) => {
      if (request.sessionId) await sessions.logout(actorOf(request), request.sessionId, ctx(request));
      app.clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...contractRoute(app, routes.getMe),
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
        };
      }
      return { ...(await users.me(actor)), sessionExpiresAt: request.sessionExpiresAt?.toISOString() ?? null };
    },
  });
};
