import type { Media, PlatformEvent } from '@platform/contracts';
import { eventStream, subscribeEvents } from '$lib/events/event-stream.svelte.ts';

/** Statuses after which processing has stopped; PLAYABLE still gains renditions and a poster. */
export function isSettled(status: Media['status']): boolean {
  return status === 'READY' || status === 'FAILED';
}

/** A video or photo that can be shown now (the first HLS rendition or the photo's thumbnail exists). */
export function isViewable(media: Media): boolean {
  return media.status === 'PLAYABLE' || media.status === 'READY';
}

const POLL_MS = 3_000;
// While the event stream is up it carries every change; an occasional poll still catches an event
// lost during a reconnect.
const POLL_WHILE_LIVE_MS = 15_000;

/**
 * The media of one meeting, kept current while they are processed: `media.status` events update
 * status and progress at once, and GET /api/media/:id (every 3 s while the event stream is down)
 * fetches the signed links once a file becomes viewable.
 */
export class MediaTracker {
  items = $state<Media[]>([]);
  readonly #meetingId: string;
  readonly #load: (id: string) => Promise<Media>;
  #lastPoll = 0;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- only deduplicates requests; nothing renders it.
  #inFlight = new Set<string>();

  constructor(meetingId: string, initial: Media[], load: (id: string) => Promise<Media>) {
    this.#meetingId = meetingId;
    this.#load = load;
    this.items = initial;
  }

  /** The media with this id, once known. */
  /** Drops a file the enterprise removed: it is no longer evidence. */
  forget(id: string): void {
    this.items = this.items.filter((m) => m.id !== id);
  }

  get(id: string | null): Media | undefined {
    return id ? this.items.find((m) => m.id === id) : undefined;
  }

  /** Starts following a freshly uploaded asset. */
  track(assetId: string): void {
    void this.#refresh(assetId);
  }

  /** Subscribes to events and starts polling; returns the function that stops both. */
  start(): () => void {
    const unsubscribe = subscribeEvents((event) => this.#onEvent(event));
    const timer = setInterval(() => this.#poll(), POLL_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }

  #onEvent(event: PlatformEvent): void {
    if (event.type !== 'media.status') return;
    const known = this.get(event.assetId);
    if (!known) {
      // Uploaded from another phone to the same meeting: show it here too.
      if (event.meetingId === this.#meetingId) void this.#refresh(event.assetId);
      return;
    }
    const changed = known.status !== event.status;
    known.status = event.status;
    known.progress = event.progress;
    // Links and the failure reason are not in the event, so a status change fetches the record.
    if (changed) void this.#refresh(event.assetId);
  }

  #poll(): void {
    const now = Date.now();
    if (eventStream.connected && now - this.#lastPoll < POLL_WHILE_LIVE_MS) return;
    this.#lastPoll = now;
    for (const media of this.items) if (!isSettled(media.status)) void this.#refresh(media.id);
  }

  async #refresh(id: string): Promise<void> {
    if (this.#inFlight.has(id)) return;
    this.#inFlight.add(id);
    try {
      const fresh = await this.#load(id);
      const index = this.items.findIndex((m) => m.id === id);
      if (index === -1) this.items.push(fresh);
      else this.items[index] = fresh;
    } catch {
      // Offline or briefly unavailable: the next poll or event tries again.
    } finally {
      this.#inFlight.delete(id);
    }
  }
}
