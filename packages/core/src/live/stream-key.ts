import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new publish key: 24 random bytes, URL-safe (it travels in the RTMP URL's query). */
export function newStreamKey(): string {
  return randomBytes(24).toString('base64url');
}

/** What is stored of a key: its SHA-256 (hex). A random 192-bit key needs no slow hash. */
export function hashStreamKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The first characters, shown to tell keys apart after the key itself is gone. */
export function streamKeyPrefix(key: string): string {
  return key.slice(0, 6);
}

/** Does `key` match the stored hash? Constant-time over the hashes. */
export function streamKeyMatches(key: string, storedHash: string): boolean {
  const given = Buffer.from(hashStreamKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
