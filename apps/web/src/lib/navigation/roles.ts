import type { Role } from '@platform/contracts';

/** Where each role starts after logging in, and where `/` sends it. */
export const LANDING: Record<Role, string> = {
  ADMIN: '/admin',
  SECURITY_ADMIN: '/admin/users',
  AUDIT_ADMIN: '/admin/audit',
  INSPECTOR: '/compliance',
  ZONE_OFFICER: '/compliance',
  COMMAND_OPERATOR: '/command',
  ENTERPRISE_OFFICER: '/enterprise',
  WORKER: '/learn',
};

/**
 * Which roles may open each audience area. The API enforces the real permissions; this only keeps
 * people out of pages whose calls would all be refused. Admins can look at every area.
 */
export const AREA_ROLES = {
  enterprise: ['ENTERPRISE_OFFICER'],
  // Zone officers watch their own zone's wall; the API scopes every call it makes to that zone.
  command: ['COMMAND_OPERATOR', 'INSPECTOR', 'ZONE_OFFICER', 'ADMIN'],
  compliance: ['INSPECTOR', 'ZONE_OFFICER', 'ADMIN'],
  learn: ['WORKER', 'ENTERPRISE_OFFICER', 'ADMIN'],
  // The 百千万 progress dashboards; zone officers see their zone (the API enforces it), managing it is the admin's.
  training: ['ADMIN', 'INSPECTOR', 'ZONE_OFFICER'],
  admin: ['ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREA_ROLES;

/**
 * Pages open to roles beyond those of their area. The statistics page lives with the enforcement
 * pages but serves the command centre as well; its API is open to command operators too.
 */
export const EXTRA_PAGE_ROLES: Readonly<Record<string, readonly Role[]>> = {
  '/compliance/dashboard': ['COMMAND_OPERATOR'],
};

/** May `role` open `pathname`, a page of `area`? */
export function mayOpenArea(role: Role, area: Area, pathname: string): boolean {
  if ((AREA_ROLES[area] as readonly Role[]).includes(role)) return true;
  const page = Object.keys(EXTRA_PAGE_ROLES).find((p) => pathname === p || pathname.startsWith(`${p}/`));
  return !!page && EXTRA_PAGE_ROLES[page]!.includes(role);
}

export const ALL_ROLES: readonly Role[] = [
  'ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
  'INSPECTOR',
  'ZONE_OFFICER',
  'COMMAND_OPERATOR',
  'ENTERPRISE_OFFICER',
  'WORKER',
];

/** Roles whose accounts belong to one enterprise; the server requires an enterprise for them. */
export const ENTERPRISE_ROLES: readonly Role[] = ['ENTERPRISE_OFFICER', 'WORKER'];

/** What an account of `role` is attached to: an enterprise, a zone, or nothing (bureau roles). */
export function placementOf(role: Role | ''): 'enterprise' | 'zone' | 'none' {
  if (role === '') return 'none';
  if (ENTERPRISE_ROLES.includes(role)) return 'enterprise';
  return role === 'ZONE_OFFICER' ? 'zone' : 'none';
}

/**
 * The administration pages by role (三权分立): the system administrator the organisation and the
 * accounts, the security administrator the accounts (to unlock, reset second factors, end sessions),
 * the audit administrator the audit log and nothing else. The API enforces the same split.
 */
export const ADMIN_PAGES = {
  '/admin/zones': ['ADMIN'],
  '/admin/enterprises': ['ADMIN'],
  '/admin/courses': ['ADMIN'],
  '/admin/library': ['ADMIN'],
  '/admin/users': ['ADMIN', 'SECURITY_ADMIN'],
  '/admin/audit': ['AUDIT_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

/** May `role` open `pathname` (under /admin)? The overview /admin itself is the system administrator's. */
export function mayOpenAdminPage(role: Role, pathname: string): boolean {
  const page = (Object.keys(ADMIN_PAGES) as (keyof typeof ADMIN_PAGES)[]).find((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!page) return role === 'ADMIN';
  return (ADMIN_PAGES[page] as readonly Role[]).includes(role);
}
