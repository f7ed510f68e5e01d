import { randomInt } from 'node:crypto';
import type { QuizAttemptView, QuizResult, QuizSubmission } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors/index.ts';
import type { CertificateIssuer } from './certificates.ts';
import { advanceEnrolment } from './completion.ts';
import { requiredLessonsDone } from './course-view.ts';
import type { LearningRepository, QuestionRecord } from './learning.port.ts';
import { drawQuestions, isCorrect, score } from './quiz-grading.ts';

/**
 * Course quizzes. Questions are drawn at random from the course's bank for each attempt and sent
 * without answers; answers are checked here, and only after submission does the learner see the
 * right ones. An open attempt is resumed, not redrawn, so reloading cannot fish for easy questions.
 */
export class QuizService {
  constructor(
    private readonly repo: LearningRepository,
    private readonly certificates: CertificateIssuer,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(actor: Actor, courseId: string): Promise<QuizAttemptView> {
    const record = actor.userId ? await this.repo.findCourseProgress(actor.userId, courseId) : null;
    if (!record) throw new NotFoundError('course', courseId);
    const quiz = record.quiz;
    if (!quiz || quiz.questionCount === 0) throw new ConflictError('QUIZ_NONE', 'This course has no quiz.');
    if (record.attempts.some((a) => a.passed)) throw new ConflictError('QUIZ_ALREADY_PASSED', 'The quiz is passed already.');
    if (!requiredLessonsDone(record)) throw new ConflictError('QUIZ_NOT_OPEN', 'Complete every required lesson first.');
    const bank = await this.repo.questionBank(quiz.id);
    const byId = new Map(bank.map((q) => [q.id, q]));
    const submitted = record.attempts.filter((a) => a.submittedAt).length;
    const open = record.attempts.find((a) => !a.submittedAt);
    let attempt = open;
    if (!attempt) {
      if (quiz.attemptLimit > 0 && submitted >= quiz.attemptLimit) {
        throw new ConflictError('QUIZ_ATTEMPTS_USED', `All ${quiz.attemptLimit} attempts are used.`, {
          params: { limit: quiz.attemptLimit },
        });
      }
      const drawn = drawQuestions(bank, quiz.drawCount, randomInt);
      attempt = await this.repo.createAttempt({
        quizId: quiz.id,
        enrolmentId: record.enrolment.id,
        userId: record.enrolment.userId,
        questionIds: drawn.map((q) => q.id),
        startedAt: this.now(),
      });
    }
    return {
      id: attempt.id,
      courseId,
      title: quiz.title,
      passScore: quiz.passScore,
      attemptNumber: submitted + 1,
      attemptLimit: quiz.attemptLimit,
      startedAt: attempt.startedAt.toISOString(),
      // What leaves the server before submission: the prompt and the options, never the answer.
      questions: attempt.questionIds.flatMap((id) => {
        const q = byId.get(id);
        return q ? [{ id: q.id, kind: q.kind, prompt: q.prompt, options: q.options }] : [];
      }),
    };
  }

  async submit(actor: Actor, attemptId: string, submission: QuizSubmission): Promise<QuizResult> {
    const attempt = await this.repo.findAttempt(attemptId);
    if (!attempt || attempt.userId !== actor.userId) throw new NotFoundError('quizAttempt', attemptId);
    if (attempt.submittedAt) throw new ConflictError('QUIZ_ALREADY_SUBMITTED', 'This attempt was submitted already.');
    const bank = await this.repo.questionBank(attempt.quizId);
    const questions = attempt.questionIds.flatMap((id) => bank.filter((q) => q.id === id));
    const answers = checkAnswers(questions, submission);
    const record = await this.repo.findCourseProgress(attempt.userId, attempt.courseId);
    if (!record?.quiz) throw new NotFoundError('course', attempt.courseId);
    const now = this.now();
    const result = score(questions, answers);
    const passed = result >= record.quiz.passScore;
    const stored = await this.repo.submitAttempt(attemptId, {
      answers: Object.fromEntries(answers),
      score: result,
      passed,
      submittedAt: now,
    });
    if (!stored) throw new ConflictError('QUIZ_ALREADY_SUBMITTED', 'This attempt was submitted already.');
    await this.audit.record({
      actor,
      action: 'quiz.submit',
      entityType: 'quizAttempt',
      entityId: attemptId,
      entityLabel: record.course.title,
      enterpriseId: record.enrolment.enterpriseId,
      outcome: 'SUCCESS',
      details: { score: result, passed },
    });
    const completion = passed
      ? await advanceEnrolment(this.repo, this.certificates, attempt.userId, attempt.courseId, now, actor)
      : { completed: false, certificateId: null };
    const used = record.attempts.filter((a) => a.submittedAt).length + 1;
    return {
      attemptId,
      score: result,
      passed,
      passScore: record.quiz.passScore,
      attemptsLeft: record.quiz.attemptLimit > 0 ? Math.max(0, record.quiz.attemptLimit - used) : null,
      questions: questions.map((q) => {
        const choices = [...(answers.get(q.id) ?? [])];
        return {
          id: q.id,
          kind: q.kind,
          prompt: q.prompt,
          options: q.options,
          choices,
          answer: q.answer,
          correct: isCorrect(q, choices),
          explanation: q.explanation,
        };
      }),
      courseCompleted: completion.completed,
      certificateId: completion.certificateId,
    };
  }
}

/** The submitted choices by question, refusing answers to questions not drawn and choices that do not fit. */
function checkAnswers(questions: QuestionRecord[], submission: QuizSubmission): Map<string, number[]> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const issues: FieldIssue[] = [];
  const answers = new Map<string, number[]>();
  submission.answers.forEach((answer, i) => {
    const question = byId.get(answer.questionId);
    if (!question) {
      issues.push({
        field: `answers.${i}.questionId`,
        code: 'QUIZ_QUESTION_NOT_DRAWN',
        message: 'this question is not part of the attempt',
      });
      return;
    }
    const choices = [...new Set(answer.choices)];
    const single = question.kind !== 'MULTIPLE';
    if (choices.some((c) => c >= question.options.length) || (single && choices.length > 1)) {
      issues.push({
        field: `answers.${i}.choices`,
        code: 'QUIZ_CHOICE_INVALID',
        params: { count: question.options.length },
        message: `choose ${single ? 'one' : 'some'} of the ${question.options.length} options`,
      });
      return;
    }
    answers.set(question.id, choices);
  });
  if (issues.length) throw new ValidationError(issues);
  return answers;
}
