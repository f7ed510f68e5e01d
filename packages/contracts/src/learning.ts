import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { Media } from './media.ts';

// A worker's own learning: courses enrolled in, lessons watched with heartbeats that count only
// seconds actually played, presence checks, quizzes graded on the server, certificates.

const LessonKind = z.enum(['VIDEO', 'DOCUMENT', 'POSTER']);
const EnrolmentStatus = z.enum(['ENROLLED', 'IN_PROGRESS', 'COMPLETED']);
const QuestionKind = z.enum(['SINGLE', 'MULTIPLE', 'TRUE_FALSE']);

const share = z.number().min(0).max(1).meta({ description: 'Share from 0 to 1' });

/** Where a learner stopped: the lesson to open and the second to resume at. */
export const ResumePoint = z.object({ lessonId: Id, lessonTitle: z.string(), position: z.number() });

export const MyCourse = z
  .object({
    enrolmentId: Id,
    courseId: Id,
    code: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    status: EnrolmentStatus,
    enrolledAt: Timestamp,
    completedAt: Timestamp.nullable(),
    requiredLessons: z.number().int(),
    completedLessons: z.number().int(),
    /** Required lessons' watched share, averaged; the quiz is the rest of the way. */
    progress: share,
    quizPassed: z.boolean(),
    hasQuiz: z.boolean(),
    certificateId: Id.nullable(),
    resume: ResumePoint.nullable(),
  })
  .meta({ id: 'MyCourse' });
export type MyCourse = z.infer<typeof MyCourse>;

export const MyLessonSummary = z.object({
  id: Id,
  position: z.number().int(),
  title: z.string(),
  kind: LessonKind,
  required: z.boolean(),
  durationSeconds: z.number(),
  coverage: share,
  requiredCoverage: share,
  completed: z.boolean(),
  lastPosition: z.number(),
});
export type MyLessonSummary = z.infer<typeof MyLessonSummary>;

export const MyQuizState = z.object({
  title: z.string(),
  passScore: z.number().int(),
  questionCount: z.number().int(),
  attemptLimit: z.number().int(),
  attemptsUsed: z.number().int(),
  bestScore: z.number().int().nullable(),
  passed: z.boolean(),
  /** The quiz opens once every required lesson is complete. */
  open: z.boolean(),
  /** An attempt started and not yet submitted: opening the quiz again resumes it. */
  openAttemptId: Id.nullable(),
});

export const MyCourseDetail = MyCourse.extend({
  lessons: z.array(MyLessonSummary),
  quiz: MyQuizState.nullable(),
}).meta({ id: 'MyCourseDetail' });
export type MyCourseDetail = z.infer<typeof MyCourseDetail>;

export const LessonView = z
  .object({
    id: Id,
    courseId: Id,
    courseTitle: z.string(),
    position: z.number().int(),
    title: z.string(),
    kind: LessonKind,
    body: z.string(),
    required: z.boolean(),
    durationSeconds: z.number(),
    requiredCoverage: share,
    media: Media.nullable(),
    watchedRanges: z.array(z.tuple([z.number(), z.number()])),
    coverage: share,
    completed: z.boolean(),
    lastPosition: z.number(),
    nextLessonId: Id.nullable(),
    /** Seconds a document or poster must stay open before it counts as read. */
    readingSeconds: z.number().int(),
    /** The highest playback rate that still counts. */
    maxPlaybackRate: z.number(),
  })
  .meta({ id: 'LessonView' });
export type LessonView = z.infer<typeof LessonView>;

export const StartViewingBody = z.object({
  /** A random id the device keeps for itself. */
  deviceId: z.string().trim().min(8).max(64),
  /** The device's clock now (epoch milliseconds); heartbeats carry the same clock. */
  clientNow: z.number().int().positive(),
  /** Take the lesson over from another device that is playing right now (that one stops counting). */
  takeOver: z.boolean().optional(),
});
export type StartViewingBody = z.infer<typeof StartViewingBody>;

export const ViewingRules = z.object({
  maxPlaybackRate: z.number(),
  heartbeatSeconds: z.number().int(),
});

export const Viewing = z
  .object({
    sessionId: Id,
    rules: ViewingRules,
    /** Seconds still to play in this viewing before the next presence check, or null when none is left. */
    nextCheckIn: z.number().nullable(),
  })
  .meta({ id: 'Viewing' });
export type Viewing = z.infer<typeof Viewing>;

const seconds = z.number().min(-1e6).max(1e6);
export const Heartbeat = z.object({
  seq: z.number().int().min(0),
  /** The device's clock when the heartbeat was made (epoch milliseconds). */
  clientAt: z.number().int().positive(),
  /** Media seconds played since the previous heartbeat, as [start, end] pairs. */
  ranges: z.array(z.tuple([seconds, seconds])).max(200),
  /** Where the playhead is (for resuming). */
  position: z.number().min(0).max(1e6),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const HeartbeatBatch = z.object({ beats: z.array(Heartbeat).min(1).max(120) });
export type HeartbeatBatch = z.infer<typeof HeartbeatBatch>;

export const HeartbeatRejection = z.enum([
  'OUT_OF_ORDER',
  'RANGE_INVALID',
  'BEYOND_DURATION',
  'FASTER_THAN_ALLOWED',
  'CLOCK_AHEAD',
  'SESSION_TAKEN_OVER',
]);

export const PresenceCheckPrompt = z.object({
  id: Id,
  /** The number to tap among `choices`. */
  challenge: z.string(),
  choices: z.array(z.string()),
});
export type PresenceCheckPrompt = z.infer<typeof PresenceCheckPrompt>;

export const LessonProgressState = z.object({
  watchedRanges: z.array(z.tuple([z.number(), z.number()])),
  watchedSeconds: z.number(),
  coverage: share,
  completed: z.boolean(),
});

export const HeartbeatAnswer = z
  .object({
    results: z.array(
      z.object({
        seq: z.number().int(),
        outcome: z.enum(['counted', 'duplicate', 'rejected']),
        rejection: HeartbeatRejection.nullable(),
        countedSeconds: z.number(),
      }),
    ),
    progress: LessonProgressState,
    /** A presence check to answer now: counting has stopped until it is. */
    check: PresenceCheckPrompt.nullable(),
    nextCheckIn: z.number().nullable(),
    courseCompleted: z.boolean(),
  })
  .meta({ id: 'HeartbeatAnswer' });
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswer>;

export const CheckAnswerBody = z.object({ answer: z.string().trim().min(1).max(8) });
export const CheckParams = z.object({ id: Id, checkId: Id });
export const CheckAnswered = z.object({ nextCheckIn: z.number().nullable() });

export const ReadBody = z.object({ sessionId: Id });

export const QuizQuestionView = z.object({
  id: Id,
  kind: QuestionKind,
  prompt: z.string(),
  options: z.array(z.string()),
});

export const QuizAttemptView = z
  .object({
    id: Id,
    courseId: Id,
    title: z.string(),
    passScore: z.number().int(),
    attemptNumber: z.number().int(),
    attemptLimit: z.number().int(),
    startedAt: Timestamp,
    questions: z.array(QuizQuestionView),
  })
  .meta({ id: 'QuizAttemptView' });
export type QuizAttemptView = z.infer<typeof QuizAttemptView>;

export const QuizSubmission = z.object({
  answers: z.array(z.object({ questionId: Id, choices: z.array(z.number().int().min(0).max(20)).max(20) })).max(200),
});
export type QuizSubmission = z.infer<typeof QuizSubmission>;

export const QuizResult = z
  .object({
    attemptId: Id,
    score: z.number().int(),
    passed: z.boolean(),
    passScore: z.number().int(),
    attemptsLeft: z.number().int().nullable(),
    questions: z.array(
      QuizQuestionView.extend({
        choices: z.array(z.number().int()),
        answer: z.array(z.number().int()),
        correct: z.boolean(),
        explanation: z.string(),
      }),
    ),
    courseCompleted: z.boolean(),
    certificateId: Id.nullable(),
  })
  .meta({ id: 'QuizResult' });
export type QuizResult = z.infer<typeof QuizResult>;

const CertificateStatus = z.enum(['VALID', 'EXPIRED', 'REVOKED']);

export const MyCertificate = z
  .object({
    id: Id,
    serialNo: z.string(),
    verificationCode: z.string(),
    holderName: z.string(),
    /** Masked: a printed certificate must not carry the full ID number. */
    holderIdNumber: z.string().nullable(),
    enterpriseName: z.string().nullable(),
    courseTitle: z.string(),
    courseCode: z.string(),
    issuedAt: Timestamp,
    validUntil: Timestamp,
    status: CertificateStatus,
    issuer: z.string(),
  })
  .meta({ id: 'MyCertificate' });
export type MyCertificate = z.infer<typeof MyCertificate>;

export const CertificateVerification = z
  .object({
    serialNo: z.string(),
    /** Partly masked, e.g. 张*明. */
    holderName: z.string(),
    courseTitle: z.string(),
    issuedAt: Timestamp,
    validUntil: Timestamp,
    status: CertificateStatus,
    issuer: z.string(),
  })
  .meta({ id: 'CertificateVerification' });
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const VerifyParams = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{6,32}$/, { error: 'must be the 12-character code printed on the certificate' }),
});

export const LearningRecordsParams = z.object({ id: Id });
