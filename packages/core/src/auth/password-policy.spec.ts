import { describe, expect, it } from 'vitest';
import { characterClasses, isCommonPassword, isPasswordExpired, passwordPolicyIssues } from './password-policy.ts';

const codes = (password: string, username = 'zhang.san') => passwordPolicyIssues(password, username).map((i) => i.code);

describe('password policy', () => {
  it('accepts a long password of three classes', () => {
    expect(codes('Haibin-river7')).toEqual([]);
    expect(codes('tianjin#port#2026')).toEqual([]);
  });

  it('wants at least 10 characters, counted as characters not bytes', () => {
    expect(passwordPolicyIssues('Ab3$efgh9', 'x')).toEqual([
      expect.objectContaining({ field: 'password', code: 'PASSWORD_TOO_SHORT', params: { min: 10 } }),
    ]);
    expect(codes('Ab3$efgh9x')).toEqual([]);
    // Nine characters are too few even when they take 21 bytes.
    expect(codes('滨海新区安全Ab3')).toContain('PASSWORD_TOO_SHORT');
    expect(codes('滨海新区安全生产Ab3')).toEqual([]);
  });

  it('wants three of upper case, lower case, digits and symbols', () => {
    expect(passwordPolicyIssues('river-bank-blue', 'x', 'newPassword')).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'PASSWORD_TOO_FEW_CLASSES', params: { min: 3 } }),
    ]);
    expect(codes('riverbank2026xyz')).toEqual(['PASSWORD_TOO_FEW_CLASSES']);
    expect(codes('Riverbank2026xyz')).toEqual([]);
    expect(characterClasses('aB3!')).toEqual({ upper: true, lower: true, digit: true, symbol: true });
    expect(characterClasses('安全')).toMatchObject({ symbol: true, upper: false });
  });

  it('refuses the user name anywhere in it, in any case', () => {
    expect(codes('my-Zhang.San-9', 'zhang.san')).toEqual(['PASSWORD_CONTAINS_USERNAME']);
    expect(codes('Xx-ADMIN-2026', 'admin')).toEqual(['PASSWORD_CONTAINS_USERNAME']);
  });

  it('refuses passwords on the common list, also with digits and symbols appended', () => {
    expect(isCommonPassword('1qaz2wsx')).toBe(true);
    expect(isCommonPassword('Password')).toBe(true);
    expect(codes('Password2024!')).toEqual(['PASSWORD_COMMON']);
    expect(codes('Qwertyuiop1')).toEqual(['PASSWORD_COMMON']);
    expect(isCommonPassword('Haibin-river7')).toBe(false);
  });

  it('reports every broken rule at once', () => {
    expect(codes('admin', 'admin')).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_TOO_FEW_CLASSES',
      'PASSWORD_CONTAINS_USERNAME',
      'PASSWORD_COMMON',
    ]);
  });

  it('expires a password after the maximum age, never when the age is 0', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    expect(isPasswordExpired(changed, new Date('2026-03-31T00:00:00Z'), 90)).toBe(false);
    expect(isPasswordExpired(changed, new Date('2026-04-02T00:00:00Z'), 90)).toBe(true);
    expect(isPasswordExpired(changed, new Date('2036-01-01T00:00:00Z'), 0)).toBe(false);
  });
});
