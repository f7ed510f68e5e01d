import type { QuestionRecord } from './learning.port.ts';

// Drawing and grading quizzes. Pure but for the random source it is given.

/** `count` questions drawn from the bank without repeats, in random order (Fisher–Yates). */
export function drawQuestions<T>(bank: readonly T[], count: number, random: (n: number) => number): T[] {
  const pool = [...bank];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, Math.min(count, pool.length));
}

/** An answer is right when exactly the right options are chosen: no partial credit for multiple choice. */
export function isCorrect(question: Pick<QuestionRecord, 'answer'>, choices: readonly number[]): boolean {
  const chosen = [...new Set(choices)].sort((a, b) => a - b);
  const right = [...question.answer].sort((a, b) => a - b);
  return chosen.length === right.length && chosen.every((c, i) => c === right[i]);
}

/** Score in percent of the drawn questions' points, rounded down (79.9 does not pass at 80). */
export function score(questions: readonly QuestionRecord[], answers: ReadonlyMap<string, readonly number[]>): number {
  const total = questions.reduce((sum, q) => sum + q.points, 0);
  if (total === 0) return 0;
  const earned = questions.reduce((sum, q) => sum + (isCorrect(q, answers.get(q.id) ?? []) ? q.points : 0), 0);
  return Math.floor((earned * 100) / total);
}
