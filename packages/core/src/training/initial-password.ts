import { randomInt } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { passwordPolicyIssues } from '../auth/password-policy.ts';

// No 0/O, 1/l/I: the password is read off a screen or a printed list and typed on a phone.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LOWER + UPPER + DIGITS;
const LENGTH = 12;

/**
 * A random initial password for an account someone else creates: 12 characters with upper case,
 * lower case and digits (about 70 bits), passing the password policy for `username`. It is
 * shown once and must be changed at the first login.
 */
export function initialPassword(username: string): string {
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), ...Array.from({ length: LENGTH - 3 }, () => pick(ALL))];
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (!passwordPolicyIssues(password, username).length) return password;
  }
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}

// argon2id with 4 MiB and one pass instead of the 19 MiB, two-pass baseline: ~5 ms instead of ~70 ms
// on a busy two-core machine, so a 2,000-row import hashes in seconds rather than minutes. The slow
// baseline protects passwords people choose; these are 12 random characters (about 70 bits), no
// dictionary reaches them, and they live only until the first login replaces them (with the
// baseline). Verification reads the parameters from the hash, so login needs nothing else.
const INITIAL_PASSWORD_HASH = { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 };

/** Hashes a password made by {@link initialPassword} (never one a person chose). */
export function hashInitialPassword(password: string): Promise<string> {
  return hash(password, INITIAL_PASSWORD_HASH);
}
