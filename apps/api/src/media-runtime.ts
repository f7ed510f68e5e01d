import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { uploadPolicyOf } from '@platform/config';
import { PgEventBus, type Repositories } from '@platform/db';
import { PgBossJobQueue, startBoss, startWorker } from '@platform/jobs';
import { resolveFfmpegBinaries, type FfmpegBinaries } from '@platform/media';
import { createObjectStore, type ObjectStore } from '@platform/storage';
import type { PgBoss } from 'pg-boss';
import type { ApiConfig } from './config.ts';

/** Object store, job queue, ffmpeg and (embedded) the in-process worker. */
export interface MediaRuntime {
  store: ObjectStore;
  boss: PgBoss;
  queue: PgBossJobQueue;
  ffmpeg: FfmpegBinaries;
  signingSecret: string;
  /** Events from every process, via PostgreSQL LISTEN/NOTIFY. */
  events: PgEventBus;
  close(): Promise<void>;
}

export async function openMediaRuntime(config: ApiConfig, databaseUrl: string, repos: Repositories, log: (m: string, e?: unknown) => void): Promise<MediaRuntime> {
  const store = createObjectStore(config.storage);
  const ffmpeg = resolveFfmpegBinaries(config.media);
  log(`ffmpeg: ${ffmpeg.ffmpeg} (${ffmpeg.source}); storage: ${config.storage.driver}`);
  const events = new PgEventBus(databaseUrl, log);
  await events.listen();
  const boss = await startBoss({ databaseUrl, monitorIntervalSeconds: config.jobMonitorSeconds, schedule: true, onError: (e) => log('job queue error', e) });
  const worker = config.workerInProcess
    ? await startWorker({
        boss,
        store,
        media: repos.media,
        audit: repos.audit,
        events,
        ffmpeg,
        limits: config.media,
        uploadPolicy: uploadPolicyOf(config.media),
        concurrency: config.workerConcurrency,
        log,
      })
    : undefined;
  return {
    store,
    boss,
    queue: new PgBossJobQueue(boss),
    ffmpeg,
    events,
    signingSecret: config.mediaSigningSecret ?? (await embeddedSigningSecret(config.dataDir)),
    async close() {
      await worker?.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
      await store.close();
      await events.close();
    },
  };
}

/** A single embedded instance keeps its own random secret, so links survive restarts. */
async function embeddedSigningSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'media-signing-secret');
  if (existsSync(file)) return (await fs.readFile(file, 'utf8')).trim();
  const secret = randomBytes(48).toString('base64url');
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
