import { describe, expect, it } from 'vitest';
import { pendingStepOf, startsMfaPending, type SessionFacts } from './session-step.ts';

const now = new Date('2026-06-01T00:00:00Z');
const rules = { passwordMaxAgeDays: 90, passwordChangeExempt: ['admin'] };
const facts = (over: Partial<SessionFacts>): SessionFacts => ({
  role: 'WORKER',
  username: 'w1',
  mfaPending: false,
  mfaEnabled: false,
  mustChangePassword: false,
  passwordChangedAt: new Date('2026-05-01T00:00:00Z'),
  ...over,
});

describe('pending step of a session', () => {
  it('is complete for an ordinary user with a fresh password', () => {
    expect(pendingStepOf(facts({}), now, rules)).toBeNull();
  });

  it('asks a privileged user for the second factor, or to enrol one', () => {
    expect(pendingStepOf(facts({ role: 'INSPECTOR', mfaPending: true, mfaEnabled: true }), now, rules)).toBe('MFA');
    expect(pendingStepOf(facts({ role: 'INSPECTOR', mfaPending: false, mfaEnabled: true }), now, rules)).toBeNull();
    expect(pendingStepOf(facts({ role: 'SECURITY_ADMIN', mfaPending: true }), now, rules)).toBe('MFA_ENROLMENT');
    // A role given mid-session still needs enrolment, whatever the session said at login.
    expect(pendingStepOf(facts({ role: 'COMMAND_OPERATOR' }), now, rules)).toBe('MFA_ENROLMENT');
    expect(pendingStepOf(facts({ role: 'ZONE_OFFICER', mfaPending: true }), now, rules)).toBeNull();
  });

  it('asks for the second factor before a forced password change, and the change before enrolment', () => {
    const owed = { mustChangePassword: true, mfaPending: true };
    expect(pendingStepOf(facts({ ...owed, role: 'ADMIN', username: 'a2', mfaEnabled: true }), now, rules)).toBe('MFA');
    expect(pendingStepOf(facts({ ...owed, role: 'ADMIN', username: 'a2' }), now, rules)).toBe('PASSWORD_CHANGE');
  });

  it('forces a change when the password is older than the maximum age, except for exempt accounts', () => {
    const old = new Date('2026-02-01T00:00:00Z');
    expect(pendingStepOf(facts({ passwordChangedAt: old }), now, rules)).toBe('PASSWORD_CHANGE');
    expect(pendingStepOf(facts({ passwordChangedAt: old }), now, { ...rules, passwordMaxAgeDays: 0 })).toBeNull();
    expect(pendingStepOf(facts({ username: 'admin', role: 'ADMIN', mfaEnabled: true, mustChangePassword: true }), now, rules)).toBeNull();
  });

  it('starts a session pending for privileged roles and for users who enrolled', () => {
    expect(startsMfaPending('AUDIT_ADMIN', false)).toBe(true);
    expect(startsMfaPending('WORKER', true)).toBe(true);
    expect(startsMfaPending('ENTERPRISE_OFFICER', false)).toBe(false);
  });
});
