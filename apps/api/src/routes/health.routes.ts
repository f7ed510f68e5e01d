import { routes } from '@platform/contracts';
import { checkDatabase } from '@platform/db';
import { Ffmpeg } from '@platform/media';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cachedCheck } from '../cached-check.ts';
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

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const ffmpegRuns = cachedCheck(() => new Ffmpeg(app.platform.runtime.ffmpeg).version(), FFMPEG_CHECK_TTL_MS);
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
