import rateLimit from '@fastify/rate-limit';
import { endpoints } from '@platform/contracts';
import { sourceOf } from '@platform/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const MINUTE_MS = 60_000;

/**
 * Who a request is counted against: its session or API token once `authenticate` has run (the
 * limiter's hook comes after it on every route), otherwise its address (IPv6 by /64).
 */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.sessionId) return `session:${request.sessionId}`;
  if (request.actor?.apiTokenId) return `token:${request.actor.apiTokenId}`;
  return `ip:${sourceOf(request.ip)}`;
}

/**
 * A general limit on every API route: per session or token, and per address for requests without
 * one. Pages and static files are not counted, nor are HLS playlists and segments (recorded or
 * live) behind signed links: a wall of nine videos fetches several a second and each is a cheap file read. Routes with
 * a `config.rateLimit` of their own (login) are counted by that instead.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    const { perSessionPerMinute, perIpPerMinute } = app.platform.config.rateLimit;
    await app.register(rateLimit, {
      global: true,
      timeWindow: MINUTE_MS,
      keyGenerator: rateLimitKey,
      max: (_request, key) => (key.startsWith('ip:') ? perIpPerMinute : perSessionPerMinute),
      allowList: (request) =>
        !request.url.startsWith('/api/') ||
        request.routeOptions.url === endpoints.streamMediaFile.path ||
        request.routeOptions.url === endpoints.streamLiveFile.path ||
        // Probes of every kubelet and balancer: a refused probe takes a healthy instance out of service.
        request.routeOptions.url === endpoints.getHealthLive.path ||
        request.routeOptions.url === endpoints.getHealthReady.path,
      // Thrown into the common error handler, which keeps statusCode, code and params.
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(`Too many requests; try again in ${context.after}.`), {
          statusCode: 429,
          code: 'RATE_LIMITED',
          params: { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
        }),
    });
  },
  { name: 'rate-limit', dependencies: ['audit', 'auth'] },
);
