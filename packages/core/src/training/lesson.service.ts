import type { Lesson, LessonInput, LessonOrder } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.ts';
import type { CourseRecord, CourseRepository, LessonFields, LessonRecord } from './course.port.ts';
import { lessonMediaIssue, lessonSecondsOf } from './course-rules.ts';
import { lessonViewOf, type MediaReader } from './lesson-view.ts';

/**
 * The lessons of a course (system administrator): added at the end, changed, removed and put in
 * a new order. A lesson's length is the length of its video, read from the file when saved (and
 * filled in by processing if the video was still being processed then), never typed.
 */
export class LessonService {
  constructor(
    private readonly courses: CourseRepository,
    private readonly media: MediaReader,
    private readonly audit: AuditRepository,
  ) {}

  async create(actor: Actor, courseId: string, input: LessonInput): Promise<Lesson> {
    requireRole(actor, 'ADMIN');
    const course = await this.course(courseId);
    const lesson = await this.courses.createLesson(courseId, await this.fieldsOf(input));
    await this.record(actor, 'lesson.create', course, lesson, { details: { title: lesson.title, kind: lesson.kind } });
    return lessonViewOf(this.media, actor, lesson);
  }

  async update(actor: Actor, id: string, input: LessonInput): Promise<Lesson> {
    requireRole(actor, 'ADMIN');
    const existing = await this.courses.findLesson(id);
    if (!existing) throw new NotFoundError('lesson', id);
    const course = await this.course(existing.courseId);
    const fields = await this.fieldsOf(input);
    const lesson = await this.courses.updateLesson(id, fields);
    const { durationSeconds: _before, ...before } = existing;
    const { durationSeconds: _after, ...after } = fields;
    await this.record(actor, 'lesson.update', course, lesson, { changes: changedFields(before, after) });
    return lessonViewOf(this.media, actor, lesson);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requireRole(actor, 'ADMIN');
    const lesson = await this.courses.findLesson(id);
    if (!lesson) throw new NotFoundError('lesson', id);
    const course = await this.course(lesson.courseId);
    if (course.published && course.lessonCount <= 1)
      throw new ConflictError('COURSE_NO_LESSONS', 'The only lesson of a published course stays; take the course back first.');
    const records = await this.courses.countLessonRecords(id);
    if (records > 0)
      throw new ConflictError('LESSON_HAS_RECORDS', `The lesson has ${records} learning records, kept for their retention.`, {
        params: { count: records },
      });
    await this.courses.deleteLesson(id);
    await this.record(actor, 'lesson.delete', course, lesson, { details: { title: lesson.title, position: lesson.position } });
  }

  async reorder(actor: Actor, courseId: string, input: LessonOrder): Promise<Lesson[]> {
    requireRole(actor, 'ADMIN');
    const course = await this.course(courseId);
    const current = await this.courses.listLessons(courseId);
    const wanted = new Set(input.lessonIds);
    if (wanted.size !== input.lessonIds.length || wanted.size !== current.length || current.some((l) => !wanted.has(l.id)))
      throw ValidationError.field('lessonIds', 'LESSON_ORDER_MISMATCH', 'list every lesson of the course exactly once');
    await this.courses.reorderLessons(courseId, input.lessonIds);
    await this.audit.record({
      actor,
      action: 'lesson.reorder',
      entityType: 'course',
      entityId: courseId,
      entityLabel: course.title,
      outcome: 'SUCCESS',
      changes: { order: { from: current.map((l) => l.title), to: input.lessonIds.map((id) => current.find((l) => l.id === id)!.title) } },
    });
    const lessons = await this.courses.listLessons(courseId);
    return Promise.all(lessons.map((lesson) => lessonViewOf(this.media, actor, lesson)));
  }

  private async course(id: string): Promise<CourseRecord> {
    const course = await this.courses.findById(id);
    if (!course) throw new NotFoundError('course', id);
    return course;
  }

  private async fieldsOf(input: LessonInput): Promise<LessonFields> {
    const asset = await this.courses.findAsset(input.mediaAssetId);
    const issue = lessonMediaIssue(input.kind, asset);
    if (issue) throw new ValidationError([issue]);
    const video = input.kind === 'VIDEO';
    return {
      kind: input.kind,
      title: input.title,
      body: input.body,
      required: input.required,
      mediaAssetId: input.mediaAssetId,
      durationSeconds: video ? lessonSecondsOf(asset?.durationMs) : 0,
      requiredCoverage: input.requiredCoverage,
      // Presence checks interrupt a video; a document or a poster has nothing to interrupt.
      presenceChecks: video ? input.presenceChecks : 0,
    };
  }

  private async record(
    actor: Actor,
    action: 'lesson.create' | 'lesson.update' | 'lesson.delete',
    course: CourseRecord,
    lesson: LessonRecord,
    extra: { changes?: Record<string, { from: unknown; to: unknown }>; details?: Record<string, unknown> },
  ): Promise<void> {
    await this.audit.record({
      actor,
      action,
      entityType: 'lesson',
      entityId: lesson.id,
      entityLabel: `${course.title} · ${lesson.title}`,
      outcome: 'SUCCESS',
      ...extra,
      details: { ...extra.details, courseId: course.id },
    });
  }
}
