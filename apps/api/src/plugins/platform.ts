import type { AuditEvent } from '@platform/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Platform } from '../platform.ts';
import { requestOrigin } from '../request-context.ts';

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
    /** Writes an audit row with the request's actor and IP filled in. */
    audit(request: FastifyRequest, event: Omit<AuditEvent, 'actor' | 'ip'>): Promise<void>;
  }
}

/** Makes the platform (config, repositories, services) and the audit helper available to routes. */
export const platformPlugin = fp(
  async (app: FastifyInstance, opts: { platform: Platform }) => {
    app.decorate('platform', opts.platform);
    // Everything that runs for this request (hooks, handler, services) sees where it came from.
    app.addHook('onRequest', (request, _reply, done) => {
      const userAgent = request.headers['user-agent'];
      requestOrigin.run({ ip: request.ip, userAgent: userAgent ? userAgent.slice(0, 512) : null }, done);
    });
    app.decorate('audit', async (request: FastifyRequest, event: Omit<AuditEvent, 'actor' | 'ip'>) => {
      try {
        await opts.platform.repos.audit.record({ ...event, actor: request.actor, ip: request.ip });
      } catch (error) {
        // Losing an audit row must not turn a refusal into a 500; it is logged for follow-up.
        request.log.error({ err: error, event }, 'audit write failed');
      }
    });
  },
  { name: 'audit' },
);
