import { describe, expect, it } from 'vitest';
import { LANDING, mayOpenAdminPage } from './roles.ts';

describe('administration pages by role (三权分立)', () => {
  it('shows the audit log to the audit administrator only, and nothing else to him', () => {
    expect(mayOpenAdminPage('AUDIT_ADMIN', '/admin/audit')).toBe(true);
    for (const path of ['/admin', '/admin/users', '/admin/users/1', '/admin/zones', '/admin/enterprises/new'])
      expect(mayOpenAdminPage('AUDIT_ADMIN', path), path).toBe(false);
    expect(mayOpenAdminPage('ADMIN', '/admin/audit')).toBe(false);
    expect(mayOpenAdminPage('SECURITY_ADMIN', '/admin/audit')).toBe(false);
  });

  it('gives the security administrator the accounts only, the system administrator organisation and accounts', () => {
    expect(mayOpenAdminPage('SECURITY_ADMIN', '/admin/users/abc')).toBe(true);
    expect(mayOpenAdminPage('SECURITY_ADMIN', '/admin/enterprises')).toBe(false);
    expect(mayOpenAdminPage('SECURITY_ADMIN', '/admin')).toBe(false);
    for (const path of ['/admin', '/admin/zones', '/admin/enterprises/1', '/admin/users'])
      expect(mayOpenAdminPage('ADMIN', path), path).toBe(true);
  });

  it('lands each administrator on a page they may open', () => {
    for (const role of ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'] as const) expect(mayOpenAdminPage(role, LANDING[role]), role).toBe(true);
  });
});
