import { readQueueStats, scrapeAllowed, scrapeRequestOf } from '@platform/jobs/metrics';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { cachedCheck } from '../cached-check.ts';
import { createApiMetrics, methodLabel, type ApiMetrics } from './api-metrics.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The API's metrics, for routes that count something (upload bytes, event streams). */
    metrics: ApiMetrics;
  }
}

// A burst of scrapes (two Prometheus replicas, a person with curl) costs one query per this long.
const SCRAPE_CACHE_MS = 2_000;

/**
 * Prometheus metrics: the duration of every request by route pattern, and `GET /metrics` in the
 * text format, for callers with `Authorization: Bearer <METRICS_TOKEN>` or, without a token, on the
 * loopback; everyone else gets the 404 of a route that does not exist. Not an /api route, so
 * neither the rate limit, sessions nor the contract (OpenAPI) apply to it.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const { platform } = app;
    const log = app.log.child({ component: 'metrics' });
    const metrics = createApiMetrics(platform.metrics, {
      queueStats: cachedCheck(() => readQueueStats(platform.runtime.boss), SCRAPE_CACHE_MS),
      liveSessions: cachedCheck(() => platform.repos.lives.countOnAir(), SCRAPE_CACHE_MS),
      onError: (error, metric) => log.warn({ err: error, metric }, 'metric not collected'),
    });
    app.decorate('metrics', metrics);

    app.addHook('onResponse', async (request, reply) => {
      // The pattern, never the URL: ids in paths would make a series per meeting.
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.httpDuration.observe(
        { method: methodLabel(request.method), route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const allowed = scrapeAllowed(platform.config.metricsToken, scrapeRequestOf(request.raw));
      if (!allowed) return reply.callNotFound();
      const body = await metrics.registry.metrics();
      return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(body);
    });
  },
  { name: 'metrics', dependencies: ['audit'] },
);
