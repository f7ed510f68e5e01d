import { QuotaExceededError } from '@platform/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Limits on open event streams; each stream holds one slot of its session (or token) and one of its user. */
export interface StreamLimits {
  perSession: number;
  perUser: number;
}

// A tab that was closed releases its slot as soon as the connection drops; a few seconds cover that.
const RETRY_AFTER_SECONDS = 10;

/**
 * Counts the event streams open on this instance per session (or API token) and per user. Every
 * stream keeps a connection and a bus subscription, so without a cap one session could open
 * thousands. Counted per process: behind several instances each enforces the limit on its own.
 */
export class StreamSlots {
  readonly #open = new Map<string, number>();

  constructor(private readonly limits: StreamLimits) {}

  /** Takes a slot for the request's stream or throws EVENT_STREAMS_LIMIT; returns the release (idempotent). */
  acquire(keys: { session: string | null; user: string | null }): () => void {
    const wanted: [string, number][] = [];
    if (keys.session) wanted.push([`session:${keys.session}`, this.limits.perSession]);
    if (keys.user) wanted.push([`user:${keys.user}`, this.limits.perUser]);
    for (const [key, limit] of wanted) {
      if ((this.#open.get(key) ?? 0) >= limit) {
        throw new QuotaExceededError('EVENT_STREAMS_LIMIT', `${limit} event streams are open already for this ${key.split(':')[0]}.`, {
          params: { limit },
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        });
      }
    }
    for (const [key] of wanted) this.#open.set(key, (this.#open.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [key] of wanted) {
        const left = (this.#open.get(key) ?? 1) - 1;
        if (left > 0) this.#open.set(key, left);
        else this.#open.delete(key);
      }
    };
  }

  /** preHandler for the stream route: holds a slot until the connection closes. */
  readonly guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const actor = request.actor;
    const session = request.sessionId ?? (actor?.apiTokenId ? `token:${actor.apiTokenId}` : null);
    const release = this.acquire({ session, user: actor?.userId ?? null });
    // The response closes when the stream ends from either side, or when an error was sent instead.
    reply.raw.once('close', release);
  };

  /** Open streams under `key` (`session:…` or `user:…`); for tests. */
  count(key: string): number {
    return this.#open.get(key) ?? 0;
  }
}
