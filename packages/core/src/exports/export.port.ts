import type { MeetingExportQuery, ReviewEntry, ReviewStatus, RiskLevel } from '@platform/contracts';
import type { EnterpriseScope } from '../access/actor.ts';
import type { ComplianceFilter, DueMeetingRow } from '../compliance/due-meeting.port.ts';

/** The facts of a due meeting that decide its state (`slotState`). */
export interface SlotFacts {
  dueFrom: Date;
  dueUntil: Date;
  reportBy: Date;
  status: 'OPEN' | 'MISSING' | 'REPORTED';
  reportedOnTime: boolean | null;
  heldOnTime: boolean | null;
  evidenceCount: number;
  evidenceBy: Date | null;
  flagCount: number;
}

/** A reported meeting as an export row needs it. */
export interface ExportedMeeting {
  id: string;
  meetingDate: string;
  enterprise: { name: string; creditCode: string; riskLevel: RiskLevel };
  zoneName: string;
  industryName: string;
  teamName: string;
  shift: { name: string; startMinute: number; endMinute: number };
  startedAt: Date;
  hostName: string;
  expectedCount: number;
  presentCount: number;
  reportedAt: Date | null;
  reviewStatus: ReviewStatus;
  bestPractice: boolean;
  /** Its due meeting; null only for data older than due meetings. */
  slot: SlotFacts | null;
}

/** Unpaged reads for exports: counted first (to refuse an oversize file), then read in batches. */
export interface ExportRepository {
  countMeetings(scope: EnterpriseScope, query: MeetingExportQuery): Promise<number>;
  /** The meetings `GET /api/meetings` would list, every page, in its order. */
  meetings(scope: EnterpriseScope, query: MeetingExportQuery): AsyncIterable<ExportedMeeting>;
  /** The missing list of `date` (open past deadline or closed as missing), every row, by deadline. */
  missing(scope: EnterpriseScope, filter: ComplianceFilter, date: string, now: Date): AsyncIterable<DueMeetingRow>;
}

/** A file of a meeting as the evidence report lists it. */
export interface EvidenceFileRow {
  id: string;
  kind: 'VIDEO' | 'PHOTO' | 'DOCUMENT';
  originalName: string;
  sizeBytes: number;
  sha256: string | null;
  uploadedAt: Date;
  capturedAt: Date | null;
  removedAt: Date | null;
}

/** One due meeting of the period with its report, flags, reviews and files. */
export interface EvidenceSlotRow extends SlotFacts {
  id: string;
  date: string;
  team: { id: string; name: string };
  shift: { id: string; name: string; startMinute: number; endMinute: number };
  reportedAt: Date | null;
  meeting: {
    id: string;
    startedAt: Date;
    hostName: string;
    expectedCount: number;
    presentCount: number;
    reviewStatus: ReviewStatus;
    flags: { kind: string; params: unknown; createdAt: Date; resolvedAt: Date | null }[];
    reviews: ReviewEntry[];
    files: EvidenceFileRow[];
  } | null;
}

export interface EvidenceEnterprise {
  id: string;
  name: string;
  creditCode: string;
  zoneId: string;
  zone: { id: string; name: string };
  industry: { id: string; name: string };
  riskLevel: RiskLevel;
  address: string;
}

export interface EvidenceReportRepository {
  findEnterprise(id: string): Promise<EvidenceEnterprise | null>;
  /** Due meetings of the enterprise over [from, to] (Shanghai days), by date and window. */
  slots(enterpriseId: string, from: string, to: string): Promise<EvidenceSlotRow[]>;
}
