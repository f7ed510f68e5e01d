import { InvalidObjectKeyError } from './errors/invalid-object-key-error.ts';

/** S3's limit on key length, applied everywhere so keys stay portable. */
const MAX_KEY_BYTES = 1024;

// Backslashes are separators on Windows and confuse path joins; control characters break HTTP
// headers and file names, and NUL truncates paths in C APIs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * Throws {@link InvalidObjectKeyError} unless `key` is a relative, slash-separated path without
 * `.`, `..` or empty segments. Every driver applies it, so no key can escape the filesystem
 * driver's root and a key accepted in development is accepted on S3.
 */
export function assertValidKey(key: string): void {
  const problem = characterProblem(key) ?? segmentProblem(key.split('/'));
  if (problem) throw new InvalidObjectKeyError(key, problem);
}

/**
 * Like {@link assertValidKey} for a listing prefix: `''` is allowed, and so are a trailing `/`
 * and a partial last segment (`media/12` matches `media/123/…`).
 */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  const problem = characterProblem(prefix) ?? segmentProblem(prefix.split('/').slice(0, -1));
  if (problem) throw new InvalidObjectKeyError(prefix, problem);
}

function characterProblem(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'is empty';
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) return `is longer than ${MAX_KEY_BYTES} bytes`;
  if (FORBIDDEN_CHARACTERS.test(key)) return 'contains a backslash, NUL or another control character';
  if (key.startsWith('/')) return 'is absolute (starts with "/")';
  return undefined;
}

function segmentProblem(segments: readonly string[]): string | undefined {
  for (const segment of segments) {
    if (segment === '') return 'has an empty segment ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return `has a "${segment}" segment`;
  }
  return undefined;
}
