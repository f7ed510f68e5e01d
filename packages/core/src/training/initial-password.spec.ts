import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { passwordPolicyIssues } from '../auth/password-policy.ts';
import { hashInitialPassword, initialPassword } from './initial-password.ts';

describe('initialPassword', () => {
  it('makes different 12-character passwords without look-alike characters that pass the policy', () => {
    const made = Array.from({ length: 200 }, () => initialPassword('13900001111'));
    expect(new Set(made).size).toBe(200);
    for (const password of made) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
      expect(passwordPolicyIssues(password, '13900001111')).toEqual([]);
    }
  });

  it('hashes with argon2id that the login verifies', async () => {
    const password = initialPassword('worker');
    const stored = await hashInitialPassword(password);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verify(stored, password)).toBe(true);
    expect(await verify(stored, `${password}x`)).toBe(false);
  });
});
