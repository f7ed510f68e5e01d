import type { Range } from './watch-ranges.ts';

// Storage of a learner's enrolments, progress, viewings, heartbeats, quizzes and certificates.

export type LessonKind = 'VIDEO' | 'DOCUMENT' | 'POSTER';

export interface LessonRecord {
  id: string;
  courseId: string;
  courseTitle: string;
  position: number;
  title: string;
  kind: LessonKind;
  body: string;
  required: boolean;
  mediaAssetId: string | null;
  /** From the lesson, or the media's own duration while the lesson has none yet. */
  durationSeconds: number;
  requiredCoverage: number;
  presenceChecks: number;
}

export interface ProgressRecord {
  lessonId: string;
  watchedRanges: Range[];
  watchedSeconds: number;
  lastPosition: number;
  completedAt: Date | null;
}

export interface EnrolmentRecord {
  id: string;
  courseId: string;
  userId: string;
  enterpriseId: string;
  status: 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED';
  enrolledAt: Date;
  completedAt: Date | null;
}

export interface QuizRecord {
  id: string;
  title: string;
  passScore: number;
  drawCount: number;
  attemptLimit: number;
  questionCount: number;
}

export interface AttemptRecord {
  id: string;
  quizId: string;
  enrolmentId: string;
  userId: string;
  questionIds: string[];
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  passed: boolean | null;
}

export interface QuestionRecord {
  id: string;
  kind: 'SINGLE' | 'MULTIPLE' | 'TRUE_FALSE';
  prompt: string;
  options: string[];
  answer: number[];
  points: number;
  explanation: string;
}

export interface CertificateRecord {
  id: string;
  enrolmentId: string;
  userId: string;
  serialNo: string;
  verificationCode: string;
  issuedAt: Date;
  validUntil: Date;
  revokedAt: Date | null;
  holderName: string;
  holderIdNumber: string | null;
  enterpriseName: string | null;
  courseTitle: string;
  courseCode: string;
}

/** One enrolment with everything the learner's course pages show. */
export interface CourseProgressRecord {
  enrolment: EnrolmentRecord;
  course: { id: string; code: string; title: string; description: string; category: string; certificateValidMonths: number };
  lessons: LessonRecord[];
  progress: ProgressRecord[];
  quiz: QuizRecord | null;
  attempts: AttemptRecord[];
  certificateId: string | null;
  /** The lesson most recently played, for "resume". */
  lastLessonId: string | null;
}

/** A viewing with what the heartbeat rules need, loaded under a row lock. */
export interface StoredViewing {
  id: string;
  userId: string;
  lessonId: string;
  enrolmentId: string;
  startedAt: Date;
  clientStartedAt: Date;
  lastClientAt: Date | null;
  lastSeq: number;
  endedAt: Date | null;
  playedSeconds: number;
  checkAt: number[];
  answered: number[];
  durationSeconds: number;
  requiredCoverage: number;
  watched: Range[];
  lessonCompleted: boolean;
}

/** What to store for one heartbeat, counted or not. */
export interface HeartbeatWrite {
  seq: number;
  clientAt: Date;
  ranges: Range[];
  countedSeconds: number;
  rejection: string | null;
}

/** The new state of one viewing after a batch of its heartbeats. */
export interface ViewingUpdate {
  viewingId: string;
  heartbeats: HeartbeatWrite[];
  lastSeq: number;
  lastClientAt: Date | null;
  playedSeconds: number;
  watched: Range[];
  watchedSeconds: number;
  lastPosition: number;
  rejected: number;
  /** Set when this batch completed the lesson. */
  completedAt: Date | null;
  /** A presence-check mark reached and unanswered, to ask now. */
  askAt: number | null;
}

export interface PresenceCheckRecord {
  id: string;
  viewingId: string;
  atSecond: number;
  challenge: string;
  answeredAt: Date | null;
}

export interface LearningRepository {
  listCourseProgress(userId: string): Promise<CourseProgressRecord[]>;
  findCourseProgress(userId: string, courseId: string): Promise<CourseProgressRecord | null>;
  /** The lesson and the learner's enrolment in its course (null when not enrolled or unpublished). */
  findLessonForLearner(
    userId: string,
    lessonId: string,
  ): Promise<{ lesson: LessonRecord; enrolment: EnrolmentRecord; progress: ProgressRecord | null } | null>;
  lessonsOfCourse(courseId: string): Promise<LessonRecord[]>;

  /** The learner's viewings that are not over and heard from since `since`. */
  liveViewings(userId: string, since: Date): Promise<{ id: string; deviceId: string }[]>;
  /** Starts a viewing at `startedAt`, ending the learner's other open viewings at `now` (a take-over). */
  startViewing(input: {
    userId: string;
    lessonId: string;
    enrolmentId: string;
    deviceId: string;
    userAgent: string;
    clientStartedAt: Date;
    /** When the start request arrived (the device's `clientStartedAt` is when it was sent). */
    startedAt: Date;
    checkAt: number[];
    now: Date;
  }): Promise<{ id: string }>;
  findViewing(id: string): Promise<{
    id: string;
    userId: string;
    lessonId: string;
    enrolmentId: string;
    startedAt: Date;
    endedAt: Date | null;
    playedSeconds: number;
    checkAt: number[];
    answered: number[];
  } | null>;

  /**
   * Applies heartbeats of many viewings in one transaction: loads each viewing under a row lock,
   * lets `decide` judge its heartbeats against the stored state, and writes what it returns
   * (the heartbeats themselves, the viewing, the lesson progress). Returns the updates.
   */
  applyHeartbeats<U extends ViewingUpdate>(viewingIds: string[], decide: (viewing: StoredViewing) => U | null, now: Date): Promise<U[]>;

  /** The open (unanswered) check of a viewing at `atSecond`, creating it with `challenge` if absent. */
  openCheck(viewingId: string, atSecond: number, challenge: string): Promise<PresenceCheckRecord>;
  findCheck(viewingId: string, checkId: string): Promise<PresenceCheckRecord | null>;
  answerCheck(checkId: string, at: Date): Promise<void>;

  /** Marks a document/poster lesson read (complete) for an enrolment. */
  completeReading(enrolmentId: string, lessonId: string, at: Date): Promise<void>;
  setEnrolmentStatus(enrolmentId: string, status: 'IN_PROGRESS' | 'COMPLETED', completedAt: Date | null): Promise<void>;

  questionBank(quizId: string): Promise<QuestionRecord[]>;
  createAttempt(input: {
    quizId: string;
    enrolmentId: string;
    userId: string;
    questionIds: string[];
    startedAt: Date;
  }): Promise<AttemptRecord>;
  findAttempt(id: string): Promise<(AttemptRecord & { courseId: string }) | null>;
  /** Stores the grade unless the attempt was submitted already; false when it was. */
  submitAttempt(id: string, grade: { answers: unknown; score: number; passed: boolean; submittedAt: Date }): Promise<boolean>;

  /** Issues the enrolment's certificate unless it has one; returns it either way. */
  issueCertificate(input: {
    enrolmentId: string;
    userId: string;
    courseId: string;
    serialPrefix: string;
    verificationCode: string;
    issuedAt: Date;
    validUntil: Date;
  }): Promise<{ id: string; created: boolean }>;
  listCertificates(userId: string): Promise<CertificateRecord[]>;
  findCertificate(id: string): Promise<CertificateRecord | null>;
  findCertificateByCode(code: string): Promise<CertificateRecord | null>;

  /** The learner whose records are asked for: role and placement, for the access check. */
  findLearner(
    userId: string,
  ): Promise<{ id: string; role: string; enterpriseId: string | null; zoneId: string | null; displayName: string } | null>;
  /** Every learning record of a user, oldest first, as rows for the export. */
  learningRecords(userId: string): AsyncIterable<LearningRecordRow>;
  /** Deletes learning records older than `before`; returns how many heartbeats went. */
  purgeRecordsBefore(before: Date): Promise<number>;
}

export interface LearningRecordRow {
  at: Date;
  course: string;
  lesson: string;
  kind: 'ENROLMENT' | 'VIEWING' | 'HEARTBEAT' | 'PRESENCE_CHECK' | 'QUIZ_ATTEMPT' | 'CERTIFICATE';
  detail: string;
}
