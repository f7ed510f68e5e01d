import { expect, test, type Locator, type Page } from '@playwright/test';
import { BRIEFING_COURSE } from '../../seeds/data/courses/briefing.ts';
import { loginUi } from './support.ts';

// worker1 takes the seeded course 班前会怎么开 end to end on a phone: a dragged playhead does not
// complete a lesson; watching at the permitted 1.5× and answering the presence check does; then
// the next video, the PDF guide, the quiz, the certificate and its public verification.

const SHOTS = 'test-results/e2e/screenshots';
test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

interface MyCourse {
  courseId: string;
  code: string;
}
interface LessonSummary {
  id: string;
  kind: string;
  required: boolean;
  completed: boolean;
}

let page: Page;
let courseId: string;
let lessons: LessonSummary[];

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ ...test.info().project.use });
  await loginUi(page, 'worker1');
  const courses = (await (await page.request.get('/api/learn/courses')).json()) as MyCourse[];
  courseId = courses.find((c) => c.code === BRIEFING_COURSE.code)!.courseId;
  lessons = (await (await page.request.get(`/api/learn/courses/${courseId}`)).json()).lessons;
  // The seeded media go through the real pipeline at start: wait until the lessons are playable.
  for (const lesson of lessons) {
    await expect
      .poll(async () => (await (await page.request.get(`/api/learn/lessons/${lesson.id}`)).json()).media?.status, { timeout: 180_000 })
      .toBe('READY');
  }
});

test.afterAll(() => page?.close());

async function video(page: Page) {
  const el = page.getByTestId('lesson-video');
  await expect(el).toBeVisible();
  await expect.poll(() => el.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  return el;
}

async function lessonCompleted(id: string): Promise<boolean> {
  return (await (await page.request.get(`/api/learn/lessons/${id}`)).json()).completed;
}

/** Answers the presence check if one is open (it may come at any played second) and plays on. */
async function answerCheck(page: Page, el: Locator): Promise<void> {
  const check = page.getByTestId('presence-check');
  if (!(await check.isVisible())) return;
  const asked = (await check.locator('p').first().textContent())!.match(/\d+/)![0];
  await check.locator(`[data-choice="${asked}"]`).click();
  await el.evaluate((v: HTMLVideoElement) => {
    v.playbackRate = 1.5;
    return v.play().catch(() => undefined);
  });
}

/** Plays the lesson at 1.5× to its end, answering presence checks as they come. */
async function watch(page: Page, lessonId: string) {
  const el = await video(page);
  await el.evaluate((v: HTMLVideoElement) => {
    v.currentTime = 0;
    v.playbackRate = 1.5;
    return v.play();
  });
  await expect
    .poll(
      async () => {
        await answerCheck(page, el);
        return page.getByTestId('lesson-progress').getAttribute('data-completed');
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe('true');
  expect(await lessonCompleted(lessonId)).toBe(true);
}

test('a worker who drags the playhead to the end is not complete', async () => {
  const first = lessons[0]!;
  await page.goto(`/learn/lessons/${first.id}`);
  const el = await video(page);
  await el.evaluate((v: HTMLVideoElement) => v.play());
  await page.waitForTimeout(800);
  // Drag to the end and let it finish there.
  await el.evaluate((v: HTMLVideoElement) => {
    v.currentTime = v.duration - 1;
  });
  await expect
    .poll(
      async () => {
        await answerCheck(page, el);
        return el.evaluate((v: HTMLVideoElement) => v.ended);
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
  // The pause at the end sends a heartbeat; the server counted only what was played.
  await expect
    .poll(async () => (await (await page.request.get(`/api/learn/lessons/${first.id}`)).json()).watchedRanges.length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const lesson = await (await page.request.get(`/api/learn/lessons/${first.id}`)).json();
  expect(lesson.completed).toBe(false);
  expect(lesson.coverage).toBeLessThan(0.5);
  await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-completed', 'false');
});

test('one who watches at the permitted rate and answers the presence check is complete', async () => {
  const first = lessons[0]!;
  await page.goto(`/learn/lessons/${first.id}`);
  await watch(page, first.id);
  await page.screenshot({ path: `${SHOTS}/learn-lesson-done.png`, fullPage: true });
});

test('the worker finishes the course: the other lessons, the quiz, the certificate and its public page', async ({ browser }) => {
  for (const lesson of lessons.slice(1)) {
    if (!lesson.required) continue;
    await page.goto(`/learn/lessons/${lesson.id}`);
    if (lesson.kind === 'VIDEO') await watch(page, lesson.id);
    else {
      await expect(page.getByTestId('lesson-read')).toBeEnabled({ timeout: 40_000 });
      await page.getByTestId('lesson-read').click();
      await expect.poll(() => lessonCompleted(lesson.id)).toBe(true);
    }
  }

  await page.goto(`/learn/courses/${courseId}`);
  await page.getByTestId('start-quiz').click();
  await expect(page.getByTestId('quiz-question').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/learn-quiz.png`, fullPage: true });
  const bank = new Map(BRIEFING_COURSE.quiz.questions.map((q) => [q.prompt, q]));
  for (const question of await page.getByTestId('quiz-question').all()) {
    const legend = (await question.locator('legend').textContent())!;
    const seed = [...bank.values()].find((q) => legend.includes(q.prompt))!;
    for (const index of seed.answer) await question.locator(`[data-option="${seed.options[index]}"]`).check();
  }
  await page.getByTestId('quiz-submit').click();
  await expect(page.getByTestId('quiz-result')).toHaveAttribute('data-passed', 'true');
  await page.getByTestId('view-certificate').click();
  await expect(page.getByTestId('certificate')).toContainText('班前会怎么开');
  await expect(page.getByTestId('certificate-qr')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/learn-certificate.png`, fullPage: true });
  const code = (await page.getByTestId('certificate-code').textContent())!.trim();
  // 打印 / 保存为 PDF: the print layout alone (no tabs, no buttons), the Chinese text embedded as a font.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/learn-certificate-print.png` });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.toString('latin1')).toMatch(/\/FontFile2|\/CIDFontType/);
  await page.emulateMedia({ media: 'screen' });

  // Whoever holds the paper scans the QR code: no login.
  const stranger = await browser.newPage();
  await stranger.goto(`${new URL(page.url()).origin}/verify/${code}`);
  await expect(stranger.getByTestId('verify-result')).toHaveAttribute('data-status', 'VALID');
  await expect(stranger.getByTestId('verify-holder')).toHaveText(/^职\*+洋$/);
  await stranger.screenshot({ path: `${SHOTS}/verify.png`, fullPage: true });
  await stranger.close();
});
