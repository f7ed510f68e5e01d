import type { NotificationPage, NotificationQuery } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors/index.ts';
import type { NotificationRepository } from './reminder.port.ts';

/** The caller's own notifications; nobody reads or marks another user's. */
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, query: NotificationQuery): Promise<NotificationPage> {
    // API tokens act for an enterprise system, which has no inbox.
    if (!actor.userId || actor.apiTokenId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, unread: 0 };
    const [page, unread] = await Promise.all([
      this.notifications.list(actor.userId, { page: query.page, pageSize: query.pageSize, unreadOnly: query.unreadOnly ?? false }),
      this.notifications.unreadCount(actor.userId),
    ]);
    return { ...page, unread };
  }

  /** Marking one that is read already is fine; one that is not the caller's is not found. */
  async markRead(actor: Actor, id: string): Promise<{ marked: number }> {
    if (!actor.userId || !(await this.notifications.isOwn(actor.userId, id))) throw new NotFoundError('notification', id);
    return { marked: await this.notifications.markRead(actor.userId, id, this.now()) };
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    if (!actor.userId || actor.apiTokenId) return { marked: 0 };
    return { marked: await this.notifications.markAllRead(actor.userId, this.now()) };
  }
}
