import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Who a delivery link was issued to: it works while that session (or API token) does. */
export interface LinkHolder {
  kind: 'session' | 'apiToken';
  id: string;
}

/** What a delivery link grants: one asset, to one holder, until an instant. */
export interface StreamGrant {
  assetId: string;
  holder: LinkHolder;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; grant: StreamGrant } | { ok: false; reason: 'malformed' | 'invalid' | 'expired' };

const VERSION = 1;
const KINDS: LinkHolder['kind'][] = ['session', 'apiToken'];
const IV_BYTES = 12;
const TAG_BYTES = 16;
// version, holder kind, holder id (a uuid's 16 bytes), expiry (uint32 seconds: good until 2106).
const PLAIN_BYTES = 1 + 1 + 16 + 4;
const TOKEN_BYTES = IV_BYTES + PLAIN_BYTES + TAG_BYTES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The AES-256 key for media links, derived from MEDIA_SIGNING_SECRET with HKDF-SHA256, so the
 * secret itself is never used as a cipher key and every API instance sharing it derives the same.
 */
export function streamTokenKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'platform media links', 'stream-token v1', 32));
}

/**
 * Seals a grant into an opaque URL-safe token: AES-256-GCM over the holder and expiry, with the
 * asset id as associated data, so the token reveals no id, cannot be altered, and is refused for
 * any other asset. It is one path segment of every delivery URL (base64url has no `/` or `.`), so
 * playlists keep relative URIs and hls.js carries it to every segment.
 */
export function signStreamToken(grant: StreamGrant, key: Uint8Array): string {
  if (!UUID.test(grant.holder.id)) throw new Error(`link holder id must be a uuid, got ${grant.holder.id}`);
  const plain = Buffer.alloc(PLAIN_BYTES);
  plain.writeUInt8(VERSION, 0);
  plain.writeUInt8(KINDS.indexOf(grant.holder.kind), 1);
  Buffer.from(grant.holder.id.replaceAll('-', ''), 'hex').copy(plain, 2);
  plain.writeUInt32BE(Math.max(0, Math.min(0xffffffff, Math.floor(grant.expiresAt))), 18);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(grant.assetId));
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64url');
}

/** Opens a token for an asset at a time. Pure. */
export function verifyStreamToken(token: string, assetId: string, key: Uint8Array, nowSeconds: number): TokenCheck {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return { ok: false, reason: 'malformed' };
  const sealed = Buffer.from(token, 'base64url');
  if (sealed.length !== TOKEN_BYTES) return { ok: false, reason: 'malformed' };
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(assetId));
    decipher.setAuthTag(sealed.subarray(IV_BYTES + PLAIN_BYTES));
    plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, IV_BYTES + PLAIN_BYTES)), decipher.final()]);
  } catch {
    // Another key, another asset, or altered bytes: GCM's tag does not match.
    return { ok: false, reason: 'invalid' };
  }
  const kind = KINDS[plain.readUInt8(1)];
  if (plain.readUInt8(0) !== VERSION || !kind) return { ok: false, reason: 'invalid' };
  const hex = plain.subarray(2, 18).toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const grant: StreamGrant = { assetId, holder: { kind, id }, expiresAt: plain.readUInt32BE(18) };
  if (grant.expiresAt <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, grant };
}

function associatedData(assetId: string): Buffer {
  return Buffer.from(`media-link:${assetId.toLowerCase()}`);
}

/** Checks that a link's holder is still signed in; adapters may cache the answer for a few seconds. */
export interface LinkHolderCheck {
  isLive(holder: LinkHolder): Promise<boolean>;
}
