import { randomInt } from 'node:crypto';
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
