import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a delivery link grants: one asset, to one user, until an instant. */
export interface StreamGrant {
  assetId: string;
  userId: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

/**
 * Signs a grant into a URL-safe token (`payload.signature`). The token is a path segment of
 * every delivery URL, so playlists can keep relative URIs and hls.js carries it to every segment.
 */
export function signStreamToken(grant: StreamGrant, secret: string): string {
  const payload = Buffer.from(`${grant.assetId}.${grant.userId}.${grant.expiresAt}`).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

export type TokenCheck =
  { ok: true; grant: StreamGrant } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'other-asset' };

/** Verifies a token for an asset at a time. Pure. */
export function verifyStreamToken(token: string, assetId: string, secret: string, nowSeconds: number): TokenCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  const [tokenAsset, userId, expiry] = Buffer.from(payload, 'base64url').toString().split('.');
  const grant = { assetId: tokenAsset ?? '', userId: userId ?? '', expiresAt: Number(expiry) };
  if (grant.assetId !== assetId) return { ok: false, reason: 'other-asset' };
  if (!Number.isFinite(grant.expiresAt) || grant.expiresAt <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, grant };
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 32);
}
