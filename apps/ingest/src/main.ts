import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess } from '@platform/config';
import type { Logger } from '@platform/core';
import { createPrismaClient, createRepositories, PgEventBus } from '@platform/db';
import { PgBossJobQueue, repeatedErrorLog, startBoss } from '@platform/jobs';
import { createMetricsRegistry } from '@platform/jobs/metrics';
import { resolveFfmpegBinaries } from '@platform/media';
import { createObjectStore } from '@platform/storage';
import { CameraManager } from './cameras.ts';
import { loadIngestConfig, type IngestConfig } from './config.ts';
import { createInternalServer } from './http.ts';
import { LiveManager } from './lives.ts';
import { MediaServer } from './media-server.ts';
import { registerIngestMetrics } from './metrics.ts';

// The live ingest: node-media-server takes RTMP pushes (and our camera pulls), ffmpeg packages and
// records each live, and a small internal HTTP server gives the API streams and control. Started
// by the API in the embedded default, or on its own (`npm run ingest`) beside API instances.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function run(config: IngestConfig, log: Logger): Promise<void> {
  const { live } = config;
  await fs.mkdir(config.workDir, { recursive: true });
  const prisma = createPrismaClient(config.databaseUrl, { maxConnections: 8 });
  const repos = createRepositories(prisma);
  const store = createObjectStore(config.storage);
  const events = new PgEventBus(config.databaseUrl, log.child({ component: 'events' }));
  const boss = await startBoss({
    databaseUrl: config.databaseUrl,
    monitorIntervalSeconds: 30,
    schedule: false,
    onError: repeatedErrorLog(log.child({ component: 'pg-boss' }), 'job queue error'),
  });
  const queue = new PgBossJobQueue(boss);
  log.debug({ ms: Math.round(performance.now()) }, 'database and job queue open');
  const ffmpeg = resolveFfmpegBinaries(config.media);

  const nms = new MediaServer({
    rtmpHost: live.rtmp.host,
    rtmpPort: live.rtmp.port,
    flvPort: live.flvPort,
    storeDir: path.join(config.workDir, '.nms'),
    log,
  });
  const lives = new LiveManager(
    nms,
    {
      repo: repos.liveIngest,
      store,
      queue,
      events,
      ffmpeg: ffmpeg.ffmpeg,
      ffprobe: ffmpeg.ffprobe,
      workDir: config.workDir,
      log,
      // The lives' own limit, and a reconnect grace's worth of slack per possible gap.
      maxRecordingSeconds: live.limits.maxMinutes * 60 + 10 * live.reconnectGraceSeconds,
    },
    {
      maxTotal: live.limits.total,
      maxMinutes: live.limits.maxMinutes,
      reconnectGraceSeconds: live.reconnectGraceSeconds,
      hls: live.hls,
    },
    config.secret,
  );
  const cameras = new CameraManager(
    nms,
    lives,
    {
      repo: repos.liveIngest,
      events,
      ffmpeg: ffmpeg.ffmpeg,
      ffprobe: ffmpeg.ffprobe,
      workDir: config.workDir,
      dataKey: config.dataKey,
      log: log.child({ component: 'cameras' }),
    },
    {
      idleStopSeconds: live.idleStopSeconds,
      checkSeconds: live.cameraCheckSeconds,
      hls: live.hls,
      autoRecordTickMs: Math.min(10_000, live.cameraCheckSeconds * 1000),
    },
  );
  lives.cameras = cameras;
  if (!config.dataKey) log.warn({}, 'no data key (DATA_ENCRYPTION_KEY): cameras cannot be opened');

  await lives.recover();
  nms.start({ prePublish: (s) => lives.prePublish(s), donePublish: (s) => lives.donePublish(s) });
  const registry = createMetricsRegistry();
  registerIngestMetrics(registry, { lives, cameras });
  const server = createInternalServer({
    secret: config.secret,
    nms,
    lives,
    cameras,
    workDir: config.workDir,
    log,
    metrics: { registry, token: config.metricsToken },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(live.ingest.port, live.ingest.host, () => resolve());
  });
  cameras.start();
  const reconcile = setInterval(
    () => void lives.reconcile().catch((error: unknown) => log.error({ err: error }, 'reconcile failed')),
    10_000,
  );
  log.info(
    {
      rtmp: `${live.rtmp.host}:${live.rtmp.port}`,
      flv: `127.0.0.1:${live.flvPort}`,
      http: `${live.ingest.host}:${live.ingest.port}`,
      workDir: config.workDir,
    },
    'live ingest ready',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'ending lives and stopping');
    setTimeout(() => process.exit(1), 60_000).unref();
    clearInterval(reconcile);
    server.close();
    server.closeAllConnections();
    cameras.halt();
    await lives.endAll('INGEST_RESTARTED').catch((error: unknown) => log.error({ err: error }, 'ending lives failed'));
    await cameras.stop();
    await nms.stop();
    await boss.stop({ graceful: true, timeout: 5000 });
    await events.close();
    await store.close();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

startProcess('ingest', () => loadIngestConfig(process.env, projectRoot), run);
