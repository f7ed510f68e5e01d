import { TRUE_FALSE_OPTIONS, type LessonKind, type QuestionInput } from '@platform/contracts';
import type { FieldIssue } from '../errors/index.ts';
import type { AssetKind } from '../media/media.port.ts';
import type { ContentAssetFacts, QuestionFields } from './course.port.ts';

/** The kind of file each lesson kind shows: a video, a PDF document, a poster image. */
export const MEDIA_KIND_OF_LESSON: Readonly<Record<LessonKind, AssetKind>> = { VIDEO: 'VIDEO', DOCUMENT: 'DOCUMENT', POSTER: 'PHOTO' };

/** Multiple-choice questions need this many right options; with one it is a single-choice question. */
export const MULTIPLE_MIN_ANSWERS = 2;

/**
 * Whole seconds of a video of `durationMs`, rounded up: a viewing that reaches the last frame
 * (10.4 s) must not be refused as running past a 10-second lesson.
 */
export function lessonSecondsOf(durationMs: number | null | undefined): number {
  return durationMs && durationMs > 0 ? Math.ceil(durationMs / 1000) : 0;
}

/**
 * What is wrong with `asset` as the file of a `kind` lesson, or null. A lesson shows platform
 * material only (a content upload: no enterprise, no meeting), so an enterprise's evidence is
 * "not found" rather than revealed.
 */
export function lessonMediaIssue(kind: LessonKind, asset: ContentAssetFacts | null): FieldIssue | null {
  const field = 'mediaAssetId';
  if (!asset || asset.enterpriseId !== null || asset.meetingId !== null)
    return { field, code: 'REFERENCE_NOT_FOUND', params: { entity: 'media' }, message: 'no content upload with this id' };
  const expected = MEDIA_KIND_OF_LESSON[kind];
  if (asset.kind !== expected)
    return {
      field,
      code: 'LESSON_MEDIA_KIND',
      params: { expected },
      message: `a ${kind} lesson shows a ${expected} file, not ${asset.kind}`,
    };
  if (asset.status === 'FAILED') return { field, code: 'LESSON_MEDIA_FAILED', message: 'this file failed processing; upload it again' };
  return null;
}

/**
 * The question as stored, or every field issue of it. True/false questions get the fixed
 * options; option text is compared after trimming, so "A" and "A " are the same option.
 */
export function checkQuestion(input: QuestionInput): { fields: QuestionFields } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let options = input.options;
  if (input.kind === 'TRUE_FALSE') {
    if (options.length && (options.length !== 2 || options.some((o, i) => o !== TRUE_FALSE_OPTIONS[i])))
      issues.push({ field: 'options', code: 'QUESTION_OPTIONS_FIXED', message: 'true/false options are always 正确, 错误; send none' });
    options = [...TRUE_FALSE_OPTIONS];
  } else if (options.length < 2) {
    issues.push({ field: 'options', code: 'FIELD_TOO_FEW', params: { min: 2 }, message: 'a choice question needs at least 2 options' });
  } else {
    const seen = new Set<string>();
    options.forEach((option, i) => {
      if (seen.has(option))
        issues.push({ field: `options.${i}`, code: 'QUESTION_OPTION_DUPLICATE', message: 'the same text as an earlier option' });
      seen.add(option);
    });
  }

  const answer = input.answer;
  if (new Set(answer).size !== answer.length)
    issues.push({ field: 'answer', code: 'QUESTION_ANSWER_DUPLICATE', message: 'an option is listed twice as right' });
  answer.forEach((index, i) => {
    if (options.length >= 2 && index >= options.length)
      issues.push({
        field: `answer.${i}`,
        code: 'QUESTION_ANSWER_OUT_OF_RANGE',
        params: { count: options.length },
        message: `there are only ${options.length} options (indexes from 0)`,
      });
  });
  if (input.kind === 'MULTIPLE' && answer.length < MULTIPLE_MIN_ANSWERS)
    issues.push({
      field: 'answer',
      code: 'QUESTION_ANSWERS_TOO_FEW',
      params: { min: MULTIPLE_MIN_ANSWERS },
      message: 'a multiple-choice question has at least 2 right options; with one, make it single choice',
    });
  if (input.kind !== 'MULTIPLE' && answer.length !== 1)
    issues.push({
      field: 'answer',
      code: 'QUESTION_ONE_ANSWER',
      message: 'single-choice and true/false questions have exactly one answer',
    });

  if (issues.length) return { issues };
  return {
    fields: {
      kind: input.kind,
      prompt: input.prompt,
      options,
      answer: [...answer].sort((a, b) => a - b),
      explanation: input.explanation,
      points: input.points,
    },
  };
}

/** The facts publishing depends on. */
export interface PublishFacts {
  lessonCount: number;
  /** The quiz's draw, or null when the course has no quiz. */
  drawCount: number | null;
  questionCount: number;
}

/**
 * Why a course with these facts cannot be published (issues on `field`): it has no lesson, or
 * its quiz draws more questions than the bank holds. Empty when it can.
 */
export function publishIssues(facts: PublishFacts, field = 'published'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (facts.lessonCount < 1) issues.push({ field, code: 'COURSE_NO_LESSONS', message: 'a published course needs at least one lesson' });
  if (facts.drawCount !== null && facts.questionCount < facts.drawCount)
    issues.push({
      field,
      code: 'COURSE_BANK_TOO_SMALL',
      params: { count: facts.questionCount, drawCount: facts.drawCount },
      message: `the quiz draws ${facts.drawCount} questions but the bank has ${facts.questionCount}`,
    });
  return issues;
}
