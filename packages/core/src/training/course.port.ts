import type { LessonKind, Page, QuestionKind } from '@platform/contracts';
import type { AssetKind } from '../media/media.port.ts';
import type { MediaStatus } from '@platform/contracts';

/** A course's own fields, as administrators write them. */
export interface CourseFields {
  code: string;
  title: string;
  description: string;
  category: string;
  certificateValidMonths: number;
  published: boolean;
}

/** A course with the figures the catalogue shows. */
export interface CourseRecord extends CourseFields {
  id: string;
  lessonCount: number;
  /** Sum over VIDEO lessons of their length (taken from the file when the lesson has none yet). */
  videoSeconds: number;
  hasQuiz: boolean;
  questionCount: number;
  updatedAt: Date;
}

export interface CourseListQuery {
  q?: string;
  category?: string;
  /** Undefined: drafts and published alike. */
  published?: boolean;
  page: number;
  pageSize: number;
}

/** What a lesson stores; `durationSeconds` is the file's length, set by the service, never typed. */
export interface LessonFields {
  kind: LessonKind;
  title: string;
  body: string;
  required: boolean;
  mediaAssetId: string;
  durationSeconds: number;
  requiredCoverage: number;
  presenceChecks: number;
}

export interface LessonRecord extends Omit<LessonFields, 'mediaAssetId'> {
  id: string;
  courseId: string;
  position: number;
  /** Null once the file was deleted (the lesson keeps its place and text). */
  mediaAssetId: string | null;
}

/** What a lesson needs to know of the file it points at. */
export interface ContentAssetFacts {
  id: string;
  kind: AssetKind;
  status: MediaStatus;
  /** Platform material has no enterprise and no meeting; a meeting's evidence is never a lesson. */
  enterpriseId: string | null;
  meetingId: string | null;
  durationMs: number | null;
}

export interface QuizFields {
  title: string;
  passScore: number;
  drawCount: number;
  attemptLimit: number;
}

export interface QuizRecord extends QuizFields {
  id: string;
  courseId: string;
}

export interface QuestionFields {
  kind: QuestionKind;
  prompt: string;
  options: string[];
  answer: number[];
  explanation: string;
  points: number;
}

export interface QuestionRecord extends QuestionFields {
  id: string;
  quizId: string;
  position: number;
}

/** Courses, their lessons, quiz and question bank. */
export interface CourseRepository {
  list(query: CourseListQuery): Promise<Page<CourseRecord>>;
  findById(id: string): Promise<CourseRecord | null>;
  create(fields: CourseFields): Promise<CourseRecord>;
  update(id: string, fields: CourseFields): Promise<CourseRecord>;

  /** In position order. */
  listLessons(courseId: string): Promise<LessonRecord[]>;
  findLesson(id: string): Promise<LessonRecord | null>;
  /** Appends the lesson after the course's last one. */
  createLesson(courseId: string, fields: LessonFields): Promise<LessonRecord>;
  updateLesson(id: string, fields: LessonFields): Promise<LessonRecord>;
  deleteLesson(id: string): Promise<void>;
  /** Viewings and progress rows of the lesson: learning records kept for years, which deleting it would take along. */
  countLessonRecords(id: string): Promise<number>;
  /** Numbers the lessons 1…n in the order of `lessonIds` (every lesson of the course), in one transaction. */
  reorderLessons(courseId: string, lessonIds: string[]): Promise<void>;
  findAsset(id: string): Promise<ContentAssetFacts | null>;

  /** The course's own quiz (not one attached to a lesson). */
  findQuiz(courseId: string): Promise<QuizRecord | null>;
  saveQuiz(courseId: string, fields: QuizFields): Promise<QuizRecord>;
  deleteQuiz(quizId: string): Promise<void>;
  countAttempts(quizId: string): Promise<number>;

  /** In position order. */
  listQuestions(quizId: string): Promise<QuestionRecord[]>;
  findQuestion(id: string): Promise<(QuestionRecord & { courseId: string }) | null>;
  /** Appends the question after the bank's last one. */
  createQuestion(quizId: string, fields: QuestionFields): Promise<QuestionRecord>;
  updateQuestion(id: string, fields: QuestionFields): Promise<QuestionRecord>;
  deleteQuestion(id: string): Promise<void>;
  /** Quiz attempts that drew the question. */
  countQuestionAttempts(id: string): Promise<number>;
}
