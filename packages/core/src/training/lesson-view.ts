import type { Lesson, Media } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError } from '../errors/index.ts';
import type { LessonRecord } from './course.port.ts';

/** Reads a file with its status and signed links for the caller (MediaService). */
export interface MediaReader {
  get(actor: Actor, id: string): Promise<Media>;
}

/**
 * The lesson as the API shows it, with its file read for `actor`. A file the caller may not see
 * (or one deleted since) shows as null: the lesson list still answers.
 */
export async function lessonViewOf(media: MediaReader, actor: Actor, lesson: LessonRecord): Promise<Lesson> {
  let file: Media | null = null;
  if (lesson.mediaAssetId) {
    try {
      file = await media.get(actor, lesson.mediaAssetId);
    } catch (error) {
      if (!(error instanceof NotFoundError) && !(error instanceof ForbiddenError)) throw error;
    }
  }
  return {
    id: lesson.id,
    courseId: lesson.courseId,
    position: lesson.position,
    kind: lesson.kind,
    title: lesson.title,
    body: lesson.body,
    required: lesson.required,
    mediaAssetId: lesson.mediaAssetId,
    media: file,
    durationSeconds: lesson.durationSeconds,
    requiredCoverage: lesson.requiredCoverage,
    presenceChecks: lesson.presenceChecks,
  };
}
