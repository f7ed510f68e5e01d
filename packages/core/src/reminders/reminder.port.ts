import type { Notification, Page, Webhook, WebhookKind } from '@platform/contracts';

/** What a reminder says about one missing meeting, loaded fresh by each job. */
export interface MissingMeetingFacts {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  teamName: string;
  shiftName: string;
  /** The shift's day, YYYY-MM-DD (an overnight shift belongs to the day it starts). */
  date: string;
  dueFrom: Date;
  dueUntil: Date;
  status: 'OPEN' | 'MISSING' | 'REPORTED';
}

/** One in-app notification to write. */
export interface NotificationDraft {
  userId: string;
  enterpriseId: string;
  kind: string;
  params: Record<string, string | number>;
  link: string;
}

/** Due meetings and their in-app notices, as the reminder jobs need them. */
export interface ReminderRepository {
  findDueMeeting(id: string): Promise<MissingMeetingFacts | null>;
  /** Ids of the active enterprise officers of an enterprise. */
  officerIds(enterpriseId: string): Promise<string[]>;
  /**
   * Sets the due meeting's `remindedAt` if it is not set and the meeting is still MISSING, and
   * writes the notifications in the same transaction. False (and nothing written) when another
   * run did it first or the meeting was reported: re-running a job adds nothing.
   */
  claimAndNotify(dueMeetingId: string, at: Date, notifications: (officerId: string) => NotificationDraft): Promise<boolean>;
}

/** A robot as stored: URL and secret still sealed. */
export interface StoredWebhook extends Webhook {
  urlCipher: string;
  secretCipher: string | null;
}

/** The enterprise's group robots. */
export interface WebhookRepository {
  listByEnterprise(enterpriseId: string): Promise<Webhook[]>;
  activeIds(enterpriseId: string): Promise<string[]>;
  findById(id: string): Promise<StoredWebhook | null>;
  create(input: {
    enterpriseId: string;
    kind: WebhookKind;
    name: string;
    host: string;
    urlCipher: string;
    secretCipher: string | null;
  }): Promise<Webhook>;
  update(id: string, change: { name?: string; active?: boolean }): Promise<Webhook>;
  /** False when it was gone already. */
  delete(id: string): Promise<boolean>;
  /** Records the outcome of a post (`OK`, `HTTP_500` …); the webhook may have been deleted meanwhile. */
  recordDelivery(id: string, status: string, at: Date): Promise<Webhook | null>;
}

/** A user's notifications. */
export interface NotificationRepository {
  list(userId: string, query: { page: number; pageSize: number; unreadOnly: boolean }): Promise<Page<Notification>>;
  unreadCount(userId: string): Promise<number>;
  /** Marks the user's own notification read; 0 when it is not theirs (or does not exist). */
  markRead(userId: string, id: string, at: Date): Promise<number>;
  markAllRead(userId: string, at: Date): Promise<number>;
  /** Does the notification exist and belong to the user? */
  isOwn(userId: string, id: string): Promise<boolean>;
}

/** What a robot answered. */
export interface RobotReply {
  status: number;
  /** The body as text, at most a few KB. */
  body: string;
}

/**
 * Posts JSON to a robot URL. Throws {@link RobotUnreachableError} when no answer came (timeout,
 * refused connection, DNS, an address the policy refuses). Never logs or returns the URL.
 */
export interface RobotPoster {
  post(url: string, body: unknown, signal: AbortSignal): Promise<RobotReply>;
}
