import type { LivePlayback } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors/index.ts';
import { signStreamToken, streamTokenKey, verifyStreamToken, type LinkHolder, type LinkHolderCheck } from '../media/stream-token.ts';

/** What a live link may fetch: the HTTP-FLV stream, or a file of the live HLS window. */
export type LiveFile = { kind: 'flv' } | { kind: 'hls'; file: string };

// live.m3u8, init.mp4, seg_00042.m4s: one plain name, no directories, no dots but the extension.
const HLS_FILE = /^hls\/([A-Za-z0-9_-]{1,64}\.(?:m3u8|mp4|m4s))$/;

/** `stream.flv` or `hls/<file>`, else null: nothing else is behind a live link. */
export function liveFileOf(path: string): LiveFile | null {
  if (path === 'stream.flv') return { kind: 'flv' };
  const hls = HLS_FILE.exec(path);
  return hls ? { kind: 'hls', file: hls[1]! } : null;
}

/**
 * Signed, expiring links to a live or a camera, with the same sealing and the same holder binding
 * as media links (stream-token.ts): the id is the token's associated data, so a link opens only
 * its own live, and it stops working when the session (or API token) it was issued to ends.
 */
export class LiveLinks {
  readonly #key: Buffer;

  constructor(
    signingSecret: string,
    private readonly ttlSeconds: number,
    private readonly holders: LinkHolderCheck,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#key = streamTokenKey(signingSecret);
  }

  /** Links for `actor` to watch `id` (a live's or a camera's). */
  playback(actor: Actor, id: string): LivePlayback {
    const holder = holderOf(actor);
    // Only internal callers have neither; they get no links rather than links that outlive everyone.
    if (!holder) throw new ForbiddenError('LINK_INVALID', 'Live links are issued to a session or an API token.');
    const expiresAt = Math.floor(this.now().getTime() / 1000) + this.ttlSeconds;
    const token = signStreamToken({ assetId: id, holder, expiresAt }, this.#key);
    return {
      flvUrl: `/api/live-media/${id}/${token}/stream.flv`,
      hlsUrl: `/api/live-media/${id}/${token}/hls/live.m3u8`,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  }

  /**
   * Checks a link: the token (401 LINK_EXPIRED, 403 LINK_INVALID), the file (404), and that its
   * holder is still signed in (401 LINK_SESSION_ENDED). Returns what the link may fetch.
   */
  async open(id: string, token: string, path: string): Promise<LiveFile> {
    const check = verifyStreamToken(token, id, this.#key, Math.floor(this.now().getTime() / 1000));
    if (!check.ok) {
      if (check.reason === 'expired')
        throw new UnauthorizedError('LINK_EXPIRED', 'This live link has expired; reload the page to get a fresh one.');
      throw new ForbiddenError('LINK_INVALID', 'This live link is not valid for this stream.');
    }
    const file = liveFileOf(path);
    if (!file) throw new NotFoundError('file', path);
    if (!(await this.holders.isLive(check.grant.holder)))
      throw new UnauthorizedError('LINK_SESSION_ENDED', 'The session this live link was issued to has ended; log in again.');
    return file;
  }
}

function holderOf(actor: Actor): LinkHolder | null {
  if (actor.apiTokenId) return { kind: 'apiToken', id: actor.apiTokenId };
  if (actor.sessionId) return { kind: 'session', id: actor.sessionId };
  return null;
}
