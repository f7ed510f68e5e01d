import { z } from 'zod';
import { Id, PageQuery, Role } from './common.ts';
import { ENTITY_NAMES } from './error-codes.ts';

/**
 * Every action the server records in the audit log, in one list: the web's Chinese labels are
 * keyed by it (its spec checks each has one), and apps/api/src/audit-actions.spec.ts checks that
 * every action written in the server's code is here. Dotted: `<object>.<verb>`.
 */
export const AUDIT_ACTIONS = [
  // Logging in and out, sessions, passwords, second factor.
  'auth.login',
  'auth.logout',
  'auth.session.replaced',
  'auth.session.revoke',
  'auth.session.signout',
  'auth.password.change',
  'auth.mfa.enrol',
  'auth.mfa.activate',
  'auth.mfa.verify',
  // Refusals at the door.
  'access.unauthenticated',
  'access.forbidden',
  'access.origin_rejected',
  // Accounts.
  'user.create',
  'user.update',
  'user.role.change',
  'user.deactivate',
  'user.activate',
  'user.unlock',
  'user.mfa.reset',
  // Worker accounts and their enrolment in courses (by the enterprise's safety officer).
  'worker.create',
  'worker.import',
  'enrolment.create',
  'enrolment.delete',
  // Organisation.
  'zone.create',
  'zone.update',
  'enterprise.create',
  'enterprise.update',
  'team.create',
  'team.update',
  'shift.create',
  'shift.update',
  'calendar.update',
  // Meetings and media.
  'meeting.create',
  'meeting.update',
  'meeting.review',
  'meeting.respond',
  'media.remove',
  // Exports and evidence reports (what was taken out of the platform, with its filters).
  'meeting.export',
  'compliance.export',
  'compliance.evidence_report',
  'upload.create',
  'upload.rejected',
  'upload.complete',
  'upload.abort',
  // Reminders: the enterprise's group robots.
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.test',
  // Learning: records taken out, certificates issued, quizzes submitted.
  'learning.export',
  'learning.takeover',
  'certificate.issue',
  'quiz.submit',
  // The 百千万 programme: targets, and enterprises into and out of its tiers.
  'programme.update',
  'programme.enterprise.enrol',
  'programme.enterprise.tier',
  'programme.enterprise.remove',
  'programme.export',
  // Course authoring (课程管理).
  'course.create',
  'course.update',
  'course.publish',
  'course.unpublish',
  'lesson.create',
  'lesson.update',
  'lesson.delete',
  'lesson.reorder',
  'quiz.update',
  'quiz.delete',
  'question.create',
  'question.update',
  'question.delete',
  // The education resource library (宣教资源电子库).
  'library.create',
  'library.update',
  'library.publish',
  'library.unpublish',
  'library.delete',
  // Live meetings and cameras (keys and credentials are never written).
  'live.create',
  'live.rotateKey',
  'live.revoke',
  'live.end',
  'camera.create',
  'camera.update',
  'camera.delete',
  'camera.record',
  // The audit log itself.
  'audit.read',
  'audit.export',
  // Refused reads and changes of an object outside the caller's scope (EnterpriseAccess, UserService).
  ...ENTITY_NAMES.flatMap((e) => [`${e}.read`, `${e}.manage`] as const),
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** True when `action` is in the catalogue (rows written by an older or newer server may not be). */
export function isAuditAction(action: unknown): action is AuditAction {
  return typeof action === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export const AuditOutcome = z.enum(['SUCCESS', 'DENIED', 'FAILURE']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** One changed field: the old and new values, personal data already masked by the server. */
export const FieldChange = z.object({ from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    /** The user name (as typed, for failed logins). */
    actorName: z.string().nullable(),
    /** The actor's display name today, when the account still exists. */
    actorDisplayName: z.string().nullable(),
    actorRole: Role.nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    /** Human name of the object at the time (a user's display name, an enterprise's name). */
    entityLabel: z.string().nullable(),
    outcome: AuditOutcome,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    /** Before/after of changed fields, for updates. */
    changes: z.record(z.string(), FieldChange).nullable(),
    details: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with offset, e.g. 2026-11-28T07:30:00+08:00' });

/** Filters of the audit log list and its CSV export. */
export const AuditFilter = z.object({
  from: instant.optional(),
  to: instant.optional(),
  /** Part of the actor's user name or display name. */
  actor: z.string().trim().max(64).optional(),
  actorId: Id.optional(),
  /** An action, or a prefix ending in `.` such as `auth.`. */
  action: z.string().trim().max(64).optional(),
  outcome: AuditOutcome.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = PageQuery.extend(AuditFilter.shape);
export type AuditQuery = z.infer<typeof AuditQuery>;
