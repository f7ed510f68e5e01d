import { describe, expect, it } from 'vitest';
import { signStreamToken, verifyStreamToken } from './stream-token.ts';
import { isDeliverablePath } from './storage-keys.ts';

const grant = { assetId: 'a1', userId: 'u1', expiresAt: 1_000 };

describe('stream tokens', () => {
  it('verifies a fresh token for its asset', () => {
    expect(verifyStreamToken(signStreamToken(grant, 's3cret'), 'a1', 's3cret', 999)).toEqual({ ok: true, grant });
  });

  it('rejects expiry, another asset, another secret, tampering and garbage', () => {
    const token = signStreamToken(grant, 's3cret');
    expect(verifyStreamToken(token, 'a1', 's3cret', 1_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyStreamToken(token, 'a2', 's3cret', 0)).toEqual({ ok: false, reason: 'other-asset' });
    expect(verifyStreamToken(token, 'a1', 'other', 0)).toEqual({ ok: false, reason: 'bad-signature' });
    const forged = signStreamToken({ ...grant, expiresAt: 9_999 }, 'x').split('.')[0] + '.' + token.split('.')[1];
    expect(verifyStreamToken(forged, 'a1', 's3cret', 0)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyStreamToken('nonsense', 'a1', 's3cret', 0)).toEqual({ ok: false, reason: 'malformed' });
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
    ]) {
      expect(isDeliverablePath(ok), ok).toBe(true);
    }
    for (const bad of ['../source', 'source', '720p/../../source', '720p/seg_1.m4s', 'x/index.m3u8', ''])
      expect(isDeliverablePath(bad), bad).toBe(false);
  });
});
