/**
 * How the service worker answers a request:
 * - `network`: it stays out of the way and the browser fetches as if there were no worker;
 * - `cache`: from this version's cache, the network only on a miss (files whose content never
 *   changes under their name, or that belong to the cached version of the app);
 * - `page`: the network first, this version's app shell when the network fails or is too slow.
 */
export type FetchStrategy = 'network' | 'cache' | 'page';

/** The parts of a Request the decision reads (a plain object in tests). */
export interface RequestFacts {
  method: string;
  url: string;
  mode: RequestMode;
}

/**
 * Decides how the service worker answers `request`. `origin` is the app's own; `precached` holds
 * the paths the worker put in its cache at install.
 *
 * The API is never touched: its answers (sessions, uploads, the `/api/events` stream, signed media
 * links) must be live, and a failed call has to reach the page as a failure so the offline queue
 * keeps the report instead of believing a cached answer. Other origins (an S3 bucket taking
 * upload parts) are the same.
 */
export function fetchStrategy(request: RequestFacts, origin: string, precached: ReadonlySet<string>): FetchStrategy {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== origin) return 'network';
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return 'network';
  // Hashed build output: a name never gets other content, so a cached copy is always right.
  if (url.pathname.startsWith('/_app/immutable/')) return 'cache';
  if (precached.has(url.pathname) && !url.search) return 'cache';
  if (request.mode === 'navigate') return 'page';
  // Anything else of ours (`/_app/version.json`, which tells the app a new version is out) stays live.
  return 'network';
}
