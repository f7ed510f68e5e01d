// The level-3 (等保三级) password rules as pure functions: what a new password must satisfy, and
// when an old one has expired. Reuse of earlier passwords needs their hashes and argon2, so it is
// checked by the password service, which reports it with the same kind of field issue.
import { characterClasses, PASSWORD_HISTORY_COUNT, PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH } from '@platform/contracts/password-rules';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldIssue } from '../errors/index.ts';

export { characterClasses, PASSWORD_HISTORY_COUNT, PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH };

// zxcvbn-ts's list of ~30 000 passwords most often seen in breaches, maintained upstream. Lower
// case there, so the check is case-insensitive: "Password123" is as guessable as "password123".
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  return (common ??= new Set(dictionary['passwords-common']));
}

/**
 * True when the password, lower-cased, is on the common list, or is a listed word followed by
 * digits and symbols ("Password2024!"), the suffix people add to get past composition rules.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^\p{L}]+$/u, '');
  const list = commonPasswords();
  return list.has(lower) || (stem.length >= 4 && list.has(stem));
}

/**
 * Every rule `password` breaks, as field issues on `field` (length, classes, the user name,
 * the common list); empty when it passes. Does not check reuse (that needs the stored hashes).
 */
export function passwordPolicyIssues(password: string, username: string, field = 'password'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    issues.push({
      field,
      code: 'PASSWORD_TOO_SHORT',
      params: { min: PASSWORD_MIN_LENGTH },
      message: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
    });
  }
  const classes = Object.values(characterClasses(password)).filter(Boolean).length;
  if (classes < PASSWORD_MIN_CLASSES) {
    issues.push({
      field,
      code: 'PASSWORD_TOO_FEW_CLASSES',
      params: { min: PASSWORD_MIN_CLASSES },
      message: `must use at least ${PASSWORD_MIN_CLASSES} of: upper case, lower case, digits, symbols`,
    });
  }
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) {
    issues.push({ field, code: 'PASSWORD_CONTAINS_USERNAME', message: 'must not contain the user name' });
  }
  if (isCommonPassword(password)) {
    issues.push({ field, code: 'PASSWORD_COMMON', message: 'is one of the most common passwords' });
  }
  return issues;
}

/** True when a password set at `changedAt` is older than `maxAgeDays` at `now`; never when maxAgeDays is 0. */
export function isPasswordExpired(changedAt: Date, now: Date, maxAgeDays: number): boolean {
  if (maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
}
