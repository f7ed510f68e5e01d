import { InvalidRangeError } from './errors/invalid-range-error.ts';
import type { ByteRange } from './object-store.ts';

/**
 * Throws a RangeError for a malformed range (negative or fractional offsets, end before
 * start). The API only passes ranges it parsed from a valid `Range` header, so this is a
 * programming error, unlike {@link InvalidRangeError}.
 */
export function assertByteRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`Range start must be a non-negative integer, got ${start}`);
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new RangeError(`Range end must be an integer no smaller than start (${start}), got ${end}`);
  }
}

/**
 * The inclusive byte offsets to serve for `range` from an object of `totalSize` bytes, with
 * the end clamped to the last byte as S3 does. Throws {@link InvalidRangeError} when the range
 * starts at or past the end (always, for an empty object).
 */
export function resolveByteRange(range: ByteRange, totalSize: number): { start: number; end: number } {
  assertByteRange(range);
  if (range.start >= totalSize) throw new InvalidRangeError(range.start, totalSize);
  return { start: range.start, end: Math.min(range.end ?? totalSize - 1, totalSize - 1) };
}

/** The `Range` request header value for `range`. */
export function toRangeHeader(range: ByteRange): string {
  assertByteRange(range);
  return `bytes=${range.start}-${range.end ?? ''}`;
}

/**
 * Offsets and total size from a `Content-Range: bytes start-end/total` response header, or
 * undefined when it is absent or not in that form.
 */
export function parseContentRange(header: string | undefined): { start: number; end: number; totalSize: number } | undefined {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim()) : null;
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), totalSize: Number(match[3]) };
}
