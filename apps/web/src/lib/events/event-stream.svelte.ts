import type { PlatformEvent } from '@platform/contracts';
import { endpoints } from '@platform/contracts/endpoints';
import { request } from '$lib/api/http.ts';

/**
 * Live platform events (GET /api/events, Server-Sent Events with the session cookie).
 *
 * One EventSource is shared by every subscriber of the tab: browsers allow only ~6 HTTP/1.1
 * connections per origin, and a page with a board, a player and a wall must not spend several
 * of them on the same stream. The connection opens with the first subscriber and closes with
 * the last one.
 */

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
// Moving from one page to the next unsubscribes the old page before the new one subscribes; the
// connection outlives that gap instead of being torn down and rebuilt on every navigation.
const LINGER_MS = 5_000;

type Listener = (event: PlatformEvent) => void;

class EventStreamState {
  /** True while the stream is open; pages show a "live" or "reconnecting" hint from it. */
  connected = $state(false);
}

/** Whether the shared stream is open right now (a rune: read it in components or $derived). */
export const eventStream = new EventStreamState();

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- subscribers are called, never rendered.
const listeners = new Set<Listener>();
let source: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = FIRST_RETRY_MS;
let lingerTimer: ReturnType<typeof setTimeout> | null = null;

function isPlatformEvent(value: unknown): value is PlatformEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function dispatch(message: MessageEvent<string>): void {
  let event: unknown;
  try {
    event = JSON.parse(message.data);
  } catch {
    return; // A comment or keep-alive that is not JSON carries no event.
  }
  if (!isPlatformEvent(event)) return;
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch (error) {
      // One broken subscriber must not starve the others of events.
      console.error('event listener failed', error);
    }
  }
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource(endpoints.streamEvents.path, { withCredentials: true });
  source = es;
  es.onopen = () => {
    eventStream.connected = true;
    retryDelay = FIRST_RETRY_MS;
  };
  es.onmessage = dispatch;
  es.onerror = () => {
    eventStream.connected = false;
    // CONNECTING means the browser is already retrying a dropped connection by itself. CLOSED
    // means it gave up (an HTTP error such as 401/502, or a wrong content type), so we must
    // build a new EventSource ourselves, backing off so a down server is not hammered.
    if (es.readyState === EventSource.CLOSED) {
      es.close();
      if (source === es) source = null;
      // EventSource cannot read why it was refused. Ask the API: when the session has ended (a
      // login elsewhere, deactivation…), its 401 takes a screen that makes no other requests, such
      // as the wall, to the login page, which says why.
      request('GET', endpoints.getMe.path).catch(() => {});
      scheduleRetry();
    }
  };
}

function scheduleRetry(): void {
  if (retryTimer || listeners.size === 0) return;
  // Jitter keeps many tabs from reconnecting in lockstep after a server restart.
  const delay = retryDelay * (0.75 + Math.random() * 0.5);
  retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    if (listeners.size > 0) open();
  }, delay);
}

function close(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  source?.close();
  source = null;
  eventStream.connected = false;
  retryDelay = FIRST_RETRY_MS;
}

// Coming back online should not wait for a long backoff to expire.
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    if (listeners.size > 0 && !source) {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      retryDelay = FIRST_RETRY_MS;
      open();
    }
  });
}

/**
 * Calls `onEvent` for every platform event the server sends to this user, until the returned
 * function is called. Reconnects by itself after network drops and server errors. Use it in an
 * `$effect` or `onMount` and return the unsubscribe function so it ends with the component.
 */
export function subscribeEvents(onEvent: Listener): () => void {
  listeners.add(onEvent);
  if (lingerTimer) clearTimeout(lingerTimer);
  lingerTimer = null;
  open();
  return () => {
    if (!listeners.delete(onEvent) || listeners.size > 0) return;
    if (lingerTimer) clearTimeout(lingerTimer);
    lingerTimer = setTimeout(() => {
      lingerTimer = null;
      if (listeners.size === 0) close();
    }, LINGER_MS);
  };
}
