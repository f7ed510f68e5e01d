import { routes } from '@platform/contracts';
import { checkDatabase } from '@platform/db';
import { Ffmpeg } from '@platform/media';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cachedCheck } from '../cached-check.ts';
import type { Lifecycle } from '../lifecycle.ts';
import { contractRoute } from './contract-route.ts';

const startedAt = Date.now();

async function timed(check: () => Promise<void>) {
  const t = performance.now();
  try {
    await check();
    return { status: 'ok' as const, latencyMs: Math.round(performance.now() - t) };
  } catch (error) {
    return { status: 'error' as const, latencyMs: Math.round(performance.now() - t), error: (error as Error).message };
  }
}

// Checking ffmpeg starts a process, and its answer only changes when someone replaces the binary.
const FFMPEG_CHECK_TTL_MS = 30_000;
// Probes come every few seconds from every kubelet and balancer: a database round trip and an
// object store request once a second at most, whoever asks.
const READY_CHECK_TTL_MS = 1_000;

export interface HealthRoutesOptions {
  /** Draining from SIGTERM on; readiness reports it. */
  lifecycle: Lifecycle;
}

export const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, { lifecycle }) => {
  const ffmpegRuns = cachedCheck(() => new Ffmpeg(app.platform.runtime.ffmpeg).version(), FFMPEG_CHECK_TTL_MS);
  const readyChecks = cachedCheck(async () => {
    const [db, storage] = await Promise.all([
      timed(() => checkDatabase(app.platform.prisma)),
      timed(() => app.platform.runtime.store.check()),
    ]);
    return { db, storage };
  }, READY_CHECK_TTL_MS);

  app.route({
    ...contractRoute(app, routes.getHealthLive),
    handler: async () => ({ status: 'ok' as const }),
  });
  app.route({
    ...contractRoute(app, routes.getHealthReady),
    handler: async (_request, reply) => {
      if (lifecycle.draining) return reply.status(503).send({ status: 'draining' });
      const checks = await readyChecks();
      const ok = checks.db.status === 'ok' && checks.storage.status === 'ok';
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', checks });
    },
  });
  app.route({
    ...contractRoute(app, routes.getHealth),
    handler: async (_request, reply) => {
      const { runtime } = app.platform;
      const checks = {
        db: await timed(() => checkDatabase(app.platform.prisma)),
        storage: await timed(() => runtime.store.check()),
        queue: await timed(async () => void (await runtime.boss.getQueue('media.process'))),
        ffmpeg: await timed(async () => void (await ffmpegRuns())),
      };
      const ok = Object.values(checks).every((c) => c.status === 'ok');
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        version: '1.0.0',
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        checks,
      });
    },
  });
};
