// Missing-meeting reminders: the group robots (企业微信 / 钉钉) an enterprise configures, and the
// in-app notifications of a user. A robot's URL and signing secret are write-only: no answer
// carries them again, only the host they point at.
import { z } from 'zod';
import { Id, PageQuery, text, Timestamp } from './common.ts';

export const WebhookKind = z.enum(['WECOM', 'DINGTALK']);
export type WebhookKind = z.infer<typeof WebhookKind>;

/**
 * Outcome of the last post to a robot: `OK`, `HTTP_<status>`, `ERRCODE_<robot's errcode>`,
 * `TIMEOUT`, `UNREACHABLE` (connection refused, DNS) or `ADDRESS_REFUSED` (resolves to a private
 * address). A code, so the web app says it in Chinese.
 */
export const WebhookStatus = z.string().meta({ example: 'ERRCODE_310000' });

export const Webhook = z
  .object({
    id: Id,
    enterpriseId: Id,
    kind: WebhookKind,
    name: z.string(),
    /** Where the URL points, for recognising it; the URL itself (its key is a secret) is never sent back. */
    host: z.string(),
    signed: z.boolean().meta({ description: 'A DingTalk signing secret is set' }),
    active: z.boolean(),
    lastStatus: WebhookStatus.nullable(),
    lastSentAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof Webhook>;

export const WebhookInput = z.object({
  kind: WebhookKind,
  name: text(64),
  url: text(1000).meta({
    description:
      'The robot URL with its key: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… or https://oapi.dingtalk.com/robot/send?access_token=…',
  }),
  /** DingTalk 加签 secret (SEC…); refused for WeCom, which does not sign. */
  secret: text(256).optional(),
});
export type WebhookInput = z.infer<typeof WebhookInput>;

export const WebhookUpdate = z
  .object({ name: text(64).optional(), active: z.boolean().optional() })
  .meta({ description: 'Rename or switch a robot on or off; to change its URL, delete it and add it again' });
export type WebhookUpdate = z.infer<typeof WebhookUpdate>;

export const WebhookTestResult = z
  .object({ delivered: z.boolean(), status: WebhookStatus, webhook: Webhook })
  .meta({ id: 'WebhookTestResult' });
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;

/** Notification kinds the web app translates, with their params. */
export const NOTIFICATION_KINDS = {
  /** A meeting of `team` / `shift` on `date` (window `from`–`until`, HH:mm) was not reported. */
  MEETING_MISSING: ['team', 'shift', 'date', 'from', 'until'],
} as const satisfies Record<string, readonly string[]>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const Notification = z
  .object({
    id: Id,
    kind: z.string().meta({ description: 'A key of NOTIFICATION_KINDS; clients show unknown kinds generically' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    /** A path inside the web app, e.g. /enterprise?date=2026-12-01. */
    link: z.string().nullable(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({
  unreadOnly: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationPage = z
  .object({
    items: z.array(Notification),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    unread: z.number().int().meta({ description: 'Unread notifications of the caller, across pages' }),
  })
  .meta({ id: 'NotificationPage' });
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationsMarked = z.object({ marked: z.number().int() });
