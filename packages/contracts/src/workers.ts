// Worker accounts of an enterprise (one by one or imported from a spreadsheet) and their enrolment
// in published courses, as the enterprise's safety officer manages them.
import { z } from 'zod';
import { Id, PageQuery, Timestamp, text } from './common.ts';
import { namedFormat, singleLine } from './rules.ts';

/** Optional one-line text: absent, null or empty all mean "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .refine(...singleLine)
    .nullable()
    .optional();

/** A new worker account. The phone and ID number are checked by the service (mobile, GB 11643 check digit). */
export const WorkerInput = z.object({
  displayName: text(64),
  /** 11-digit mainland mobile; +86, spaces and dashes are taken off. */
  phone: text(20),
  /** 18-character 居民身份证号 (a lower-case x is accepted). */
  idNumber: text(20),
  employeeNo: optionalText(32),
  /** A team of the enterprise: the worker joins its roster (or is linked to the roster entry of the same name or employee no.). */
  teamId: Id.nullable().optional(),
  position: optionalText(64),
  /** Defaults to the phone number. */
  username: z
    .string()
    .trim()
    .max(64)
    .check(namedFormat('username', /^[a-zA-Z0-9_.-]*$/, 'use letters, digits, _ . and - only'))
    .nullable()
    .optional(),
});
export type WorkerInput = z.infer<typeof WorkerInput>;

/**
 * A worker account. `phone` and `idNumber` are masked (138****5678) for everyone but the
 * enterprise's own officers, who see the phone in lists and the ID number on one worker's page.
 */
export const Worker = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    idNumber: z.string().nullable(),
    employeeNo: z.string().nullable(),
    position: z.string().nullable(),
    team: z.object({ id: Id, name: z.string() }).nullable(),
    enterprise: z.object({ id: Id, name: z.string() }),
    active: z.boolean(),
    /** Null until the first login, when the initial password must be changed. */
    lastLoginAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Worker' });
export type Worker = z.infer<typeof Worker>;

/** A worker account just made, with its initial password: shown once, never stored in clear. */
export const CreatedWorker = Worker.extend({ initialPassword: z.string() }).meta({ id: 'CreatedWorker' });
export type CreatedWorker = z.infer<typeof CreatedWorker>;

export const WorkerImportResult = z.object({ created: z.array(CreatedWorker) }).meta({ id: 'WorkerImportResult' });
export type WorkerImportResult = z.infer<typeof WorkerImportResult>;

export const WorkerQuery = PageQuery.extend({
  /** Bureau roles pick an enterprise in their scope; an officer may only name their own. */
  enterpriseId: Id.optional(),
  teamId: Id.optional(),
  /** Part of the name, user name or employee number. */
  q: z.string().trim().max(64).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});
export type WorkerQuery = z.infer<typeof WorkerQuery>;

export const WorkerUpdate = z.object({ active: z.boolean() });
export type WorkerUpdate = z.infer<typeof WorkerUpdate>;

export const WorkerPasswordReset = z.object({ initialPassword: z.string() }).meta({ id: 'WorkerPasswordReset' });
export type WorkerPasswordReset = z.infer<typeof WorkerPasswordReset>;

export const WorkerTemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

// ── Enrolment ─────────────────────────────────────────────────────────────────────────────────

export const EnrolmentStatus = z.enum(['ENROLLED', 'IN_PROGRESS', 'COMPLETED']);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

/** Workers and whole teams (every active worker account on the team) to enrol in one published course. */
export const EnrolmentInput = z.object({
  courseId: Id,
  userIds: z.array(Id).max(2000).default([]),
  teamIds: z.array(Id).max(200).default([]),
});
export type EnrolmentInput = z.infer<typeof EnrolmentInput>;

/** Enrolling twice is not an error: `already` counts the workers who were enrolled before. */
export const EnrolmentResult = z.object({ created: z.number().int(), already: z.number().int() }).meta({ id: 'EnrolmentResult' });
export type EnrolmentResult = z.infer<typeof EnrolmentResult>;

export const EnrolmentQuery = PageQuery.extend({
  enterpriseId: Id.optional(),
  courseId: Id.optional(),
  teamId: Id.optional(),
  status: EnrolmentStatus.optional(),
  q: z.string().trim().max(64).optional(),
});
export type EnrolmentQuery = z.infer<typeof EnrolmentQuery>;

/** One worker's enrolment in one course with where they stand; no phone or ID number. */
export const Enrolment = z
  .object({
    id: Id,
    course: z.object({ id: Id, title: z.string() }),
    worker: z.object({
      id: Id,
      displayName: z.string(),
      employeeNo: z.string().nullable(),
      team: z.object({ id: Id, name: z.string() }).nullable(),
      active: z.boolean(),
    }),
    status: EnrolmentStatus,
    enrolledAt: Timestamp,
    completedAt: Timestamp.nullable(),
    /** Required lessons completed, of how many the course has. */
    lessonsCompleted: z.number().int(),
    lessonsRequired: z.number().int(),
    quizPassed: z.boolean(),
    certificate: z.object({ serialNo: z.string(), issuedAt: Timestamp, validUntil: Timestamp }).nullable(),
  })
  .meta({ id: 'Enrolment' });
export type Enrolment = z.infer<typeof Enrolment>;

/** A published course an officer can enrol workers in, with how many of theirs are enrolled. */
export const EnrolmentCourse = z
  .object({
    id: Id,
    code: z.string(),
    title: z.string(),
    category: z.string(),
    description: z.string(),
    lessonCount: z.number().int(),
    enrolled: z.number().int(),
    completed: z.number().int(),
  })
  .meta({ id: 'EnrolmentCourse' });
export type EnrolmentCourse = z.infer<typeof EnrolmentCourse>;
