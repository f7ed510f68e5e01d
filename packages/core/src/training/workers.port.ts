import type { Enrolment, EnrolmentCourse, EnrolmentQuery, EnrolmentStatus, Page, WorkerQuery } from '@platform/contracts';
import type { EnterpriseScope } from '../access/actor.ts';
import type { SheetTable } from './worker-rows.ts';

/** A worker account as stored, with its roster entry (team, employee no., position) if it has one. */
export interface WorkerRecord {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  idNumber: string | null;
  enterprise: { id: string; name: string; zoneId: string };
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  member: { teamId: string; teamName: string; employeeNo: string | null; position: string | null } | null;
}

/** A worker account to create, its password already hashed. */
export interface NewWorker {
  username: string;
  displayName: string;
  phone: string;
  idNumber: string;
  passwordHash: string;
  employeeNo: string | null;
  position: string | null;
  teamId: string | null;
}

/** Phones and ID numbers that already belong to an account. */
export interface TakenValues {
  phones: string[];
  idNumbers: string[];
}

/** Worker accounts of enterprises. */
export interface WorkerRepository {
  list(scope: EnterpriseScope, query: WorkerQuery): Promise<Page<WorkerRecord>>;
  /** A WORKER account by id; null for any other role. */
  findById(id: string): Promise<WorkerRecord | null>;
  /** Of `phones` and `idNumbers`, those some account already has (a phone also when it is a user name). */
  findTaken(phones: string[], idNumbers: string[]): Promise<TakenValues>;
  /**
   * Creates every account in one transaction with its password history (the first login must
   * change it) and its roster entry: an unlinked entry of the team with the same employee no.
   * (or, without one, the same name) is linked, else a new one is added. Phone and ID number have
   * no unique index, so the check is repeated inside the transaction under a lock; what another
   * request took meanwhile is answered as `taken` and nothing is created.
   */
  createAll(enterpriseId: string, workers: NewWorker[], now: Date): Promise<{ created: WorkerRecord[] } | { taken: TakenValues }>;
}

/** Reads an uploaded file (CSV in UTF-8 or GBK, or XLSX) into rows of text; throws ValidationError on `file` when it cannot. */
export interface SheetReader {
  read(bytes: Uint8Array): Promise<SheetTable>;
}

/** An enrolment as the rules need it: whose it is and whether anything was learned. */
export interface EnrolmentFacts {
  id: string;
  enterpriseId: string;
  userId: string;
  courseId: string;
  status: EnrolmentStatus;
  /** Seconds watched, a lesson completed, a quiz attempt or a certificate. */
  learned: boolean;
}

/** Enrolment of an enterprise's workers in published courses. */
export interface EnrolmentRepository {
  /** Published courses with the enterprise's enrolled and completed counts. */
  listCourses(enterpriseId: string): Promise<EnrolmentCourse[]>;
  findCourse(id: string): Promise<{ id: string; published: boolean } | null>;
  /** Of `userIds`, the active WORKER accounts of the enterprise. */
  workersOf(enterpriseId: string, userIds: string[]): Promise<string[]>;
  /** Active WORKER accounts on the active rosters of `teamIds` (teams of the enterprise only). */
  workersOnTeams(enterpriseId: string, teamIds: string[]): Promise<string[]>;
  /** Enrols each user once; answers how many were new. */
  enrol(courseId: string, enterpriseId: string, userIds: string[]): Promise<number>;
  list(scope: EnterpriseScope, query: EnrolmentQuery): Promise<Page<Enrolment>>;
  findById(id: string): Promise<(EnrolmentFacts & { zoneId: string }) | null>;
  /** Deletes the enrolment unless something was learned meanwhile; false when it was kept. */
  deleteUnlearned(id: string): Promise<boolean>;
}
