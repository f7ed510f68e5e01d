import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@platform/core';
import type { Repositories } from '@platform/db';
import { openMediaRuntime, type MediaRuntime as SharedMediaRuntime } from '@platform/jobs';
import type { Registry } from '@platform/jobs/metrics';
import type { ApiConfig } from './config.ts';

/** The shared media runtime plus what only the API needs: the key that signs media links. */
export interface MediaRuntime extends SharedMediaRuntime {
  signingSecret: string;
}

/** Opens the media runtime as the API uses it: listening for events, running jobs when embedded. */
export async function openApiMediaRuntime(
  config: ApiConfig,
  databaseUrl: string,
  repos: Repositories,
  log: Logger,
  dataKey: Uint8Array,
  now?: () => Date,
  metrics?: Registry,
): Promise<MediaRuntime> {
  const signingSecret = config.mediaSigningSecret ?? (await embeddedSigningSecret(config.dataDir));
  const runtime = await openMediaRuntime({
    databaseUrl,
    repos,
    storage: config.storage,
    media: config.media,
    uploadQuota: config.uploadQuota,
    jobMonitorSeconds: config.jobMonitorSeconds,
    auditRetentionDays: config.auditRetentionDays,
    learningRetentionDays: config.learning.retentionDays,
    // From SIGTERM: running jobs then are handed back, well within the server's CLOSE_GRACE_SECONDS.
    stopTimeoutSeconds: 10,
    listen: true,
    work: config.workerInProcess ? { concurrency: config.workerConcurrency } : undefined,
    log,
    now,
    reminders: config.reminders,
    compliance: config.compliance,
    dataKey,
    metrics,
  });
  return Object.assign(runtime, { signingSecret });
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
