import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests whose Origin is neither this host nor a configured public
 * origin. Browsers always send Origin on cross-site POSTs, so together with SameSite=Lax cookies
 * this stops cross-site request forgery; clients without Origin (API tokens, curl) pass.
 */
export const originCheckPlugin = fp(
  async (app: FastifyInstance) => {
    const allowed = new Set(app.platform.config.publicOrigins);
    app.addHook('onRequest', async (request, reply) => {
      if (SAFE_METHODS.has(request.method)) return;
      const origin = request.headers.origin;
      if (!origin) return;
      if (origin === `${request.protocol}://${request.host}` || allowed.has(origin)) return;
      await app.audit(request, { action: 'access.origin_rejected', outcome: 'DENIED', details: { origin, url: request.url } });
      return reply.status(403).send({
        error: {
          code: 'ORIGIN_REJECTED',
          message: `Requests from ${origin} are not allowed. Use the platform's own pages, or add the origin to PUBLIC_ORIGIN.`,
        },
      });
    });
  },
  { name: 'origin-check', dependencies: ['audit'] },
);
