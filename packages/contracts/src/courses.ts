// Course authoring (课程管理) for the 百千万 programme: courses of ordered lessons, each course's quiz
// settings and its question bank. Administrators write; officers and inspectors read the catalogue
// of published courses (to enrol workers), without ever seeing a question or an answer.
import { z } from 'zod';
import { Id, PageQuery, Timestamp, text } from './common.ts';
import { Media } from './media.ts';
import { namedFormat } from './rules.ts';

export const LessonKind = z.enum(['VIDEO', 'DOCUMENT', 'POSTER']);
export type LessonKind = z.infer<typeof LessonKind>;

export const QuestionKind = z.enum(['SINGLE', 'MULTIPLE', 'TRUE_FALSE']);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** The options of every true/false question, in this order: answer 0 is 正确, 1 is 错误. */
export const TRUE_FALSE_OPTIONS = ['正确', '错误'] as const;

/** Multi-line text (line breaks kept; control characters are refused for every request). */
const paragraph = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` });

export const CourseInput = z.object({
  code: text(32)
    .toUpperCase()
    .check(namedFormat('courseCode', /^[A-Z0-9][A-Z0-9-]*$/, 'use letters, digits and dashes, e.g. BQW-HAZCHEM-01')),
  title: text(100),
  description: paragraph(2000).default(''),
  /** Free text shown as a filter, e.g. 危险化学品, 有限空间, 通用. */
  category: text(32),
  certificateValidMonths: z.number().int().min(1).max(120).default(36),
  /**
   * Published courses are in the catalogue officers enrol workers from. Publishing needs at least
   * one lesson and, when the course has a quiz, a question bank at least as large as its draw.
   */
  published: z.boolean().default(false),
});
export type CourseInput = z.infer<typeof CourseInput>;

export const CourseQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional().meta({ description: 'Part of the title or code' }),
  category: z.string().trim().max(32).optional(),
  /** Administrators only: drafts (`false`) or published (`true`); everyone else sees published courses only. */
  published: z.enum(['true', 'false']).optional(),
});
export type CourseQuery = z.infer<typeof CourseQuery>;

export const CourseSummary = z
  .object({
    id: Id,
    code: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    published: z.boolean(),
    certificateValidMonths: z.number().int(),
    lessonCount: z.number().int(),
    /** Length of the course's video lessons together, in seconds (videos still processing count 0). */
    videoSeconds: z.number().int(),
    hasQuiz: z.boolean(),
    /** Questions in the bank (the questions themselves are for administrators only). */
    questionCount: z.number().int(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'CourseSummary' });
export type CourseSummary = z.infer<typeof CourseSummary>;

export const LessonInput = z.object({
  kind: LessonKind,
  title: text(100),
  /** Key points shown with the video or document; the whole lesson text for a poster. */
  body: paragraph(5000).default(''),
  /** Optional lessons do not hold up the course's completion. */
  required: z.boolean().default(true),
  /**
   * A content upload (POST /api/uploads with purpose `content`) of the lesson's kind: a video for
   * VIDEO, a PDF for DOCUMENT, a photo for POSTER. Its length is taken from the file, never typed.
   */
  mediaAssetId: Id,
  /** Share of the video that must actually be watched, 0.5–1. */
  requiredCoverage: z.number().min(0.5).max(1).default(0.9),
  /** Presence checks (是否在学) asked at random moments of a video; 0 for documents and posters. */
  presenceChecks: z.number().int().min(0).max(10).default(2),
});
export type LessonInput = z.infer<typeof LessonInput>;

export const Lesson = z
  .object({
    id: Id,
    courseId: Id,
    position: z.number().int(),
    kind: LessonKind,
    title: z.string(),
    body: z.string(),
    required: z.boolean(),
    mediaAssetId: Id.nullable(),
    /** The file with its processing status and signed links; null when it is gone or not viewable by the caller. */
    media: Media.nullable(),
    /** From the video once it is processed; 0 until then and for documents and posters. */
    durationSeconds: z.number().int(),
    requiredCoverage: z.number(),
    presenceChecks: z.number().int(),
  })
  .meta({ id: 'Lesson' });
export type Lesson = z.infer<typeof Lesson>;

export const LessonOrder = z.object({
  /** Every lesson of the course, each once, in the new order. */
  lessonIds: z.array(Id).min(1).max(200),
});
export type LessonOrder = z.infer<typeof LessonOrder>;

export const QuizSettingsInput = z.object({
  title: text(100),
  /** Pass mark as a percentage of the drawn questions' points. */
  passScore: z.number().int().min(1).max(100),
  /** Questions drawn at random for each attempt. */
  drawCount: z.number().int().min(1).max(100),
  /** Attempts per enrolment; 0 = unlimited. */
  attemptLimit: z.number().int().min(0).max(100),
});
export type QuizSettingsInput = z.infer<typeof QuizSettingsInput>;

export const QuizSettings = z
  .object({ id: Id, title: z.string(), passScore: z.number().int(), drawCount: z.number().int(), attemptLimit: z.number().int() })
  .meta({ id: 'QuizSettings' });
export type QuizSettings = z.infer<typeof QuizSettings>;

/**
 * A question of the bank. SINGLE: 2–8 options, exactly one answer. MULTIPLE: 2–8 options, at
 * least two answers (one right option makes it a single-choice question). TRUE_FALSE: the options
 * are always 正确/错误 (send none, or those two) and one answer.
 */
export const QuestionInput = z.object({
  kind: QuestionKind,
  prompt: paragraph(500).min(1, { error: 'must not be empty' }),
  options: z.array(text(200)).max(8).default([]),
  /** Indexes into `options` of the right answers. */
  answer: z.array(z.number().int().min(0).max(7)).min(1).max(8),
  /** Why the answer is right, shown to the learner after submitting. */
  explanation: paragraph(1000).default(''),
  points: z.number().int().min(1).max(100).default(10),
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const Question = z
  .object({
    id: Id,
    position: z.number().int(),
    kind: QuestionKind,
    prompt: z.string(),
    options: z.array(z.string()),
    answer: z.array(z.number().int()),
    explanation: z.string(),
    points: z.number().int(),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof Question>;

export const CourseDetail = CourseSummary.extend({
  lessons: z.array(Lesson),
  quiz: QuizSettings.nullable(),
  /** The bank with its answers: administrators only; absent for everyone else. */
  questions: z.array(Question).optional(),
}).meta({ id: 'CourseDetail' });
export type CourseDetail = z.infer<typeof CourseDetail>;
