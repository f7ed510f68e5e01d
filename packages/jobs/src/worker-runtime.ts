import { EnterpriseAccess, MediaProcessingService, UploadService, type AuditRepository, type EventPublisher, type JobHandlers, type MediaRepository, type UploadPolicy } from '@platform/core';
import { Ffmpeg, FfmpegVideoProcessor, SharpPhotoProcessor, sniffFile, type FfmpegBinaries } from '@platform/media';
import type { ObjectStore } from '@platform/storage';
import type { PgBoss } from 'pg-boss';
import { startJobRunner } from './job-runner.ts';
import { PgBossJobQueue } from './pg-boss-queue.ts';
import { sweepOrphanWorkspaces, workspaceFactory } from './workspace.ts';

export interface WorkerDeps {
  boss: PgBoss;
  store: ObjectStore;
  media: MediaRepository;
  audit: AuditRepository;
  /** Media status changes go to every API instance's screens. */
  events: EventPublisher;
  ffmpeg: FfmpegBinaries;
  limits: { maxDurationSeconds: number; maxRemuxBitrate: number };
  uploadPolicy: UploadPolicy;
  concurrency: number;
  /** Where job workspaces go; the OS temp dir by default. */
  workRoot?: string;
  log: (message: string, error?: unknown) => void;
}

/** The job handlers over real adapters. Each job name maps to exactly one handler. */
export function createJobHandlers(deps: Omit<WorkerDeps, 'boss' | 'concurrency' | 'log'>): JobHandlers {
  const processing = new MediaProcessingService(
    deps.media,
    deps.store,
    new FfmpegVideoProcessor(new Ffmpeg(deps.ffmpeg), deps.limits),
    new SharpPhotoProcessor(),
    workspaceFactory(deps.store, deps.workRoot),
    deps.events,
  );
  // Expiring uploads needs no scope checks; the access gate is never consulted on that path.
  const noAccess = new EnterpriseAccess(async () => null, deps.audit);
  const uploads = new UploadService(deps.media, deps.store, { send: async () => {} }, noAccess, deps.audit, sniffFile, deps.uploadPolicy, deps.events);
  return {
    'media.process': (data, ctx) => processing.process(data.assetId, ctx),
    'uploads.expire': async () => void (await uploads.expireAbandoned()),
  };
}

/** Starts processing jobs in this process; used by `npm run worker` and by the embedded API. */
export async function startWorker(deps: WorkerDeps): Promise<{ stop(): Promise<void> }> {
  const swept = await sweepOrphanWorkspaces(deps.workRoot);
  if (swept) deps.log(`removed ${swept} workspace(s) left by killed workers`);
  return startJobRunner(deps.boss, createJobHandlers(deps), { concurrency: deps.concurrency, log: deps.log });
}

export { PgBossJobQueue };
