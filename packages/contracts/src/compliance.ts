import { z } from 'zod';
import { Id, PageQuery, RiskLevel } from './common.ts';

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** What a reviewer (inspector, or zone officer in their zone) does with a meeting. */
export const ReviewInput = z
  .object({
    action: z.enum(['APPROVE', 'FLAG', 'REQUEST_CORRECTION', 'MARK_BEST_PRACTICE', 'UNMARK_BEST_PRACTICE']),
    /** Required for FLAG and REQUEST_CORRECTION: what is wrong, what to do. */
    note: z.string().trim().max(1000, { error: 'must be at most 1000 characters' }).nullable().optional(),
  })
  .meta({ id: 'ReviewInput' });
export type ReviewInput = z.infer<typeof ReviewInput>;

/** The enterprise's answer to a correction request, after editing or adding evidence. */
export const CorrectionResponseInput = z.object({
  note: z.string().trim().min(1, { error: 'must not be empty' }).max(1000, { error: 'must be at most 1000 characters' }),
});
export type CorrectionResponseInput = z.infer<typeof CorrectionResponseInput>;

/** One entry of a meeting's review history, reviewer's or enterprise's. */
export const ReviewEntry = z.object({
  id: Id,
  action: z.enum(['APPROVE', 'FLAG', 'REQUEST_CORRECTION', 'MARK_BEST_PRACTICE', 'UNMARK_BEST_PRACTICE', 'RESPOND']),
  note: z.string().nullable(),
  author: z.object({ displayName: z.string(), role: z.string() }),
  createdAt: z.string(),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const ComplianceFilterQuery = z.object({
  zoneId: Id.optional(),
  industryId: Id.optional(),
  riskLevel: RiskLevel.optional(),
  enterpriseId: Id.optional(),
});

export const MissingQuery = PageQuery.extend(ComplianceFilterQuery.shape).extend({ date: day.optional() });
export type MissingQuery = z.infer<typeof MissingQuery>;

/** A meeting that was due and not reported by its deadline. */
export const MissingMeeting = z
  .object({
    id: Id,
    date: z.string(),
    enterprise: z.object({ id: Id, name: z.string() }),
    zone: z.object({ id: Id, name: z.string() }),
    industry: z.object({ id: Id, name: z.string() }),
    team: z.object({ id: Id, name: z.string() }),
    shift: z.object({ id: Id, name: z.string(), startTime: z.string(), endTime: z.string() }),
    window: z.object({ from: z.string(), until: z.string() }),
    reportBy: z.string(),
    remindedAt: z.string().nullable(),
  })
  .meta({ id: 'MissingMeeting' });
export type MissingMeeting = z.infer<typeof MissingMeeting>;

export const MissingList = z
  .object({ date: z.string(), items: z.array(MissingMeeting), total: z.number().int() })
  .meta({ id: 'MissingList' });
export type MissingList = z.infer<typeof MissingList>;

export const DashboardQuery = ComplianceFilterQuery.extend({ from: day.optional(), to: day.optional() });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Counts of due meetings, by outcome. Rates are derived by the client from these. */
export const ComplianceCounts = z.object({
  due: z.number().int(),
  reported: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  noEvidence: z.number().int(),
  missing: z.number().int(),
  heldOutsideWindow: z.number().int(),
  flagged: z.number().int(),
});
export type ComplianceCounts = z.infer<typeof ComplianceCounts>;

export const Dashboard = z
  .object({
    from: z.string(),
    to: z.string(),
    totals: ComplianceCounts,
    byZone: z.array(ComplianceCounts.extend({ id: Id, name: z.string() })),
    byIndustry: z.array(ComplianceCounts.extend({ id: Id, name: z.string() })),
    byDay: z.array(ComplianceCounts.extend({ date: z.string() })),
    /** Enterprises with the most missing meetings in the period. */
    topMissing: z.array(z.object({ id: Id, name: z.string(), zoneName: z.string(), missing: z.number().int(), due: z.number().int() })),
    flagsByKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof Dashboard>;
