import { describe, expect, it } from 'vitest';
import { scrapeAllowed } from './scrape-access.ts';

describe('scrapeAllowed', () => {
  it('without a token lets only loopback callers in', () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect(scrapeAllowed(undefined, { authorization: undefined, remoteAddress, forwarded: false })).toBe(true);
    for (const remoteAddress of ['10.0.0.5', '::ffff:192.168.1.2', undefined])
      expect(scrapeAllowed(undefined, { authorization: 'Bearer x', remoteAddress, forwarded: false })).toBe(false);
  });

  it('without a token refuses what a proxy on the same machine forwards', () => {
    expect(scrapeAllowed(undefined, { authorization: undefined, remoteAddress: '127.0.0.1', forwarded: true })).toBe(false);
  });

  it('with a token wants exactly that bearer, from anywhere, loopback included', () => {
    const token = 'a-scrape-token-of-some-length';
    expect(scrapeAllowed(token, { authorization: `Bearer ${token}`, remoteAddress: '10.0.0.5', forwarded: true })).toBe(true);
    expect(scrapeAllowed(token, { authorization: `bearer ${token}`, remoteAddress: '10.0.0.5', forwarded: true })).toBe(true);
    expect(scrapeAllowed(token, { authorization: undefined, remoteAddress: '127.0.0.1', forwarded: false })).toBe(false);
    expect(scrapeAllowed(token, { authorization: `Bearer ${token}x`, remoteAddress: '127.0.0.1', forwarded: false })).toBe(false);
    expect(scrapeAllowed(token, { authorization: `Basic ${token}`, remoteAddress: '127.0.0.1', forwarded: false })).toBe(false);
  });
});
