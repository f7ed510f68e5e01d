import type { PlatformEvent } from '@platform/contracts';

/** An open GET /api/events over real HTTP, collecting every event it receives. */
export interface EventStream {
  events: PlatformEvent[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (event: PlatformEvent) => boolean, timeoutMs?: number): Promise<PlatformEvent>;
  close(): void;
  /** Resolves when the stream ends: the server closed it, or `close()` was called. */
  ended: Promise<void>;
}

/**
 * Subscribes to the API's Server-Sent Events as a browser's EventSource would, and resolves once
 * the server has answered (so events published afterwards are not missed).
 */
export async function openEventStream(baseUrl: string, cookie: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`GET /api/events answered ${response.status}`);
  const events: PlatformEvent[] = [];
  const waiters = new Set<() => void>();
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        if (data) events.push(JSON.parse(data) as PlatformEvent);
      }
      for (const wake of waiters) wake();
    }
  })().catch(() => {}); // Aborted by close().
  return {
    events,
    ended: reading,
    waitFor(match, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; received: ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      controller.abort();
      void reading;
    },
  };
}
