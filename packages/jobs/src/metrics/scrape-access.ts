import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What decides whether a caller may read `/metrics`. */
export interface ScrapeRequest {
  /** The Authorization header, if any. */
  authorization: string | undefined;
  /** The connection's peer address (not a forwarded one: a proxy must not turn a caller into loopback). */
  remoteAddress: string | undefined;
  /** The request names a client behind a proxy (Forwarded, X-Forwarded-For): it did not start on this machine. */
  forwarded: boolean;
}

/** What a Node HTTP request tells {@link scrapeAllowed}: the same reading for every process's `/metrics`. */
export function scrapeRequestOf(request: IncomingMessage): ScrapeRequest {
  return {
    authorization: request.headers.authorization,
    remoteAddress: request.socket.remoteAddress,
    forwarded: Boolean(request.headers.forwarded ?? request.headers['x-forwarded-for']),
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The rule of every `/metrics` endpoint (API, worker and ingest): with a token configured, only
 * `Authorization: Bearer <token>`; without one, only callers on the loopback, and not through a
 * proxy on the same machine (which would make every outside caller look local). The endpoint
 * answers 404 to everyone else, so it is not advertised.
 */
export function scrapeAllowed(token: string | undefined, request: ScrapeRequest): boolean {
  if (!token) return !request.forwarded && LOOPBACK.has(request.remoteAddress ?? '');
  const given = request.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
