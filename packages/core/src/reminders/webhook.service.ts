import type { Webhook, WebhookInput, WebhookTestResult, WebhookUpdate } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { NotFoundError, ValidationError } from '../errors/index.ts';
import type { RobotDelivery } from './robot-delivery.ts';
import { RobotDeliveryError, RobotUnreachableError } from './robot-errors.ts';
import { testMessage } from './reminder-message.ts';
import type { StoredWebhook, WebhookRepository } from './reminder.port.ts';
import { checkWebhookUrl, type WebhookUrlPolicy } from './webhook-url.ts';

/** The public view of a stored robot: everything but the sealed URL and secret. */
function publicView({ urlCipher: _url, secretCipher: _secret, ...webhook }: StoredWebhook): Webhook {
  return webhook;
}

/**
 * An enterprise's group robots, managed by its enterprise officer (or an administrator): nobody
 * else sees that they exist. URL and secret are sealed before they are stored and never leave
 * the server again; the audit log records the host, not the URL.
 */
export class WebhookService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly secrets: Pick<SecretBox, 'seal'>,
    private readonly delivery: RobotDelivery,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly policy: WebhookUrlPolicy & { baseUrl: string; enterpriseName: (id: string) => Promise<string> },
  ) {}

  async list(actor: Actor, enterpriseId: string): Promise<Webhook[]> {
    await this.access.assertCanManage(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    return this.webhooks.listByEnterprise(enterpriseId);
  }

  async create(actor: Actor, enterpriseId: string, input: WebhookInput): Promise<Webhook> {
    await this.access.assertCanManage(actor, enterpriseId, { entityType: 'enterprise', entityId: enterpriseId });
    const checked = checkWebhookUrl(input.url, this.policy);
    if (!checked.ok) throw ValidationError.field('url', checked.code, checked.message);
    if (input.secret && input.kind === 'WECOM')
      throw ValidationError.field('secret', 'WEBHOOK_SECRET_NOT_ALLOWED', 'WeCom robots do not sign; leave the secret out');
    const webhook = await this.webhooks.create({
      enterpriseId,
      kind: input.kind,
      name: input.name,
      host: checked.url.host,
      urlCipher: this.secrets.seal(checked.url.toString()),
      secretCipher: input.secret ? this.secrets.seal(input.secret) : null,
    });
    await this.record(actor, 'webhook.create', webhook, 'SUCCESS', { kind: webhook.kind, host: webhook.host, signed: webhook.signed });
    return webhook;
  }

  async update(actor: Actor, id: string, change: WebhookUpdate): Promise<Webhook> {
    const existing = await this.manageable(actor, id);
    const webhook = await this.webhooks.update(id, change);
    const changes = Object.fromEntries(
      (['name', 'active'] as const)
        .filter((key) => change[key] !== undefined && change[key] !== existing[key])
        .map((key) => [key, { from: existing[key], to: change[key] }]),
    );
    await this.audit.record({
      actor,
      action: 'webhook.update',
      entityType: 'webhook',
      entityId: id,
      entityLabel: webhook.name,
      enterpriseId: webhook.enterpriseId,
      outcome: 'SUCCESS',
      changes,
    });
    return webhook;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const existing = await this.manageable(actor, id);
    if (!(await this.webhooks.delete(id))) throw new NotFoundError('webhook', id);
    await this.record(actor, 'webhook.delete', existing, 'SUCCESS', { kind: existing.kind, host: existing.host });
  }

  /** Posts a test message now; a robot that does not deliver is an answer (delivered: false), not an error. */
  async test(actor: Actor, id: string): Promise<WebhookTestResult> {
    const hook = await this.manageable(actor, id);
    const message = testMessage(await this.policy.enterpriseName(hook.enterpriseId), this.policy.baseUrl);
    let status: string;
    try {
      status = (await this.delivery.send(hook, message)).status;
    } catch (error) {
      if (!(error instanceof RobotDeliveryError || error instanceof RobotUnreachableError)) throw error;
      status = error instanceof RobotDeliveryError ? error.status : error.reason;
    }
    const delivered = status === 'OK';
    await this.record(actor, 'webhook.test', hook, delivered ? 'SUCCESS' : 'FAILURE', { host: hook.host, status });
    const after = await this.webhooks.findById(id);
    if (!after) throw new NotFoundError('webhook', id);
    return { delivered, status, webhook: publicView(after) };
  }

  private async manageable(actor: Actor, id: string): Promise<StoredWebhook> {
    const hook = await this.webhooks.findById(id);
    if (!hook) throw new NotFoundError('webhook', id);
    await this.access.assertCanManage(actor, hook.enterpriseId, { entityType: 'webhook', entityId: id });
    return hook;
  }

  private record(
    actor: Actor,
    action: string,
    webhook: Webhook,
    outcome: 'SUCCESS' | 'FAILURE',
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      actor,
      action,
      entityType: 'webhook',
      entityId: webhook.id,
      entityLabel: webhook.name,
      enterpriseId: webhook.enterpriseId,
      outcome,
      details,
    });
  }
}
