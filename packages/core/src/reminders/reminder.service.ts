import { createHash } from 'node:crypto';
import type { JobContext, JobQueue } from '../jobs/jobs.ts';
import { dayPath, missingMeetingMessage, shanghaiClock } from './reminder-message.ts';
import type { ReminderRepository, WebhookRepository } from './reminder.port.ts';
import type { RobotDelivery } from './robot-delivery.ts';

/** Where reminder links point: the platform's public URL (PUBLIC_URL). */
export interface ReminderSettings {
  baseUrl: string;
}

/**
 * The id of the one robot job of a robot and a due meeting. pg-boss ignores a job whose id exists,
 * so a re-run of `reminders.missing` (a retry, or the sweep sending twice) queues no second post.
 */
export function robotJobId(webhookId: string, dueMeetingId: string): string {
  const hex = createHash('sha256').update(`reminders.webhook:${webhookId}:${dueMeetingId}`).digest('hex');
  // Shaped as a UUID (version 8, "custom"), which is what pg-boss and PostgreSQL take as an id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Missing-meeting reminders, after the compliance sweep marked a due meeting MISSING: an in-app
 * notice to every active officer of the enterprise, and one job per active robot. Each robot has
 * its own job on its own queue, so a dead robot is retried with backoff without holding up the
 * notices, other robots or any other enterprise.
 */
export class ReminderService {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly webhooks: Pick<WebhookRepository, 'activeIds' | 'findById'>,
    private readonly delivery: RobotDelivery,
    private readonly queue: JobQueue,
    private readonly settings: ReminderSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Handler of `reminders.missing`. Safe to run again: it adds no notice and queues no post twice. */
  async remindMissing(dueMeetingId: string, ctx: Pick<JobContext, 'log'>): Promise<void> {
    const due = await this.reminders.findDueMeeting(dueMeetingId);
    if (!due || due.status !== 'MISSING') {
      ctx.log.info({ status: due?.status ?? 'GONE' }, 'due meeting is not missing (reported meanwhile, or removed): no reminder');
      return;
    }
    // Robot jobs first: their ids make a re-run harmless, while the notices below are claimed once,
    // so a failure between the two cannot lose the posts.
    const webhookIds = await this.webhooks.activeIds(due.enterpriseId);
    for (const webhookId of webhookIds)
      await this.queue.send('reminders.webhook', { webhookId, dueMeetingId }, { id: robotJobId(webhookId, dueMeetingId) });
    const params = {
      team: due.teamName,
      shift: due.shiftName,
      date: due.date,
      from: shanghaiClock(due.dueFrom),
      until: shanghaiClock(due.dueUntil),
    };
    const notified = await this.reminders.claimAndNotify(dueMeetingId, this.now(), (userId) => ({
      userId,
      enterpriseId: due.enterpriseId,
      kind: 'MEETING_MISSING',
      params,
      link: dayPath(due.date),
    }));
    ctx.log.info({ robots: webhookIds.length, notified }, notified ? 'officers notified' : 'officers were notified already');
  }

  /** Handler of `reminders.webhook`: throws when the robot did not deliver, so pg-boss retries with backoff. */
  async remindByRobot(webhookId: string, dueMeetingId: string, ctx: Pick<JobContext, 'log' | 'signal'>): Promise<void> {
    const [due, hook] = await Promise.all([this.reminders.findDueMeeting(dueMeetingId), this.webhooks.findById(webhookId)]);
    if (!due || due.status === 'REPORTED') {
      ctx.log.info({ status: due?.status ?? 'GONE' }, 'meeting reported meanwhile (or removed): robot not asked');
      return;
    }
    if (!hook || !hook.active) {
      ctx.log.info({ robot: hook ? 'inactive' : 'deleted' }, 'robot switched off or deleted: nothing posted');
      return;
    }
    const outcome = await this.delivery.send(hook, missingMeetingMessage(due, this.settings.baseUrl), ctx.signal);
    ctx.log.info({ host: hook.host, status: outcome.status }, 'reminder posted to robot');
  }
}
