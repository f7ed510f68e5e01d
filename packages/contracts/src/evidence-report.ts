import { z } from 'zod';
import { Id, RiskLevel } from './common.ts';
import { ComplianceCounts, ReviewEntry } from './compliance.ts';
import { FlagKind, ReviewStatus, SlotState } from './meetings.ts';

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

/** Longest period one evidence report covers: a quarter. */
export const EVIDENCE_REPORT_MAX_DAYS = 92;

/** The period of an evidence report (Asia/Shanghai days, both included); default the last 30 days. */
export const EvidenceReportQuery = z.object({ from: day.optional(), to: day.optional() });
export type EvidenceReportQuery = z.infer<typeof EvidenceReportQuery>;

/** A photo, video or document of a meeting, identified by its SHA-256 so a copy can be proven unchanged. */
export const EvidenceFile = z.object({
  id: Id,
  kind: z.enum(['VIDEO', 'PHOTO', 'DOCUMENT']),
  originalName: z.string(),
  sizeBytes: z.number().int(),
  /** Hex SHA-256 of the uploaded bytes; null while the upload is not complete. */
  sha256: z.string().nullable(),
  uploadedAt: z.string(),
  /** When the camera says the photo was taken (EXIF), if it says. */
  capturedAt: z.string().nullable(),
  /** Removed by the enterprise before review: kept, listed, not evidence. */
  removedAt: z.string().nullable(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/** A flag of the meeting as the report lists it: its kind, measured values and whether it was resolved. */
export const EvidenceFlag = z.object({
  kind: FlagKind,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type EvidenceFlag = z.infer<typeof EvidenceFlag>;

/** One due meeting of the period and, when one came, its report with flags, reviews and files. */
export const EvidenceItem = z.object({
  id: Id,
  date: z.string(),
  team: z.object({ id: Id, name: z.string() }),
  shift: z.object({ id: Id, name: z.string(), startTime: z.string(), endTime: z.string() }),
  window: z.object({ from: z.string(), until: z.string() }),
  reportBy: z.string(),
  state: SlotState,
  reportedAt: z.string().nullable(),
  reportedOnTime: z.boolean().nullable(),
  heldOnTime: z.boolean().nullable(),
  meeting: z
    .object({
      id: Id,
      startedAt: z.string(),
      hostName: z.string(),
      expectedCount: z.number().int(),
      presentCount: z.number().int(),
      reviewStatus: ReviewStatus,
      flags: z.array(EvidenceFlag),
      reviews: z.array(ReviewEntry),
      files: z.array(EvidenceFile),
    })
    .nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** Everything due from one enterprise over a period and what it reported, to back an enforcement action. */
export const EvidenceReport = z
  .object({
    enterprise: z.object({
      id: Id,
      name: z.string(),
      /** 统一社会信用代码 */
      creditCode: z.string(),
      zone: z.object({ id: Id, name: z.string() }),
      industry: z.object({ id: Id, name: z.string() }),
      riskLevel: RiskLevel,
      address: z.string(),
    }),
    from: z.string(),
    to: z.string(),
    generatedAt: z.string(),
    totals: ComplianceCounts,
    items: z.array(EvidenceItem),
  })
  .meta({ id: 'EvidenceReport' });
export type EvidenceReport = z.infer<typeof EvidenceReport>;
