import type { AuditEvent } from '@platform/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Platform } from '../platform.ts';

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
