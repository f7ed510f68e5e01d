import { describe, expect, it } from 'vitest';
import { parseContentRange, resolveByteRange, toRangeHeader } from './byte-range.ts';
import { InvalidRangeError } from './errors/invalid-range-error.ts';

describe('resolveByteRange', () => {
  it('keeps a range inside the object and clamps an end past it', () => {
    expect(resolveByteRange({ start: 2, end: 5 }, 10)).toEqual({ start: 2, end: 5 });
    expect(resolveByteRange({ start: 2 }, 10)).toEqual({ start: 2, end: 9 });
    expect(resolveByteRange({ start: 9, end: 100 }, 10)).toEqual({ start: 9, end: 9 });
  });

  it('refuses a start at or past the end, with the size for Content-Range', () => {
    expect(() => resolveByteRange({ start: 10 }, 10)).toThrow(InvalidRangeError);
    expect(() => resolveByteRange({ start: 0 }, 0)).toThrow(expect.objectContaining({ totalSize: 0 }));
  });

  it('treats malformed ranges as programming errors', () => {
    expect(() => resolveByteRange({ start: -1 }, 10)).toThrow(RangeError);
    expect(() => resolveByteRange({ start: 1.5 }, 10)).toThrow(RangeError);
    expect(() => resolveByteRange({ start: 5, end: 4 }, 10)).toThrow(RangeError);
  });
});

describe('Range headers', () => {
  it('writes start-end and open-ended ranges', () => {
    expect(toRangeHeader({ start: 0, end: 99 })).toBe('bytes=0-99');
    expect(toRangeHeader({ start: 100 })).toBe('bytes=100-');
  });

  it('reads Content-Range', () => {
    expect(parseContentRange('bytes 6-10/11')).toEqual({ start: 6, end: 10, totalSize: 11 });
    expect(parseContentRange('bytes */11')).toBeUndefined();
    expect(parseContentRange(undefined)).toBeUndefined();
  });
});
