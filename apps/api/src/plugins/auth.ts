import cookie from '@fastify/cookie';
import { pendingStepError, UnauthorizedError, type Actor, type PendingStep } from '@platform/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export const SESSION_COOKIE = 'bhs_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`; null on public routes. */
    actor: Actor | null;
    sessionId: string | null;
    sessionExpiresAt: Date | null;
    /** What the session still owes (second factor, enrolment, new password); null when complete. */
    pendingStep: PendingStep;
  }
  interface FastifyContextConfig {
    /**
     * Steps a session may still owe and use this route: only the routes that complete the step
     * (and see who is signed in, sign out). Every other route answers 403 with the step's code.
     */
    allowPendingSteps?: readonly Exclude<PendingStep, null>[];
    /**
     * Resolve the session through a short cache (see session-cache.ts): for the learning
     * heartbeats, called a thousand times a second. Ended sessions are forgotten at once.
     */
    cachedSession?: boolean;
  }
  interface FastifyInstance {
    /** onRequest hook for protected routes: a session cookie or an `Authorization: Bearer` API token. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
}

/** Resolves who is calling. Services decide what they may do. */
export const authPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(cookie);
    const { auth } = app.platform.services;
    const secure = app.platform.config.cookieSecure;

    app.decorateRequest('actor', null);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('sessionExpiresAt', null);
    app.decorateRequest('pendingStep', null);

    app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
      const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const cookieToken = request.cookies[SESSION_COOKIE];
      try {
        if (bearer) {
          request.actor = await auth.resolveApiToken(bearer);
        } else if (cookieToken) {
          const resolve = request.routeOptions.config.cachedSession ? app.platform.services.cachedSessions : auth.resolveSession.bind(auth);
          const session = await resolve(cookieToken);
          request.actor = session.actor;
          request.sessionId = session.sessionId;
          request.sessionExpiresAt = session.expiresAt;
          request.pendingStep = session.pendingStep;
        } else {
          throw new UnauthorizedError('UNAUTHENTICATED', 'Log in first: this needs a session cookie or an API token.');
        }
      } catch (error) {
        if (error instanceof UnauthorizedError) {
          if (cookieToken && !bearer) app.clearSessionCookie(reply);
          // A request with no credential at all is a visitor who is not logged in (the login page's
          // own probe of /api/auth/me, an expired tab): audit noise. A credential that was
          // presented and refused (expired, revoked, forged) is worth a row.
          if (bearer || cookieToken)
            await app.audit(request, {
              action: 'access.unauthenticated',
              outcome: 'DENIED',
              details: { method: request.method, url: request.url, reason: error.code, credential: bearer ? 'apiToken' : 'session' },
            });
        }
        throw error;
      }
      // Outside the try: a session that owes a step is valid, just not usable here (403, no cookie cleared).
      const step = request.pendingStep;
      if (step && !request.routeOptions.config.allowPendingSteps?.includes(step)) throw pendingStepError(step);
    });

    app.decorate('setSessionCookie', (reply: FastifyReply, token: string, expiresAt: Date) => {
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
    });
    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    });
  },
  { name: 'auth', dependencies: ['audit'] },
);

/** The actor of an authenticated request; routes behind `authenticate` always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError('UNAUTHENTICATED', 'Log in first.');
  return request.actor;
}
