import type { PlatformEvent } from '@platform/contracts';
import type {
  EventPublisher,
  EventSubscriber,
  Logger,
  SessionEndedNotice,
  SessionNoticePublisher,
  SessionNoticeSubscriber,
} from '@platform/core';
import pg from 'pg';

const CHANNEL = 'platform_events';
// A channel of its own, so an internal notice can never reach a client through the event stream.
const SESSION_CHANNEL = 'platform_sessions_ended';
// NOTIFY payloads are limited to 8000 bytes; events carry ids and a status, far below that.
const MAX_PAYLOAD = 7900;

/**
 * Events across processes through PostgreSQL LISTEN/NOTIFY: any API or worker publishes, every
 * API instance receives and fans out to its own Server-Sent-Events clients. One dedicated
 * connection listens and reconnects by itself after a drop.
 */
export class PgEventBus implements EventPublisher, EventSubscriber, SessionNoticePublisher, SessionNoticeSubscriber {
  private readonly pool: pg.Pool;
  private readonly listeners = new Set<(event: PlatformEvent) => void>();
  private readonly sessionListeners = new Set<(notice: SessionEndedNotice) => void>();
  private listener: pg.Client | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // An idle connection the server drops (a PostgreSQL restart or failover) is an 'error' event
    // on the pool; unheard, it would crash the process. The pool replaces it at the next publish.
    this.pool.on('error', (error) => this.log.warn({ err: error }, 'an idle event connection was lost; the next publish opens another'));
  }

  async publish(event: PlatformEvent): Promise<void> {
    try {
      const payload = JSON.stringify(event);
      if (payload.length > MAX_PAYLOAD) throw new Error(`event too large for NOTIFY (${payload.length} bytes)`);
      await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    } catch (error) {
      // Some callers carry on without the event (a lost progress tick must not fail a job), so
      // the drop is recorded here, where the cause is known.
      this.log.warn({ err: error, event }, 'event not published');
      throw error;
    }
  }

  subscribe(listener: (event: PlatformEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publishSessionsEnded(notice: SessionEndedNotice): Promise<void> {
    // Ids are 36 characters: a user with a hundred sessions still fits in one NOTIFY.
    const chunks: SessionEndedNotice[] = [];
    for (let i = 0; i < notice.sessionIds.length; i += 100) chunks.push({ ...notice, sessionIds: notice.sessionIds.slice(i, i + 100) });
    try {
      for (const chunk of chunks) await this.pool.query('SELECT pg_notify($1, $2)', [SESSION_CHANNEL, JSON.stringify(chunk)]);
    } catch (error) {
      this.log.warn({ err: error, notice }, 'session notice not published');
      throw error;
    }
  }

  onSessionsEnded(listener: (notice: SessionEndedNotice) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  /** Starts listening; resolves once LISTEN is in place, so nothing published afterwards is missed. */
  async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel === SESSION_CHANNEL && message.payload) return this.deliverSessionNotice(message.payload);
      if (message.channel !== CHANNEL || !message.payload) return;
      let event: PlatformEvent;
      try {
        event = JSON.parse(message.payload) as PlatformEvent;
      } catch (error) {
        this.log.warn({ err: error, payload: message.payload.slice(0, 200) }, 'unreadable event dropped');
        return;
      }
      for (const listener of this.listeners) {
        // One broken subscriber (a client gone mid-write) must not cost the others the event.
        try {
          listener(event);
        } catch (error) {
          this.log.warn({ err: error, event }, 'event subscriber failed');
        }
      }
    });
    client.on('error', (error) => this.reconnect(client, error));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    await client.query(`LISTEN ${SESSION_CHANNEL}`);
    this.listener = client;
  }

  private deliverSessionNotice(payload: string): void {
    let notice: SessionEndedNotice;
    try {
      notice = JSON.parse(payload) as SessionEndedNotice;
    } catch (error) {
      this.log.warn({ err: error }, 'unreadable session notice dropped');
      return;
    }
    for (const listener of this.sessionListeners) {
      try {
        listener(notice);
      } catch (error) {
        this.log.warn({ err: error }, 'session notice subscriber failed');
      }
    }
  }

  private reconnect(client: pg.Client, error?: unknown): void {
    if (this.closed || this.listener !== client || this.retryTimer) return;
    this.listener = undefined;
    this.log.warn({ err: error }, 'event listener lost its connection; reconnecting');
    const attempt = () => {
      this.retryTimer = undefined;
      this.listen().catch((e) => {
        this.log.error({ err: e }, 'event listener reconnect failed; retrying in 2 s');
        if (!this.closed) this.retryTimer = setTimeout(attempt, 2000);
      });
    };
    this.retryTimer = setTimeout(attempt, 500);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.listeners.clear();
    this.sessionListeners.clear();
    await this.listener?.end().catch(() => {});
    await this.pool.end();
  }
}
