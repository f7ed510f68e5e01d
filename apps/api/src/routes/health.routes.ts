import { Health } from '@platform/contracts';
import { checkDatabase } from '@platform/db';
import { Ffmpeg } from '@platform/media';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

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

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', {
    schema: {
      tags: ['system'],
      operationId: 'getHealth',
      summary: 'Liveness and a check per component',
      security: [],
      response: { 200: Health, 503: Health },
    },
  }, async (_request, reply) => {
    const { runtime } = app.platform;
    const checks = {
      db: await timed(() => checkDatabase(app.platform.prisma)),
      storage: await timed(() => runtime.store.check()),
      queue: await timed(async () => void (await runtime.boss.getQueue('media.process'))),
      ffmpeg: await timed(async () => void new Ffmpeg(runtime.ffmpeg).version()),
    };
    const ok = Object.values(checks).every((c) => c.status === 'ok');
    return reply.status(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'degraded',
      version: '1.0.0',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      checks,
    });
  });
};
