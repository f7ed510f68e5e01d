import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspDirectives, framableBySelf, inlineScriptHashes, mediaOriginsOf } from './security-headers.ts';

describe('cspDirectives', () => {
  it('allows scripts from this origin and the hashed bootstrap only, and no framing', () => {
    const csp = cspDirectives({ scriptHashes: ["'sha256-abc='"], mediaOrigins: [], upgradeInsecureRequests: false });
    expect(csp['script-src']).toEqual(["'self'", "'sha256-abc='"]);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['worker-src']).toContain('blob:');
    expect(csp['media-src']).toContain('blob:');
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
  });

  it('lets media, images and uploads reach the S3 endpoint, and upgrades requests only over HTTPS', () => {
    const csp = cspDirectives({ scriptHashes: [], mediaOrigins: ['https://oss.example.cn'], upgradeInsecureRequests: true });
    for (const directive of ['connect-src', 'media-src', 'img-src']) expect(csp[directive]).toContain('https://oss.example.cn');
    expect(csp['upgrade-insecure-requests']).toEqual([]);
  });
});

describe('framableBySelf', () => {
  it('lets only this origin frame the response and leaves every other directive as it was', () => {
    const csp = "default-src 'self';object-src 'none';frame-ancestors 'none';form-action 'self'";
    expect(framableBySelf(csp)).toBe("default-src 'self';object-src 'none';frame-ancestors 'self';form-action 'self'");
  });
});

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script and skips scripts with a src', () => {
    const body = '\n\t{ start(); }\n';
    const html = `<head><script src="/_app/a.js"></script></head><body><div><script>${body}</script></div></body>`;
    expect(inlineScriptHashes(html)).toEqual([`'sha256-${createHash('sha256').update(body).digest('base64')}'`]);
  });
});

describe('mediaOriginsOf', () => {
  const s3 = { driver: 's3' as const, region: 'cn-north-1', bucket: 'media', accessKeyId: 'k', secretAccessKey: 's' };
  it('names the endpoint, and the bucket host when buckets are addressed by host name', () => {
    expect(mediaOriginsOf({ ...s3, endpoint: 'https://oss.example.cn/', forcePathStyle: true })).toEqual(['https://oss.example.cn']);
    expect(mediaOriginsOf({ ...s3, endpoint: 'https://oss.example.cn', forcePathStyle: false })).toEqual([
      'https://oss.example.cn',
      'https://media.oss.example.cn',
    ]);
    expect(mediaOriginsOf({ driver: 'filesystem', root: '/data' })).toEqual([]);
  });
});
