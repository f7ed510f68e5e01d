import { describe, expect, it } from 'vitest';
import { signStreamToken, streamTokenKey, verifyStreamToken, type StreamGrant } from './stream-token.ts';
import { isDeliverablePath } from './storage-keys.ts';

const asset = '0196f1c2-7a10-7c3e-9b2a-5d4e3f2a1b0c';
const session = '0196f1c2-7a10-7000-8000-00000000beef';
const grant: StreamGrant = { assetId: asset, holder: { kind: 'session', id: session }, expiresAt: 1_000 };
const key = streamTokenKey('s3cret-that-is-long-enough-for-the-config-check');

describe('stream tokens', () => {
  it('opens a fresh token for its asset, with the holder and expiry it was sealed with', () => {
    expect(verifyStreamToken(signStreamToken(grant, key), asset, key, 999)).toEqual({ ok: true, grant });
    const token = { ...grant, holder: { kind: 'apiToken' as const, id: session } };
    expect(verifyStreamToken(signStreamToken(token, key), asset, key, 999)).toEqual({ ok: true, grant: token });
  });

  it('is one opaque path segment that names neither the asset nor the holder', () => {
    const token = signStreamToken(grant, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThanOrEqual(80);
    const bytes = Buffer.from(token, 'base64url');
    for (const id of [asset, session]) {
      const raw = Buffer.from(id.replaceAll('-', ''), 'hex');
      expect(bytes.includes(raw), id).toBe(false);
      expect(bytes.toString('latin1')).not.toContain(id);
    }
    // A fresh IV each time: two links to the same thing cannot be told to be the same.
    expect(signStreamToken(grant, key)).not.toBe(token);
  });

  it('refuses expiry, another asset, another key, any flipped bit and garbage', () => {
    const token = signStreamToken(grant, key);
    expect(verifyStreamToken(token, asset, key, 1_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyStreamToken(token, '0196f1c2-7a10-7c3e-9b2a-5d4e3f2a1b0d', key, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyStreamToken(token, asset, streamTokenKey('another-secret-that-is-long-enough-000'), 0)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const flipped = Buffer.from(bytes);
      flipped[i]! ^= 0x01;
      expect(verifyStreamToken(flipped.toString('base64url'), asset, key, 0), `byte ${i}`).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(verifyStreamToken('nonsense', asset, key, 0)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyStreamToken(`${token}.x`, asset, key, 0)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('derives the same key from the same secret on every instance, and another from another', () => {
    expect(streamTokenKey('a-secret-that-is-long-enough-000000')).toEqual(streamTokenKey('a-secret-that-is-long-enough-000000'));
    expect(streamTokenKey('a-secret-that-is-long-enough-000000')).not.toEqual(streamTokenKey('a-secret-that-is-long-enough-000001'));
    expect(() => signStreamToken({ ...grant, holder: { kind: 'session', id: 'u1' } }, key)).toThrow();
  });
});

describe('deliverable paths', () => {
  it('allows renditions, posters and sprites but never the source or traversal', () => {
    for (const ok of [
      'master.m3u8',
      '720p/index.m3u8',
      '360p/init.mp4',
      '1080p/seg_00012.m4s',
      'audio/index.m3u8',
      'poster.jpg',
      'sprite.vtt',
      'thumb-320.jpg',
      'document.pdf',
    ]) {
      expect(isDeliverablePath(ok), ok).toBe(true);
    }
    for (const bad of ['../source', 'source', '720p/../../source', '720p/seg_1.m4s', 'x/index.m3u8', '', 'source.pdf', 'x/document.pdf'])
      expect(isDeliverablePath(bad), bad).toBe(false);
  });
});
