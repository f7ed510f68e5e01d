import type { Webhook } from '@platform/contracts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { RobotDeliveryError, RobotUnreachableError } from './robot-errors.ts';
import type { RobotMessage } from './reminder-message.ts';
import type { RobotPoster, StoredWebhook, WebhookRepository } from './reminder.port.ts';
import { replyStatus, robotRequest } from './robot-request.ts';

/** The outcome of one post, as recorded on the robot. */
export interface DeliveryOutcome {
  status: string;
  /** The robot after recording, or null when it was deleted meanwhile. */
  webhook: Webhook | null;
}

/**
 * Posts one message to one robot and records the outcome on it (`lastStatus`, `lastSentAt`),
 * success or not. Shared by the reminder job and the "send a test message" button, so both
 * sign, time out and judge answers the same way.
 */
export class RobotDelivery {
  constructor(
    private readonly webhooks: Pick<WebhookRepository, 'recordDelivery'>,
    private readonly secrets: Pick<SecretBox, 'open'>,
    private readonly poster: RobotPoster,
    private readonly timeoutMs: number,
    private readonly now: () => Date,
  ) {}

  /**
   * Throws {@link RobotDeliveryError} or {@link RobotUnreachableError} after recording a failure,
   * so a job retries; their messages name the robot by id and host only, never its URL.
   */
  async send(hook: StoredWebhook, message: RobotMessage, signal?: AbortSignal): Promise<DeliveryOutcome> {
    const url = this.secrets.open(hook.urlCipher);
    const secret = hook.secretCipher ? this.secrets.open(hook.secretCipher) : null;
    const request = robotRequest(hook.kind, url, message, secret, this.now().getTime());
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let status: string;
    let failure: Error | undefined;
    try {
      const reply = await this.poster.post(request.url, request.body, signal ? AbortSignal.any([signal, timeout]) : timeout);
      status = replyStatus(reply);
      if (status !== 'OK')
        failure = new RobotDeliveryError(status, `robot ${hook.id} at ${hook.host} did not deliver: ${status} ${reply.body.slice(0, 200)}`);
    } catch (error) {
      if (!(error instanceof RobotUnreachableError)) throw error;
      status = error.reason;
      failure = error;
    }
    const webhook = await this.webhooks.recordDelivery(hook.id, status, this.now());
    if (failure) throw failure;
    return { status, webhook };
  }
}
