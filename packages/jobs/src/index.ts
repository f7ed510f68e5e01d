export { startJobRunner, type RunnerOptions } from './job-runner.ts';
export { PgBossJobQueue, startBoss, type BossOptions } from './pg-boss-queue.ts';
export { QUEUES } from './queues.ts';
export { createJobHandlers, startWorker, type WorkerDeps } from './worker-runtime.ts';
export { sweepOrphanWorkspaces, workspaceFactory, WORKSPACE_PREFIX } from './workspace.ts';
