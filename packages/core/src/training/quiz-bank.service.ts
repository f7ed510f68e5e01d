import type { Question, QuestionInput, QuizSettings, QuizSettingsInput } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.ts';
import type { CourseRecord, CourseRepository, QuizRecord } from './course.port.ts';
import { checkQuestion, publishIssues } from './course-rules.ts';
import { questionOf } from './course.service.ts';

/**
 * A course's quiz (one per course: title, pass mark, questions drawn, attempts) and its question
 * bank, for the system administrator. A published course keeps a bank at least as large as its
 * draw, so a worker's attempt can always be drawn.
 */
export class QuizBankService {
  constructor(
    private readonly courses: CourseRepository,
    private readonly audit: AuditRepository,
  ) {}

  async setQuiz(actor: Actor, courseId: string, input: QuizSettingsInput): Promise<QuizSettings> {
    requireRole(actor, 'ADMIN');
    const course = await this.course(courseId);
    const existing = await this.courses.findQuiz(courseId);
    if (course.published) {
      const issues = publishIssues({ lessonCount: course.lessonCount, drawCount: input.drawCount, questionCount: course.questionCount });
      const bank = issues.filter((i) => i.code === 'COURSE_BANK_TOO_SMALL').map((i) => ({ ...i, field: 'drawCount' }));
      if (bank.length) throw new ValidationError(bank);
    }
    const quiz = await this.courses.saveQuiz(courseId, input);
    await this.audit.record({
      actor,
      action: 'quiz.update',
      entityType: 'course',
      entityId: courseId,
      entityLabel: course.title,
      outcome: 'SUCCESS',
      changes: changedFields(existing ? settingsOf(existing) : {}, settingsOf(quiz)),
    });
    return { id: quiz.id, ...settingsOf(quiz) };
  }

  async deleteQuiz(actor: Actor, courseId: string): Promise<void> {
    requireRole(actor, 'ADMIN');
    const course = await this.course(courseId);
    const quiz = await this.quizOf(courseId);
    const attempts = await this.courses.countAttempts(quiz.id);
    if (attempts > 0)
      throw new ConflictError('QUIZ_HAS_ATTEMPTS', `The quiz has been taken ${attempts} times; change it instead.`, {
        params: { count: attempts },
      });
    await this.courses.deleteQuiz(quiz.id);
    await this.audit.record({
      actor,
      action: 'quiz.delete',
      entityType: 'course',
      entityId: courseId,
      entityLabel: course.title,
      outcome: 'SUCCESS',
      details: { title: quiz.title, questions: course.questionCount },
    });
  }

  async createQuestion(actor: Actor, courseId: string, input: QuestionInput): Promise<Question> {
    requireRole(actor, 'ADMIN');
    const course = await this.course(courseId);
    const quiz = await this.quizOf(courseId);
    const fields = this.checked(input);
    const question = await this.courses.createQuestion(quiz.id, fields);
    await this.record(actor, 'question.create', course, question.id, { details: { prompt: question.prompt, kind: question.kind } });
    return questionOf(question);
  }

  async updateQuestion(actor: Actor, id: string, input: QuestionInput): Promise<Question> {
    requireRole(actor, 'ADMIN');
    const existing = await this.courses.findQuestion(id);
    if (!existing) throw new NotFoundError('question', id);
    const course = await this.course(existing.courseId);
    const fields = this.checked(input);
    const question = await this.courses.updateQuestion(id, fields);
    await this.record(actor, 'question.update', course, id, { changes: changedFields({ ...existing }, { ...fields }) });
    return questionOf(question);
  }

  async deleteQuestion(actor: Actor, id: string): Promise<void> {
    requireRole(actor, 'ADMIN');
    const question = await this.courses.findQuestion(id);
    if (!question) throw new NotFoundError('question', id);
    const course = await this.course(question.courseId);
    const quiz = await this.courses.findQuiz(question.courseId);
    if (course.published && quiz && course.questionCount - 1 < quiz.drawCount)
      throw new ConflictError('COURSE_BANK_TOO_SMALL', 'A published course keeps at least as many questions as its quiz draws.', {
        params: { count: course.questionCount - 1, drawCount: quiz.drawCount },
      });
    const attempts = await this.courses.countQuestionAttempts(id);
    if (attempts > 0)
      throw new ConflictError('QUESTION_IN_ATTEMPTS', `The question was drawn in ${attempts} attempts, which must stay readable.`, {
        params: { count: attempts },
      });
    await this.courses.deleteQuestion(id);
    await this.record(actor, 'question.delete', course, id, { details: { prompt: question.prompt } });
  }

  private checked(input: QuestionInput) {
    const result = checkQuestion(input);
    if ('issues' in result) throw new ValidationError(result.issues);
    return result.fields;
  }

  private async course(id: string): Promise<CourseRecord> {
    const course = await this.courses.findById(id);
    if (!course) throw new NotFoundError('course', id);
    return course;
  }

  private async quizOf(courseId: string): Promise<QuizRecord> {
    const quiz = await this.courses.findQuiz(courseId);
    // The quiz is the course's; without one there is no bank to add to (PUT …/quiz first).
    if (!quiz) throw new NotFoundError('quiz', courseId);
    return quiz;
  }

  private async record(
    actor: Actor,
    action: 'question.create' | 'question.update' | 'question.delete',
    course: CourseRecord,
    questionId: string,
    extra: { changes?: Record<string, { from: unknown; to: unknown }>; details?: Record<string, unknown> },
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      entityType: 'question',
      entityId: questionId,
      entityLabel: course.title,
      outcome: 'SUCCESS',
      ...extra,
      details: { ...extra.details, courseId: course.id },
    });
  }
}

function settingsOf(quiz: QuizSettingsInput) {
  return { title: quiz.title, passScore: quiz.passScore, drawCount: quiz.drawCount, attemptLimit: quiz.attemptLimit };
}
