import type { Heartbeat, HeartbeatAnswer } from '@platform/contracts';
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { PlayedRange } from './play-tracker.ts';

// Heartbeats wait here until the server has answered them: on a weak plant network, or with no
// network at all, what was watched is sent later (the server accepts a queue that is consistent
// with the time that passed). Kept in IndexedDB per viewing, so a reload or a dead battery loses
// nothing.

let db: UseStore | null = null;
const store = () => (db ??= createStore('platform-learning', 'heartbeats'));

interface QueuedViewing {
  nextSeq: number;
  beats: Heartbeat[];
}

/** The most the API takes in one request. */
const BATCH = 120;

/** Sends heartbeats of one viewing in order, keeping those not yet answered. */
export class HeartbeatQueue {
  #state: QueuedViewing = { nextSeq: 0, beats: [] };
  #loaded: Promise<void>;
  #sending: Promise<HeartbeatAnswer | null> | null = null;

  constructor(
    readonly viewingId: string,
    private readonly send: (viewingId: string, beats: Heartbeat[]) => Promise<HeartbeatAnswer>,
  ) {
    this.#loaded = get<QueuedViewing>(viewingId, store())
      .then((saved) => void (saved && (this.#state = saved)))
      .catch(() => undefined);
  }

  /** Queues what was played since the last heartbeat (an empty one still says "still here"). */
  async add(ranges: PlayedRange[], position: number, now = Date.now()): Promise<void> {
    await this.#loaded;
    this.#state.beats.push({ seq: this.#state.nextSeq++, clientAt: now, ranges, position: Math.max(0, position) });
    await this.#save();
  }

  get pending(): number {
    return this.#state.beats.length;
  }

  /**
   * Sends what is queued; the answer to the last batch, or null when nothing was sent. A network
   * failure keeps the heartbeats for the next try; a refusal by the server (4xx) drops them, as
   * sending them again would be refused again.
   */
  flush(): Promise<HeartbeatAnswer | null> {
    this.#sending ??= this.#flush().finally(() => (this.#sending = null));
    return this.#sending;
  }

  async #flush(): Promise<HeartbeatAnswer | null> {
    await this.#loaded;
    let answer: HeartbeatAnswer | null = null;
    while (this.#state.beats.length) {
      const batch = this.#state.beats.slice(0, BATCH);
      try {
        answer = await this.send(this.viewingId, batch);
      } catch (failure) {
        const status = (failure as { status?: number }).status ?? 0;
        if (status === 0 || status >= 500 || status === 429) throw failure;
      }
      const sent = new Set(batch.map((b) => b.seq));
      this.#state.beats = this.#state.beats.filter((b) => !sent.has(b.seq));
      await this.#save();
    }
    return answer;
  }

  async #save(): Promise<void> {
    try {
      if (this.#state.beats.length) await set(this.viewingId, this.#state, store());
      else await del(this.viewingId, store());
    } catch {
      // Private mode or a full disk: the queue still lives in memory for this page.
    }
  }
}

/** Viewings with heartbeats still waiting on this device (sent again when the learning area opens). */
export async function waitingViewings(): Promise<string[]> {
  try {
    return (await keys(store())).map(String);
  } catch {
    return [];
  }
}
