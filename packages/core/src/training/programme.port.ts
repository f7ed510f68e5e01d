import type { ProgrammeCategory, ProgrammeFigures, ProgrammeFilter, RiskLevel } from '@platform/contracts';
import type { EnterpriseScope } from '../access/actor.ts';

/** A programme as stored; dates are Shanghai calendar days (YYYY-MM-DD). */
// A type, not an interface: the audit's changedFields takes it as a plain record.
export type ProgrammeRecord = {
  id: string;
  code: string;
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
  targetHazardousEnterprises: number;
  targetKeyEnterprises: number;
  targetWorkers: number;
};

/** The fields an administrator changes. */
export type ProgrammeChanges = Pick<
  ProgrammeRecord,
  'name' | 'year' | 'startsOn' | 'endsOn' | 'targetHazardousEnterprises' | 'targetKeyEnterprises' | 'targetWorkers'
>;

/** What the tier rule and the bulk enrolment need to know of an enterprise. */
export interface EnrolmentCandidate {
  id: string;
  name: string;
  zoneId: string;
  active: boolean;
  industry: { name: string; hazardous: boolean };
  /** Its tier in the programme, when enrolled. */
  category: ProgrammeCategory | null;
}

/** How the figures are counted: which programme, whose enterprises, and since when an enterprise counts as active. */
export interface FigureWindow {
  programmeId: string;
  scope: EnterpriseScope;
  filter: Omit<ProgrammeFilter, 'programmeId'>;
  now: Date;
  activeSince: Date;
}

/** The figures of the enrolled enterprises of one zone × industry (the dashboard's finest grouping). */
export type FigureRow = ProgrammeFigures & { zoneId: string; industryId: string };

/** One enrolled enterprise with its figures, for the enrolled list. */
export interface EnrolledEnterpriseRow {
  id: string;
  name: string;
  creditCode: string;
  riskLevel: RiskLevel;
  zone: { id: string; name: string };
  industry: { id: string; name: string; hazardous: boolean };
  category: ProgrammeCategory;
  enrolledAt: Date;
  workers: number;
  workersEnrolled: number;
  workersTrained: number;
  workersCertified: number;
  active: boolean;
  complete: boolean;
}

export interface CandidateRow {
  id: string;
  name: string;
  creditCode: string;
  riskLevel: RiskLevel;
  zone: { id: string; name: string };
  industry: { id: string; name: string; hazardous: boolean };
  workers: number;
}

/** Storage of the 百千万 programme, its enrolled enterprises and the figures read from learning records. */
export interface ProgrammeRepository {
  findById(id: string): Promise<ProgrammeRecord | null>;
  /** The programme whose period contains `day`, else the one that started last; null when there is none. */
  current(day: string): Promise<ProgrammeRecord | null>;
  update(id: string, changes: ProgrammeChanges): Promise<ProgrammeRecord>;
  /** A new programme under `code`. */
  create(code: string, changes: ProgrammeChanges): Promise<ProgrammeRecord>;

  /** The enterprises of `ids` that exist, with their tier in the programme. */
  candidatesByIds(programmeId: string, ids: string[]): Promise<EnrolmentCandidate[]>;
  /** Inserts the memberships that do not exist yet (the database decides); answers how many were new. */
  enrol(programmeId: string, category: ProgrammeCategory, enterpriseIds: string[]): Promise<number>;
  /** Enrols or moves one enterprise; answers the membership. */
  setTier(
    programmeId: string,
    enterpriseId: string,
    category: ProgrammeCategory,
  ): Promise<{ category: ProgrammeCategory; enrolledAt: Date }>;
  /** Removes a membership; false when there was none. */
  remove(programmeId: string, enterpriseId: string): Promise<boolean>;

  /** Figures grouped by zone × industry, over the enrolled enterprises the window selects. */
  figures(window: FigureWindow): Promise<FigureRow[]>;
  /** The enrolled enterprises the window selects, with their figures, one page by name. */
  enrolled(
    window: FigureWindow,
    page: { q?: string; page: number; pageSize: number },
  ): Promise<{ items: EnrolledEnterpriseRow[]; total: number }>;
  /** Active enterprises not enrolled, by name; `hazardous` keeps only those of (non-)hazardous industries. */
  candidates(
    programmeId: string,
    filter: { zoneId?: string; industryId?: string; hazardous?: boolean; q?: string },
    page: { page: number; pageSize: number },
  ): Promise<{ items: CandidateRow[]; total: number }>;
  /** Names of zones and industries, for the breakdowns. */
  names(): Promise<{ zones: Map<string, string>; industries: Map<string, string> }>;
}
