import type { CourseDetail, CourseInput, CourseQuery, CourseSummary, Page, Role } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { NotFoundError, ValidationError } from '../errors/index.ts';
import type { CourseFields, CourseRecord, CourseRepository, QuestionRecord } from './course.port.ts';
import { publishIssues } from './course-rules.ts';
import { lessonViewOf, type MediaReader } from './lesson-view.ts';

/** Who reads the catalogue: administrators, and those who enrol workers or follow the programme. */
export const COURSE_READERS: readonly Role[] = ['ADMIN', 'INSPECTOR', 'ZONE_OFFICER', 'ENTERPRISE_OFFICER'];

/**
 * 课程管理: the catalogue of courses and each course's own fields, publishing included. Only the
 * system administrator writes, and only he sees drafts and the question bank with its answers;
 * the answers reach workers only through the quiz, after they submit.
 */
export class CourseService {
  constructor(
    private readonly courses: CourseRepository,
    private readonly media: MediaReader,
    private readonly audit: AuditRepository,
  ) {}

  async list(actor: Actor, query: CourseQuery): Promise<Page<CourseSummary>> {
    requireRole(actor, ...COURSE_READERS);
    const published = actor.role === 'ADMIN' ? (query.published === undefined ? undefined : query.published === 'true') : true;
    const page = await this.courses.list({ ...query, published });
    return { ...page, items: page.items.map(summaryOf) };
  }

  async get(actor: Actor, id: string): Promise<CourseDetail> {
    requireRole(actor, ...COURSE_READERS);
    const course = await this.courses.findById(id);
    // A draft is nobody's business but the author's: not found, never "forbidden".
    if (!course || (!course.published && actor.role !== 'ADMIN')) throw new NotFoundError('course', id);
    return this.detailOf(actor, course);
  }

  async create(actor: Actor, input: CourseInput): Promise<CourseDetail> {
    requireRole(actor, 'ADMIN');
    if (input.published) throw new ValidationError(publishIssues({ lessonCount: 0, drawCount: null, questionCount: 0 }));
    const course = await this.courses.create(fieldsOf(input));
    await this.audit.record({
      actor,
      action: 'course.create',
      entityType: 'course',
      entityId: course.id,
      entityLabel: course.title,
      outcome: 'SUCCESS',
      details: { code: course.code, category: course.category },
    });
    return this.detailOf(actor, course);
  }

  async update(actor: Actor, id: string, input: CourseInput): Promise<CourseDetail> {
    requireRole(actor, 'ADMIN');
    const existing = await this.courses.findById(id);
    if (!existing) throw new NotFoundError('course', id);
    if (input.published && !existing.published) {
      const quiz = await this.courses.findQuiz(id);
      const issues = publishIssues({
        lessonCount: existing.lessonCount,
        drawCount: quiz?.drawCount ?? null,
        questionCount: existing.questionCount,
      });
      if (issues.length) throw new ValidationError(issues);
    }
    const fields = fieldsOf(input);
    const course = await this.courses.update(id, fields);
    const action = input.published === existing.published ? 'course.update' : input.published ? 'course.publish' : 'course.unpublish';
    await this.audit.record({
      actor,
      action,
      entityType: 'course',
      entityId: id,
      entityLabel: course.title,
      outcome: 'SUCCESS',
      changes: changedFields({ ...fieldsOf(existing) }, { ...fields }),
    });
    return this.detailOf(actor, course);
  }

  private async detailOf(actor: Actor, course: CourseRecord): Promise<CourseDetail> {
    const admin = actor.role === 'ADMIN';
    const [lessons, quiz] = await Promise.all([this.courses.listLessons(course.id), this.courses.findQuiz(course.id)]);
    const questions: QuestionRecord[] | undefined = admin && quiz ? await this.courses.listQuestions(quiz.id) : admin ? [] : undefined;
    return {
      ...summaryOf(course),
      lessons: await Promise.all(lessons.map((lesson) => lessonViewOf(this.media, actor, lesson))),
      quiz: quiz && {
        id: quiz.id,
        title: quiz.title,
        passScore: quiz.passScore,
        drawCount: quiz.drawCount,
        attemptLimit: quiz.attemptLimit,
      },
      // Built field by field: nothing of the bank may reach anyone but an administrator.
      ...(questions ? { questions: questions.map(questionOf) } : {}),
    };
  }
}

function fieldsOf(input: CourseFields): CourseFields {
  return {
    code: input.code,
    title: input.title,
    description: input.description,
    category: input.category,
    certificateValidMonths: input.certificateValidMonths,
    published: input.published,
  };
}

function summaryOf(course: CourseRecord): CourseSummary {
  return {
    ...fieldsOf(course),
    id: course.id,
    lessonCount: course.lessonCount,
    videoSeconds: course.videoSeconds,
    hasQuiz: course.hasQuiz,
    questionCount: course.questionCount,
    updatedAt: course.updatedAt.toISOString(),
  };
}

/** A question with its answer, as administrators edit it. */
export function questionOf(q: QuestionRecord) {
  return {
    id: q.id,
    position: q.position,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options,
    answer: q.answer,
    explanation: q.explanation,
    points: q.points,
  };
}
