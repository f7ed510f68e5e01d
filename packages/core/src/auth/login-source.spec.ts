import { describe, expect, it } from 'vitest';
import { sourceOf } from './login-source.ts';

describe('sourceOf', () => {
  it('keeps an IPv4 address and unwraps an IPv4-mapped IPv6 one', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one source, however it is written', () => {
    const a = sourceOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:0DB8:0001:0002::1')).toBe(a);
    expect(sourceOf('[2001:db8:1:2::ffff]')).toBe(a);
    expect(sourceOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('tells neighbouring /64s apart', () => {
    expect(sourceOf('2001:db8:1:3::1')).not.toBe(sourceOf('2001:db8:1:2::1'));
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
  });

  it('has a name for a missing address', () => {
    expect(sourceOf(null)).toBe('unknown');
    expect(sourceOf('')).toBe('unknown');
  });
});
