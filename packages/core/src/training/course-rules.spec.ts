import type { QuestionInput } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import type { ContentAssetFacts } from './course.port.ts';
import { checkQuestion, lessonMediaIssue, lessonSecondsOf, publishIssues } from './course-rules.ts';

const question = (overrides: Partial<QuestionInput>): QuestionInput => ({
  kind: 'SINGLE',
  prompt: '进入有限空间作业前应当先做什么？',
  options: ['通风、检测', '直接进入', '只戴口罩'],
  answer: [0],
  explanation: '',
  points: 10,
  ...overrides,
});
const codesOf = (result: ReturnType<typeof checkQuestion>) => ('issues' in result ? result.issues.map((i) => `${i.field}:${i.code}`) : []);

describe('checkQuestion', () => {
  it('accepts a single-choice question with one answer', () => {
    expect(checkQuestion(question({}))).toEqual({
      fields: expect.objectContaining({ options: ['通风、检测', '直接进入', '只戴口罩'], answer: [0] }),
    });
  });

  it('needs exactly one answer for single choice, two or more for multiple choice', () => {
    expect(codesOf(checkQuestion(question({ answer: [0, 1] })))).toEqual(['answer:QUESTION_ONE_ANSWER']);
    expect(codesOf(checkQuestion(question({ kind: 'MULTIPLE', answer: [1] })))).toEqual(['answer:QUESTION_ANSWERS_TOO_FEW']);
    expect(checkQuestion(question({ kind: 'MULTIPLE', answer: [2, 0] }))).toEqual({ fields: expect.objectContaining({ answer: [0, 2] }) });
  });

  it('names each answer past the options and each repeated option', () => {
    expect(codesOf(checkQuestion(question({ kind: 'MULTIPLE', answer: [0, 3] })))).toEqual(['answer.1:QUESTION_ANSWER_OUT_OF_RANGE']);
    expect(codesOf(checkQuestion(question({ options: ['甲', '乙', '甲'] })))).toEqual(['options.2:QUESTION_OPTION_DUPLICATE']);
    expect(codesOf(checkQuestion(question({ kind: 'MULTIPLE', answer: [1, 1] })))).toEqual(['answer:QUESTION_ANSWER_DUPLICATE']);
  });

  it('needs two options for a choice question', () => {
    expect(codesOf(checkQuestion(question({ options: ['只有一个'] })))).toEqual(['options:FIELD_TOO_FEW']);
  });

  it('gives true/false questions the fixed options and refuses others', () => {
    expect(checkQuestion(question({ kind: 'TRUE_FALSE', options: [], answer: [1] }))).toEqual({
      fields: expect.objectContaining({ options: ['正确', '错误'], answer: [1] }),
    });
    expect(codesOf(checkQuestion(question({ kind: 'TRUE_FALSE', options: ['对', '错'], answer: [0] })))).toEqual([
      'options:QUESTION_OPTIONS_FIXED',
    ]);
    expect(codesOf(checkQuestion(question({ kind: 'TRUE_FALSE', options: [], answer: [2] })))).toEqual([
      'answer.0:QUESTION_ANSWER_OUT_OF_RANGE',
    ]);
  });
});

describe('publishIssues', () => {
  it('needs a lesson, and a bank at least as large as the draw when there is a quiz', () => {
    expect(publishIssues({ lessonCount: 1, drawCount: null, questionCount: 0 })).toEqual([]);
    expect(publishIssues({ lessonCount: 2, drawCount: 5, questionCount: 5 })).toEqual([]);
    expect(publishIssues({ lessonCount: 0, drawCount: 5, questionCount: 4 }).map((i) => [i.code, i.params])).toEqual([
      ['COURSE_NO_LESSONS', undefined],
      ['COURSE_BANK_TOO_SMALL', { count: 4, drawCount: 5 }],
    ]);
  });
});

describe('lesson files', () => {
  const asset = (overrides: Partial<ContentAssetFacts>): ContentAssetFacts => ({
    id: 'a',
    kind: 'VIDEO',
    status: 'READY',
    enterpriseId: null,
    meetingId: null,
    durationMs: 61_200,
    ...overrides,
  });

  it('takes a content file of the lesson kind, and refuses evidence, other kinds and failed files', () => {
    expect(lessonMediaIssue('VIDEO', asset({ status: 'PROCESSING' }))).toBeNull();
    expect(lessonMediaIssue('POSTER', asset({ kind: 'PHOTO' }))).toBeNull();
    expect(lessonMediaIssue('DOCUMENT', asset({ kind: 'DOCUMENT' }))).toBeNull();
    expect(lessonMediaIssue('VIDEO', asset({ enterpriseId: 'e' }))?.code).toBe('REFERENCE_NOT_FOUND');
    expect(lessonMediaIssue('VIDEO', null)?.code).toBe('REFERENCE_NOT_FOUND');
    expect(lessonMediaIssue('DOCUMENT', asset({ kind: 'VIDEO' }))).toMatchObject({
      code: 'LESSON_MEDIA_KIND',
      params: { expected: 'DOCUMENT' },
    });
    expect(lessonMediaIssue('VIDEO', asset({ status: 'FAILED' }))?.code).toBe('LESSON_MEDIA_FAILED');
  });

  it('rounds a video length up to whole seconds, 0 while unknown', () => {
    expect(lessonSecondsOf(61_200)).toBe(62);
    expect(lessonSecondsOf(60_000)).toBe(60);
    expect(lessonSecondsOf(null)).toBe(0);
  });
});
