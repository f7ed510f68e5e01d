import { uploadPolicyOf, type MediaConfig, type RemindersConfig, type StorageConfig } from '@platform/config';
import {
  AuditRetentionService,
  ComplianceService,
  type ComplianceSettings,
  EnterpriseAccess,
  EvidenceCheckService,
  type EvidenceCheckSettings,
  MediaProcessingService,
  StagedMedia,
  UploadService,
  type JobHandlers,
  type JobQueue,
  type Logger,
  type MediaStore,
  type RobotDelivery,
  type UploadQuota,
} from '@platform/core';
import { PgEventBus, type Repositories } from '@platform/db';
import {
  Ffmpeg,
  FfmpegVideoProcessor,
  PdfDocumentProcessor,
  resolveFfmpegBinaries,
  SharpPhotoProcessor,
  sniffFile,
  type FfmpegBinaries,
} from '@platform/media';
import { createObjectStore, type ObjectStore } from '@platform/storage';
import type { PgBoss } from 'pg-boss';
import { startJobRunner, type JobRunner } from './job-runner.ts';
import { mediaStoreOver } from './media-store.ts';
import { createJobMetrics } from './metrics/job-metrics.ts';
import type { Registry } from './metrics/metrics-registry.ts';
import { PgBossJobQueue, startBoss } from './pg-boss-queue.ts';
import { openReminders, reminderHandlers } from './reminder-runtime.ts';
import { repeatedErrorLog } from './repeated-error-log.ts';
import { sweepOrphanWorkspaces, workspaceFactory } from './workspace.ts';

/** What {@link openMediaRuntime} needs; both entrypoints fill it from their own config.ts. */
export interface MediaRuntimeOptions {
  databaseUrl: string;
  /** Repositories over the caller's database client (the caller owns and closes it). */
  repos: Repositories;
  storage: StorageConfig;
  media: MediaConfig;
  /** Limits on open uploads, for the process that takes new ones (the API); the worker only expires them. */
  uploadQuota?: UploadQuota;
  /** How often pg-boss looks for jobs whose worker died. */
  jobMonitorSeconds: number;
  /**
   * At a stop, how long running jobs may take to finish before they are aborted and handed back
   * to the queue (another worker takes them at once).
   */
  stopTimeoutSeconds: number;
  /** Receive events from every process: an API fans them out to its screens; a worker only publishes. */
  listen: boolean;
  /** Run jobs in this process (`npm run worker`, or the API in its embedded mode); omit to only send them. */
  work?: { concurrency: number; workRoot?: string };
  log: Logger;
  /** The clock of the services built here; tests fix it. */
  now?: () => Date;
  /** Audit rows older than this are removed by the daily `audit.purge` job. */
  auditRetentionDays: number;
  /** Learning records (heartbeats, viewings, presence checks) older than this go with the same daily job. */
  learningRetentionDays: number;
  /** Missing-meeting reminders: links, robot URL policy, post timeout. */
  reminders: RemindersConfig;
  /** Due meetings and their reporting grace; the limits of the evidence checks. */
  compliance: ComplianceSettings & { evidence: EvidenceCheckSettings };
  /** DATA_ENCRYPTION_KEY, which opens the robots' sealed URLs; a worker may lack it (its robot jobs then fail saying so). */
  dataKey: Uint8Array | undefined;
  /** The process's metrics registry: jobs run here record their durations, failures and transcode speeds in it. */
  metrics?: Registry;
}

/** Object store, ffmpeg, events, job queue and the services built on them, as one process uses them. */
export interface MediaRuntime {
  store: ObjectStore;
  /** The same store as the media services see it: their port, with storage errors as domain errors. */
  mediaStore: MediaStore;
  ffmpeg: FfmpegBinaries;
  /** Events from every process, via PostgreSQL LISTEN/NOTIFY. */
  events: PgEventBus;
  boss: PgBoss;
  queue: JobQueue;
  /** The enterprise gate, for every service of the process. */
  access: EnterpriseAccess;
  uploads: UploadService;
  /** Files uploaded before their report was submitted: attached with it, purged if it never is. */
  staged: StagedMedia;
  /** Due meetings: the sweep's service, and the API's for boards, the wall and reports. */
  compliance: ComplianceService;
  /** Posts to group robots (reminder jobs, and the API's "send a test message"). */
  robots: RobotDelivery;
  /**
   * Stops taking jobs at once, lets the running ones finish within `stopTimeoutSeconds`, then
   * aborts and hands back the rest. Idempotent; `close` calls it too. Nothing to do without `work`.
   */
  stopWork(): Promise<void>;
  /** True once `stopWork` (or `close`) has begun: this process takes no new job. */
  readonly stopping: boolean;
  /** Stops work (as `stopWork`), then closes the queue, store and events. */
  close(): Promise<void>;
}

/**
 * The one place the media side is wired: the API (embedded or not) and `npm run worker` both call
 * it, so a job runs over the same store, repositories, ffmpeg and services in either process.
 */
export async function openMediaRuntime(options: MediaRuntimeOptions): Promise<MediaRuntime> {
  const { repos, log } = options;
  const store = createObjectStore(options.storage);
  const mediaStore = mediaStoreOver(store);
  const ffmpeg = resolveFfmpegBinaries(options.media);
  log.info({ ffmpeg: ffmpeg.ffmpeg, ffmpegSource: ffmpeg.source, storage: store.driver }, 'media runtime');
  const events = new PgEventBus(options.databaseUrl, log.child({ component: 'events' }));
  const closers: (() => Promise<void>)[] = [() => store.close(), () => events.close()];
  let runner: JobRunner | undefined;
  let stopping = false;
  const stopWork = async () => {
    stopping = true;
    await runner?.stop(options.stopTimeoutSeconds * 1000);
  };
  const close = async () => {
    for (const closer of closers.reverse().splice(0)) await closer();
  };
  try {
    if (options.listen) await events.listen();
    const boss = await startBoss({
      databaseUrl: options.databaseUrl,
      monitorIntervalSeconds: options.jobMonitorSeconds,
      schedule: true,
      onError: repeatedErrorLog(log.child({ component: 'pg-boss' }), 'job queue error'),
    });
    // After stopWork nothing of ours is running; the timeout only bounds a handler that ignored its abort.
    closers.push(() => boss.stop({ graceful: true, timeout: 5_000 }));
    const queue = new PgBossJobQueue(boss);
    const access = new EnterpriseAccess(async (id) => {
      const e = await repos.enterprises.findById(id);
      return e ? { id: e.id, zoneId: e.zoneId } : null;
    }, repos.audit);
    const uploads = new UploadService(
      repos.media,
      mediaStore,
      queue,
      access,
      repos.audit,
      sniffFile,
      { ...uploadPolicyOf(options.media), quota: options.uploadQuota },
      events,
      options.now,
    );
    const staged = new StagedMedia(repos.stagedMedia, mediaStore, queue, { keepDays: options.media.stagedKeepDays }, options.now);
    const { robots, reminders } = openReminders({
      repos,
      queue,
      config: options.reminders,
      dataKey: options.dataKey,
      now: options.now,
    });
    const compliance = new ComplianceService(repos.dueMeetings, repos.complianceStats, access, queue, options.compliance, options.now);
    if (options.work) {
      const metrics = options.metrics ? createJobMetrics(options.metrics) : undefined;
      const auditRetention = new AuditRetentionService(repos.audit, options.auditRetentionDays);
      const swept = await sweepOrphanWorkspaces(options.work.workRoot);
      if (swept) log.info({ swept }, `removed ${swept} workspace(s) left by killed workers`);
      const processing = new MediaProcessingService(
        repos.media,
        mediaStore,
        new FfmpegVideoProcessor(new Ffmpeg(ffmpeg), options.media, options.now, metrics?.observeTranscode),
        new SharpPhotoProcessor(new Ffmpeg(ffmpeg)),
        workspaceFactory(store, options.work.workRoot),
        events,
        new PdfDocumentProcessor(),
        queue,
      );
      const evidence = new EvidenceCheckService(repos.evidenceChecks, repos.evidenceCounts, options.compliance.evidence);
      const handlers: JobHandlers = {
        'media.process': (data, ctx) => processing.process(data.assetId, ctx, { maxDurationSeconds: data.maxDurationSeconds }),
        'media.photo': (data, ctx) => processing.process(data.assetId, ctx),
        'uploads.expire': async (_data, ctx) => {
          await uploads.expireAbandoned();
          const purged = await staged.purgeStale();
          if (purged) ctx.log.info({ purged }, 'files of reports never submitted removed');
        },
        'audit.purge': async (_data, ctx) => {
          const removed = await auditRetention.purgeExpired();
          ctx.log.info({ removed, retentionDays: options.auditRetentionDays }, 'audit rows past retention removed');
          const before = new Date(Date.now() - options.learningRetentionDays * 86_400_000);
          const heartbeats = await repos.learning.purgeRecordsBefore(before);
          ctx.log.info({ heartbeats, retentionDays: options.learningRetentionDays }, 'learning records past retention removed');
        },
        'evidence.check': async (data, ctx) => void (await evidence.check(data.assetId, ctx.log)),
        'compliance.sweep': (_data, ctx) => compliance.sweep(ctx.log),
        ...reminderHandlers(reminders),
      };
      runner = await startJobRunner(boss, handlers, {
        concurrency: options.work.concurrency,
        log: log.child({ component: 'jobs' }),
        metrics,
      });
      closers.push(stopWork);
    }
    return {
      store,
      mediaStore,
      ffmpeg,
      events,
      boss,
      queue,
      access,
      uploads,
      staged,
      compliance,
      robots,
      stopWork,
      get stopping() {
        return stopping;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
