// The 百千万 programme (百家危化企业、千家重点工贸企业、万人安全技能提升): its three targets, the
// enterprises enrolled in its two tiers, and the progress figures against the targets.
import { z } from 'zod';
import { Id, PageQuery, RiskLevel, pageOf, text } from './common.ts';
import { ExportFormat } from './exports.ts';
import { singleLine } from './rules.ts';

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** The two tiers of enterprises: 百家危化企业 and 千家重点工贸企业. */
export const ProgrammeCategory = z.enum(['HAZARDOUS_CHEMICAL', 'KEY_INDUSTRIAL']);
export type ProgrammeCategory = z.infer<typeof ProgrammeCategory>;

/** Picks one programme; without it, the current one (today within its dates, else the latest). */
export const ProgrammeQuery = z.object({ programmeId: Id.optional() });
export type ProgrammeQuery = z.infer<typeof ProgrammeQuery>;

const target = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(max, { error: `must be at most ${max}` });

export const Programme = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    year: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string(),
    targets: z.object({
      /** 百家危化企业: hazardous-chemical enterprises to enrol. */
      hazardousEnterprises: z.number().int(),
      /** 千家重点工贸企业: key industrial and trade enterprises to enrol. */
      keyEnterprises: z.number().int(),
      /** 万人: workers to train. */
      workers: z.number().int(),
    }),
  })
  .meta({ id: 'Programme' });
export type Programme = z.infer<typeof Programme>;

/** What an administrator sets: the name, year, period and the three targets. */
export const ProgrammeInput = z.object({
  programmeId: Id.optional(),
  name: text(64),
  year: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(2000).max(2100),
  startsOn: day,
  endsOn: day,
  targets: z.object({
    hazardousEnterprises: target(10_000),
    keyEnterprises: target(100_000),
    workers: target(10_000_000),
  }),
});
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

const search = z
  .string()
  .trim()
  .max(64, { error: 'must be at most 64 characters' })
  .refine(...singleLine);

/** Filters of the enrolled list and the dashboard. */
export const ProgrammeFilter = ProgrammeQuery.extend({
  zoneId: Id.optional(),
  industryId: Id.optional(),
  category: ProgrammeCategory.optional(),
});
export type ProgrammeFilter = z.infer<typeof ProgrammeFilter>;

export const ProgrammeEnterpriseQuery = PageQuery.extend(ProgrammeFilter.shape).extend({
  /** Part of the enterprise's name or its credit code. */
  q: search.optional(),
});
export type ProgrammeEnterpriseQuery = z.infer<typeof ProgrammeEnterpriseQuery>;

/** A worker-side figure set of one enterprise or one group: see the dashboard's definitions. */
export const WorkerFigures = z.object({
  /** Active WORKER accounts of the enterprise(s). */
  workers: z.number().int(),
  /** Workers enrolled in at least one course. */
  workersEnrolled: z.number().int(),
  /** Workers with at least one completed course (or a certificate). */
  workersTrained: z.number().int(),
  /** Workers holding at least one valid certificate (not revoked, not expired). */
  workersCertified: z.number().int(),
});
export type WorkerFigures = z.infer<typeof WorkerFigures>;

const named = z.object({ id: Id, name: z.string() });

/** An enterprise enrolled in the programme, with its own figures. */
export const ProgrammeEnterprise = WorkerFigures.extend({
  enterprise: z.object({ id: Id, name: z.string(), creditCode: z.string(), riskLevel: RiskLevel }),
  zone: named,
  industry: named.extend({ hazardous: z.boolean() }),
  category: ProgrammeCategory,
  enrolledAt: z.string(),
  /** A worker of it learned in the last 30 days. */
  active: z.boolean(),
  /** Every one of its workers is enrolled and has completed every course enrolled in (at least one worker). */
  complete: z.boolean(),
}).meta({ id: 'ProgrammeEnterprise' });
export type ProgrammeEnterprise = z.infer<typeof ProgrammeEnterprise>;

export const ProgrammeEnterprisePage = pageOf(ProgrammeEnterprise).meta({ id: 'ProgrammeEnterprisePage' });
export type ProgrammeEnterprisePage = z.infer<typeof ProgrammeEnterprisePage>;

/** Enterprises not yet enrolled; `category` keeps those whose industry fits that tier. */
export const ProgrammeCandidateQuery = PageQuery.extend(ProgrammeQuery.shape).extend({
  zoneId: Id.optional(),
  industryId: Id.optional(),
  category: ProgrammeCategory.optional(),
  q: search.optional(),
});
export type ProgrammeCandidateQuery = z.infer<typeof ProgrammeCandidateQuery>;

export const ProgrammeCandidate = z
  .object({
    enterprise: z.object({ id: Id, name: z.string(), creditCode: z.string(), riskLevel: RiskLevel }),
    zone: named,
    industry: named.extend({ hazardous: z.boolean() }),
    /** The only tier its industry allows: hazardous-chemical industries 百家危化, the others 千家重点工贸. */
    category: ProgrammeCategory,
    workers: z.number().int(),
  })
  .meta({ id: 'ProgrammeCandidate' });
export type ProgrammeCandidate = z.infer<typeof ProgrammeCandidate>;

export const ProgrammeCandidatePage = pageOf(ProgrammeCandidate).meta({ id: 'ProgrammeCandidatePage' });
export type ProgrammeCandidatePage = z.infer<typeof ProgrammeCandidatePage>;

/** Most enterprises one bulk enrolment takes (the whole 百千万 is 1,100). */
export const MAX_BULK_ENROL = 1_200;

/** Enrols several enterprises into one tier; all or nothing. */
export const ProgrammeEnrolInput = z.object({
  programmeId: Id.optional(),
  category: ProgrammeCategory,
  enterpriseIds: z
    .array(Id)
    .min(1, { error: 'must list at least one enterprise' })
    .max(MAX_BULK_ENROL, { error: `must list at most ${MAX_BULK_ENROL} enterprises` }),
});
export type ProgrammeEnrolInput = z.infer<typeof ProgrammeEnrolInput>;

export const ProgrammeEnrolResult = z
  .object({
    /** Newly enrolled. */
    enrolled: z.number().int(),
    /** Already in this tier, left as they were. */
    unchanged: z.number().int(),
  })
  .meta({ id: 'ProgrammeEnrolResult' });
export type ProgrammeEnrolResult = z.infer<typeof ProgrammeEnrolResult>;

/** Puts one enterprise into a tier: enrols it, or moves it from the other tier. */
export const ProgrammeTierInput = z.object({ programmeId: Id.optional(), category: ProgrammeCategory });
export type ProgrammeTierInput = z.infer<typeof ProgrammeTierInput>;

export const ProgrammeMembership = z
  .object({
    enterpriseId: Id,
    category: ProgrammeCategory,
    enrolledAt: z.string(),
    /** The tier it was in before, when this moved it. */
    previousCategory: ProgrammeCategory.nullable(),
  })
  .meta({ id: 'ProgrammeMembership' });
export type ProgrammeMembership = z.infer<typeof ProgrammeMembership>;

/** The enterprise-side figures of a group, per tier, and its workers. */
export const ProgrammeFigures = WorkerFigures.extend({
  hazardousEnrolled: z.number().int(),
  hazardousActive: z.number().int(),
  hazardousComplete: z.number().int(),
  keyEnrolled: z.number().int(),
  keyActive: z.number().int(),
  keyComplete: z.number().int(),
});
export type ProgrammeFigures = z.infer<typeof ProgrammeFigures>;

export const ProgrammeDashboard = z
  .object({
    programme: Programme,
    /** When the figures were computed. */
    asOf: z.string(),
    /** An enterprise is active when a worker of it learned in this many days up to `asOf`. */
    activeDays: z.number().int(),
    totals: ProgrammeFigures,
    byZone: z.array(ProgrammeFigures.extend({ id: Id, name: z.string() })),
    byIndustry: z.array(ProgrammeFigures.extend({ id: Id, name: z.string() })),
  })
  .meta({ id: 'ProgrammeDashboard' });
export type ProgrammeDashboard = z.infer<typeof ProgrammeDashboard>;

export const ProgrammeDashboardExportQuery = ProgrammeFilter.extend({ format: ExportFormat.default('csv') });
export type ProgrammeDashboardExportQuery = z.infer<typeof ProgrammeDashboardExportQuery>;
