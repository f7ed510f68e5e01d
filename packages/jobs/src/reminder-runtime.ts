import type { RemindersConfig } from '@platform/config';
import { ReminderService, RobotDelivery, SecretBox, type JobHandlers, type JobQueue } from '@platform/core';
import type { Repositories } from '@platform/db';
import { HttpRobotPoster } from './robot-poster.ts';

/** What the reminder jobs need from the process that runs them. */
export interface ReminderRuntimeOptions {
  repos: Repositories;
  queue: JobQueue;
  config: RemindersConfig;
  /** DATA_ENCRYPTION_KEY; a worker without it cannot open robot URLs and its robot jobs fail (and retry) saying so. */
  dataKey: Uint8Array | undefined;
  now?: () => Date;
}

/** A stand-in for a missing key: fails the robot job with the reason, which the job log shows. */
const noKey = {
  open(): string {
    throw new Error('DATA_ENCRYPTION_KEY is not set in this process: robot URLs cannot be opened (see README, Reminders)');
  },
};

/** The robot sender and the reminder service, wired once for the API and the worker alike. */
export function openReminders(options: ReminderRuntimeOptions): { robots: RobotDelivery; reminders: ReminderService } {
  const now = options.now ?? (() => new Date());
  const secrets = options.dataKey ? new SecretBox(options.dataKey) : noKey;
  const poster = new HttpRobotPoster({ allowPrivate: options.config.allowPrivate });
  const robots = new RobotDelivery(options.repos.webhooks, secrets, poster, options.config.timeoutMs, now);
  const reminders = new ReminderService(options.repos.reminders, options.repos.webhooks, robots, options.queue, options.config, now);
  return { robots, reminders };
}

/** The handlers of the two reminder jobs. */
export function reminderHandlers(reminders: ReminderService): Pick<JobHandlers, 'reminders.missing' | 'reminders.webhook'> {
  return {
    'reminders.missing': (data, ctx) => reminders.remindMissing(data.dueMeetingId, ctx),
    'reminders.webhook': (data, ctx) => reminders.remindByRobot(data.webhookId, data.dueMeetingId, ctx),
  };
}
