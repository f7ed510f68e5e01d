import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureCourse, FIXTURE_ANSWERS } from '../support/learning-fixture.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The learner's side end to end against the real API and database, on a clock the test moves:
// only seconds actually played count, impossible claims are refused and kept, presence checks stop
// counting until answered, one device at a time, quiz graded on the server, certificate verified.

let t: TestApp;
let clock = Date.parse('2026-12-01T01:00:00Z');
// The phone's clock is 5 minutes slow: only differences of device time matter.
const device = () => clock - 300_000;
let worker: string;
let fixture: Awaited<ReturnType<typeof createFixtureCourse>>;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date(clock) });
  fixture = await createFixtureCourse(t, 'worker1');
  worker = await t.login('worker1');
});
afterAll(() => t?.close());

const post = (url: string, payload: unknown, cookie = worker) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });
const get = (url: string, cookie = worker) => t.app.inject({ method: 'GET', url, headers: { cookie } });

async function startViewing(lessonId: string, deviceId = 'phone-aaaaaaaa', takeOver?: boolean) {
  return post(`/api/learn/lessons/${lessonId}/viewings`, { deviceId, clientNow: device(), takeOver });
}

let seq = 0;
function beat(viewingId: string, ranges: [number, number][], position = ranges.at(-1)?.[1] ?? 0) {
  return post(`/api/learn/viewings/${viewingId}/heartbeats`, { beats: [{ seq: seq++, clientAt: device(), ranges, position }] });
}

describe('a worker who drags the playhead', () => {
  it('gets only the seconds played counted, and an impossible claim is refused and kept', async () => {
    const start = await startViewing(fixture.video.id);
    expect(start.statusCode).toBe(201);
    const viewing = start.json().sessionId as string;

    clock += 5_000;
    expect((await beat(viewing, [[0, 5]])).json().results[0]).toMatchObject({ outcome: 'counted', countedSeconds: 5 });
    clock += 5_000;
    // Dragged to the end, then played 5 s there.
    const dragged = await beat(viewing, [[55, 60]]);
    expect(dragged.json().progress).toMatchObject({ watchedSeconds: 10, completed: false });

    clock += 10_000;
    // Claims the whole video in 10 s: faster than 1.5×.
    const claimed = await beat(viewing, [[0, 60]]);
    expect(claimed.json().results[0]).toMatchObject({ outcome: 'rejected', rejection: 'FASTER_THAN_ALLOWED', countedSeconds: 0 });
    expect(claimed.json().progress.completed).toBe(false);

    const stored = await t.platform.prisma.learningHeartbeat.findMany({ where: { sessionId: viewing }, orderBy: { seq: 'asc' } });
    expect(stored.map((h) => h.rejection)).toEqual([null, null, 'FASTER_THAN_ALLOWED']);
    const lesson = (await get(`/api/learn/lessons/${fixture.video.id}`)).json();
    expect(lesson).toMatchObject({
      completed: false,
      watchedRanges: [
        [0, 5],
        [55, 60],
      ],
    });
  });

  it('refuses ranges beyond the video and heartbeats on someone else’s viewing', async () => {
    const viewing = (await startViewing(fixture.video.id)).json().sessionId as string;
    clock += 10_000;
    expect((await beat(viewing, [[58, 70]])).json().results[0].rejection).toBe('BEYOND_DURATION');
    const other = await t.login('worker2');
    const res = await post(
      `/api/learn/viewings/${viewing}/heartbeats`,
      { beats: [{ seq: 999, clientAt: device(), ranges: [[0, 1]], position: 1 }] },
      other,
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('a second device', () => {
  it('may not start while the first plays, takes over when asked, and the first stops counting', async () => {
    const first = (await startViewing(fixture.video.id, 'phone-aaaaaaaa')).json().sessionId as string;
    clock += 5_000;
    await beat(first, [[5, 10]]);
    const second = await startViewing(fixture.video.id, 'tablet-bbbbbbbb');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ANOTHER_DEVICE_PLAYING');
    const takeOver = await startViewing(fixture.video.id, 'tablet-bbbbbbbb', true);
    expect(takeOver.statusCode).toBe(201);
    clock += 5_000;
    expect((await beat(first, [[10, 15]])).json().results[0].rejection).toBe('SESSION_TAKEN_OVER');
    const audit = await t.platform.prisma.auditLog.findFirst({ where: { action: 'learning.takeover' } });
    expect(audit).not.toBeNull();
  });
});

describe('a worker who watches at the permitted rate and answers the check', () => {
  it('completes the lesson; counting stops at the presence check until the right number is tapped', async () => {
    clock += 60_000;
    const start = (await startViewing(fixture.video.id)).json();
    const viewing = start.sessionId as string;
    expect(start.nextCheckIn).toBeGreaterThan(0);
    let position = 10;
    let answer: { check: { id: string; challenge: string; choices: string[] } | null; progress: { completed: boolean } } | null = null;
    let checks = 0;
    for (let i = 0; i < 20 && !answer?.progress.completed; i++) {
      clock += 10_000;
      const end = Math.min(60, position + 15);
      const res = await beat(viewing, [[position, end]]);
      expect(res.statusCode).toBe(200);
      answer = res.json();
      position = end;
      if (answer?.check) {
        checks++;
        expect(answer.check.choices).toContain(answer.check.challenge);
        const wrong = answer.check.choices.find((c) => c !== answer!.check!.challenge)!;
        const refused = await post(`/api/learn/viewings/${viewing}/checks/${answer.check.id}`, { answer: wrong });
        expect(refused.json().error.code).toBe('PRESENCE_CHECK_WRONG');
        // While unanswered nothing more counts.
        clock += 10_000;
        const blocked = (await beat(viewing, [[position, Math.min(60, position + 5)]])).json();
        expect(blocked.results[0].countedSeconds).toBe(0);
        const ok = await post(`/api/learn/viewings/${viewing}/checks/${answer.check.id}`, { answer: answer.check.challenge });
        expect(ok.statusCode).toBe(200);
        // Replay what the check held back.
        position = Math.max(0, position - 15);
      }
      if (position >= 60) position = 0;
    }
    expect(checks).toBe(1);
    expect(answer?.progress.completed).toBe(true);
  });

  it('accepts heartbeats queued offline when they arrive later and are consistent', async () => {
    const viewing = (await startViewing(fixture.video.id)).json().sessionId as string;
    const made = device();
    const beats = Array.from({ length: 6 }, (_, i) => ({
      seq: i,
      clientAt: made + (i + 1) * 10_000,
      ranges: [[i * 10, i * 10 + 10]],
      position: i * 10 + 10,
    }));
    clock += 30 * 60_000;
    const res = await post(`/api/learn/viewings/${viewing}/heartbeats`, { beats });
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(Array(6).fill('counted'));
  });
});

describe('a start answered slowly (the server busy)', () => {
  // The request waits in the server (a full database pool, say) before the service runs: the
  // lesson lookup takes `ms` of real time while the services' clock moves as far.
  async function slowly<T>(ms: number, run: () => Promise<T>): Promise<T> {
    const repo = t.platform.repos.learning;
    const lookup = repo.findLessonForLearner;
    repo.findLessonForLearner = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      clock += ms;
      return lookup(...args);
    };
    try {
      return await run();
    } finally {
      repo.findLessonForLearner = lookup;
    }
  }

  it('still counts an honest device’s heartbeats, and still refuses a device clock set ahead', async () => {
    clock += 60_000;
    const sentAt = device();
    const start = await slowly(3_000, () =>
      post(`/api/learn/lessons/${fixture.video.id}/viewings`, { deviceId: 'phone-aaaaaaaa', clientNow: sentAt }),
    );
    expect(start.statusCode).toBe(201);
    const viewing = start.json().sessionId as string;
    // The answer came 3 s after the device asked; it then plays 10 s.
    clock += 10_000;
    expect((await beat(viewing, [[0, 10]])).json().results[0]).toMatchObject({ outcome: 'counted', rejection: null });
    clock += 10_000;
    expect((await beat(viewing, [[10, 20]])).json().results[0].outcome).toBe('counted');
    // A device whose clock jumps 5 s ahead claims time that has not passed.
    clock += 10_000;
    const ahead = await post(`/api/learn/viewings/${viewing}/heartbeats`, {
      beats: [{ seq: seq++, clientAt: device() + 5_000, ranges: [[20, 30]], position: 30 }],
    });
    expect(ahead.json().results[0]).toMatchObject({ outcome: 'rejected', rejection: 'CLOCK_AHEAD' });
  });

  it('refuses a start claimed earlier than the request arrived, to inflate the first allowance', async () => {
    clock += 60_000;
    // Says it started 5 s before it asked: the first heartbeat could claim 5 s × 1.5 more.
    const start = await slowly(3_000, () =>
      post(`/api/learn/lessons/${fixture.video.id}/viewings`, { deviceId: 'phone-aaaaaaaa', clientNow: device() - 5_000 }),
    );
    const viewing = start.json().sessionId as string;
    clock += 10_000;
    expect((await beat(viewing, [[0, 10]])).json().results[0]).toMatchObject({ outcome: 'rejected', rejection: 'CLOCK_AHEAD' });
  });
});

describe('reading a poster, the quiz and the certificate', () => {
  it('counts a poster as read only after the reading time', async () => {
    clock += 60_000;
    const viewing = (await startViewing(fixture.poster.id)).json().sessionId as string;
    clock += 5_000;
    const early = await post(`/api/learn/lessons/${fixture.poster.id}/read`, { sessionId: viewing });
    expect(early.json().error).toMatchObject({ code: 'READING_TOO_SHORT', params: { seconds: 20 } });
    clock += 20_000;
    expect((await post(`/api/learn/lessons/${fixture.poster.id}/read`, { sessionId: viewing })).statusCode).toBe(200);
  });

  it('draws questions without answers, grades on the server, and issues a certificate on passing', async () => {
    const attempt = await post(`/api/learn/courses/${fixture.course.id}/attempts`, {});
    expect(attempt.statusCode).toBe(200);
    const drawn = attempt.json();
    expect(drawn.questions).toHaveLength(3);
    for (const q of drawn.questions) expect(Object.keys(q).sort()).toEqual(['id', 'kind', 'options', 'prompt']);
    // Reopening resumes the same draw rather than drawing again.
    expect((await post(`/api/learn/courses/${fixture.course.id}/attempts`, {})).json().id).toBe(drawn.id);

    const notDrawn = await post(`/api/learn/attempts/${drawn.id}`, { answers: [{ questionId: fixture.course.id, choices: [0] }] });
    expect(notDrawn.json().error.details[0]).toMatchObject({ field: 'answers.0.questionId', code: 'QUIZ_QUESTION_NOT_DRAWN' });

    const wrong = await post(`/api/learn/attempts/${drawn.id}`, {
      answers: drawn.questions.map((q: { id: string }) => ({ questionId: q.id, choices: [] })),
    });
    expect(wrong.json()).toMatchObject({ score: 0, passed: false, attemptsLeft: 1, courseCompleted: false });
    expect(wrong.json().questions[0].answer.length).toBeGreaterThan(0);
    expect((await post(`/api/learn/attempts/${drawn.id}`, { answers: [] })).json().error.code).toBe('QUIZ_ALREADY_SUBMITTED');

    const second = (await post(`/api/learn/courses/${fixture.course.id}/attempts`, {})).json();
    const right = await post(`/api/learn/attempts/${second.id}`, {
      answers: second.questions.map((q: { id: string; prompt: string }) => ({ questionId: q.id, choices: FIXTURE_ANSWERS[q.prompt] })),
    });
    expect(right.json()).toMatchObject({ score: 100, passed: true, courseCompleted: true });
    const certificateId = right.json().certificateId as string;

    const mine = (await get(`/api/learn/certificates/${certificateId}`)).json();
    expect(mine).toMatchObject({ holderName: '职工 刘洋', courseTitle: '有限空间作业（测试）', status: 'VALID' });
    expect(mine.serialNo).toMatch(/^BHXQ-AQPX-2026-\d{6}$/);
    expect(mine.holderIdNumber).toMatch(/\*{4}/);

    const verified = await t.app.inject({ method: 'GET', url: `/api/verify/${mine.verificationCode}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ holderName: '职***洋', courseTitle: '有限空间作业（测试）', status: 'VALID' });
    expect(JSON.stringify(verified.json())).not.toContain('刘洋');
    expect((await t.app.inject({ method: 'GET', url: '/api/verify/ZZZZZZZZZZZZ' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/verify/x' })).statusCode).toBe(400);

    const course = (await get(`/api/learn/courses/${fixture.course.id}`)).json();
    expect(course).toMatchObject({ status: 'COMPLETED', certificateId, progress: 1 });
    expect((await post(`/api/learn/courses/${fixture.course.id}/attempts`, {})).json().error.code).toBe('QUIZ_ALREADY_PASSED');
  });
});

describe('learning records', () => {
  it('export for the worker and the enterprise officer, not for another enterprise', async () => {
    const own = await get(`/api/learn/records/${fixture.user.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('学习心跳');
    expect(own.body).toContain('FASTER_THAN_ALLOWED');
    const officer = await t.login('officer1');
    expect((await get(`/api/learn/records/${fixture.user.id}`, officer)).statusCode).toBe(200);
    const otherOfficer = await t.login('officer2');
    expect((await get(`/api/learn/records/${fixture.user.id}`, otherOfficer)).statusCode).toBe(404);
  });
});
