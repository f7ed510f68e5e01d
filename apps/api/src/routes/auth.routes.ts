import { LoginBody, Me } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.ts';
import { errorResponses } from './responses.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, users } = app.platform.services;
  const ctx = (request: { ip: string; headers: Record<string, unknown> }) => ({ ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') || null });

  app.post('/api/auth/login', {
    config: { rateLimit: { max: app.platform.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      operationId: 'login',
      summary: 'Log in with username and password; sets the session cookie',
      security: [],
      body: LoginBody,
      response: { 200: Me, ...errorResponses(400, 401, 429) },
    },
  }, async (request, reply) => {
    const result = await auth.login(request.body.username, request.body.password, ctx(request));
    app.setSessionCookie(reply, result.token, result.expiresAt);
    const me = await users.me(result.actor);
    return { ...me, sessionExpiresAt: result.expiresAt.toISOString() };
  });

  app.register(async (authed) => {
    authed.addHook('onRequest', app.authenticate);

    authed.post('/api/auth/logout', {
      schema: { tags: ['auth'], operationId: 'logout', summary: 'End the current session', response: { 204: z.null(), ...errorResponses(401) } },
    }, async (request, reply) => {
      if (request.sessionId) await auth.logout(request.sessionId, actorOf(request), ctx(request));
      app.clearSessionCookie(reply);
      return reply.status(204).send(null);
    });

    authed.get('/api/auth/me', {
      schema: { tags: ['auth'], operationId: 'getMe', summary: 'The logged-in user, role and enterprise or zone', response: { 200: Me, ...errorResponses(401) } },
    }, async (request) => {
      const actor = actorOf(request);
      if (actor.apiTokenId) {
        return { id: actor.apiTokenId, username: actor.username, displayName: actor.username, role: actor.role, enterprise: null, zone: null, sessionExpiresAt: null };
      }
      return { ...(await users.me(actor)), sessionExpiresAt: request.sessionExpiresAt?.toISOString() ?? null };
    });
  });
};
