import { describe, expect, it } from 'vitest';
import { InvalidObjectKeyError } from './errors/invalid-object-key-error.ts';
import { assertValidKey, assertValidPrefix } from './object-key.ts';

describe('assertValidKey', () => {
  it.each(['media/1/source.mp4', 'a', 'a/b/c.d', '.hidden/x', 'a/..b', 'dir/file..mp4', '视频/课程.mp4'])('accepts %j', (key) => {
    expect(() => assertValidKey(key)).not.toThrow();
  });

  it.each([
    ['', /empty/],
    ['..', /"\.\." segment/],
    ['a/../b', /"\.\." segment/],
    ['./a', /"\." segment/],
    ['/abs', /absolute/],
    ['a\\b', /backslash/],
    ['a\0b', /NUL/],
    ['a\nb', /control/],
    ['a//b', /empty segment/],
    ['a/', /empty segment/],
    ['x'.repeat(1025), /longer than 1024 bytes/],
  ])('rejects %j', (key, reason) => {
    expect(() => assertValidKey(key)).toThrow(InvalidObjectKeyError);
    expect(() => assertValidKey(key)).toThrow(reason);
  });
});

describe('assertValidPrefix', () => {
  it.each(['', 'media/', 'media/12', 'a/b/'])('accepts %j', (prefix) => {
    expect(() => assertValidPrefix(prefix)).not.toThrow();
  });

  it.each(['../', 'a/../', '/a', 'a//', 'a\\b'])('rejects %j', (prefix) => {
    expect(() => assertValidPrefix(prefix)).toThrow(InvalidObjectKeyError);
  });
});
