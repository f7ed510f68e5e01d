export { startJobRunner, type JobRunner, type RunnerOptions } from './job-runner.ts';
export { handBack } from './hand-back.ts';
export { openMediaRuntime, type MediaRuntime, type MediaRuntimeOptions } from './media-runtime.ts';
export { PgBossJobQueue, startBoss, type BossOptions } from './pg-boss-queue.ts';
export { QUEUES } from './queues.ts';
export { openReminders, reminderHandlers, type ReminderRuntimeOptions } from './reminder-runtime.ts';
export { repeatedErrorLog } from './repeated-error-log.ts';
export { HttpRobotPoster } from './robot-poster.ts';
export { sweepOrphanWorkspaces, workspaceFactory, WORKSPACE_PREFIX } from './workspace.ts';
