// Missing-meeting reminders end to end: the jobs run in the API process over real pg-boss and post
// over real HTTP to a local receiver playing WeCom and DingTalk group robots.
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openReminders } from '@platform/jobs';
import type { ReminderService } from '@platform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const DATA_KEY = 'dGVzdC1kYXRhLWtleS10aGlydHktdHdvLWJ5dGVzISE=';
// Distinctive secrets, looked for in every answer and log line.
const WECOM_KEY = 'wecomKEY-4f1c9a';
const DING_TOKEN = 'dingTOKEN-7b2e55';
const DING_SECRET = 'SECdingSECRET-91ad03';

interface Received {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
  at: number;
  /** When the receiver's side of the request closed (answered, or the poster gave up). */
  closedAt?: number;
}

/** Scripted answers per path: a status and JSON body each, `hang` (never answers), then OK forever. */
type Answer = { status: number; body: unknown } | 'hang';
const script = new Map<string, Answer[]>();
const received: Received[] = [];
const OK = { status: 200, body: { errcode: 0, errmsg: 'ok' } };

const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hit: Received = {
      path: url.pathname,
      query: url.searchParams,
      body: JSON.parse(Buffer.concat(chunks).toString()),
      at: Date.now(),
    };
    received.push(hit);
    res.once('close', () => (hit.closedAt = Date.now()));
    const answer = script.get(url.pathname)?.shift() ?? OK;
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
});

let t: TestApp;
let base: string;
let reminders: ReminderService;
const logs: string[] = [];
const answers: string[] = [];
const cookies: Record<string, string> = {};
const enterpriseOf: Record<string, string> = {};

async function api(user: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  answers.push(res.body);
  return res;
}

async function addRobot(user: string, body: { kind: 'WECOM' | 'DINGTALK'; name: string; url: string; secret?: string }): Promise<string> {
  const res = await api(user, 'POST', `/api/enterprises/${enterpriseOf[user]}/webhooks`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

let day = 0;
/** A due meeting of the user's enterprise closed as missing, as the compliance sweep leaves it. */
async function missingMeeting(user: string): Promise<{ id: string; date: string; team: string; shift: string }> {
  const prisma = t.platform.prisma;
  const enterprise = await prisma.enterprise.findUniqueOrThrow({ where: { id: enterpriseOf[user] } });
  const team = await prisma.team.findFirstOrThrow({
    where: { enterpriseId: enterprise.id },
    include: { shifts: { include: { shift: true } } },
  });
  const shift = team.shifts[0]?.shift ?? (await prisma.shift.findFirstOrThrow({ where: { enterpriseId: enterprise.id } }));
  const date = `2026-03-${String(++day).padStart(2, '0')}`;
  const dueFrom = new Date(`${date}T06:30:00+08:00`);
  const dueUntil = new Date(`${date}T07:15:00+08:00`);
  const due = await prisma.dueMeeting.create({
    data: {
      date: new Date(`${date}T00:00:00Z`),
      enterpriseId: enterprise.id,
      zoneId: enterprise.zoneId,
      industryId: enterprise.industryId,
      riskLevel: enterprise.riskLevel,
      teamId: team.id,
      shiftId: shift.id,
      dueFrom,
      dueUntil,
      reportBy: new Date(dueUntil.getTime() + 2 * 3_600_000),
      status: 'MISSING',
      missingAt: new Date(),
    },
  });
  return { id: due.id, date, team: team.name, shift: shift.name };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const hits = (path: string) => received.filter((r) => r.path === path);

beforeAll(async () => {
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  t = await createTestApp(
    {
      WORKER_IN_PROCESS: '1',
      WEBHOOK_ALLOW_HTTP: '1',
      WEBHOOK_ALLOW_PRIVATE: '1',
      // A hanging robot holds its post this long: far beyond how late the other robot's may come on a loaded machine.
      WEBHOOK_TIMEOUT_SECONDS: '30',
      PUBLIC_URL: 'https://safety.example.cn',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
    },
    { logOutput: { write: (line: string) => logs.push(line) } },
  );
  // Retries in seconds rather than the production 30 s, with the same backoff.
  await t.platform.runtime.boss.updateQueue('reminders.webhook', { retryDelay: 1, retryBackoff: true });
  for (const user of ['officer1', 'officer2', 'worker1', 'zone1']) {
    cookies[user] = await t.login(user);
    const row = await t.platform.prisma.user.findUniqueOrThrow({ where: { username: user } });
    if (row.enterpriseId) enterpriseOf[user] = row.enterpriseId;
  }
  reminders = openReminders({
    repos: t.platform.repos,
    queue: t.platform.runtime.queue,
    config: t.platform.config.reminders,
    dataKey: Buffer.from(DATA_KEY, 'base64'),
  }).reminders;
}, 60_000);

afterAll(async () => {
  receiver.closeAllConnections();
  await t?.close();
  receiver.close();
});

const quietLog = { info() {}, warn() {}, error() {}, debug() {}, child: () => quietLog } as never;

describe('missing-meeting reminders', () => {
  let wecom: string;
  let ding: string;

  it('notifies every officer in the app and posts team, shift and link to each robot, DingTalk signed', async () => {
    wecom = await addRobot('officer1', { kind: 'WECOM', name: '安全群', url: `${base}/wecom/a?key=${WECOM_KEY}` });
    ding = await addRobot('officer1', {
      kind: 'DINGTALK',
      name: '钉钉群',
      url: `${base}/ding/a?access_token=${DING_TOKEN}`,
      secret: DING_SECRET,
    });
    const due = await missingMeeting('officer1');
    const before = Date.now();
    await t.platform.runtime.queue.send('reminders.missing', { dueMeetingId: due.id });
    await until('both robots', () => hits('/wecom/a').length >= 1 && hits('/ding/a').length >= 1);

    const link = `https://safety.example.cn/enterprise?date=${due.date}`;
    const [w] = hits('/wecom/a');
    expect(w!.body.msgtype).toBe('markdown');
    expect(w!.query.get('key')).toBe(WECOM_KEY);
    for (const part of [due.team, due.shift, due.date, '06:30–07:15', link]) expect(w!.body.markdown.content).toContain(part);

    const [d] = hits('/ding/a');
    expect(d!.body.markdown.title).toContain(due.team);
    expect(d!.body.markdown.text).toContain(link);
    const timestamp = d!.query.get('timestamp')!;
    expect(Math.abs(Number(timestamp) - before)).toBeLessThan(60_000);
    const expected = createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
    expect(d!.query.get('sign')).toBe(expected);

    const officers = await t.platform.prisma.user.findMany({
      where: { enterpriseId: enterpriseOf.officer1, role: 'ENTERPRISE_OFFICER', active: true },
    });
    const notices = await until('notices', async () => {
      const rows = await t.platform.prisma.notification.findMany({ where: { params: { path: ['date'], equals: due.date } } });
      return rows.length ? rows : undefined;
    });
    expect(notices.map((n) => n.userId).sort()).toEqual(officers.map((o) => o.id).sort());
    expect((await t.platform.prisma.dueMeeting.findUniqueOrThrow({ where: { id: due.id } })).remindedAt).not.toBeNull();

    const inbox = (await api('officer1', 'GET', '/api/notifications')).json();
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    const mine = inbox.items.find((n: { params: { date: string } }) => n.params.date === due.date);
    expect(mine).toMatchObject({
      kind: 'MEETING_MISSING',
      link: `/enterprise?date=${due.date}`,
      params: { team: due.team, shift: due.shift },
    });
    // Only one's own: officer2 cannot mark it, and sees none of it.
    expect((await api('officer2', 'POST', `/api/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect((await api('officer2', 'GET', '/api/notifications')).body).not.toContain(mine.id);
    expect((await api('officer1', 'POST', `/api/notifications/${mine.id}/read`)).json()).toEqual({ marked: 1 });
    expect((await api('officer1', 'GET', '/api/notifications')).json().unread).toBe(inbox.unread - 1);
    await api('officer1', 'POST', '/api/notifications/read');
    expect((await api('officer1', 'GET', '/api/notifications?unreadOnly=true')).json()).toMatchObject({ unread: 0, total: 0 });

    const list = (await api('officer1', 'GET', `/api/enterprises/${enterpriseOf.officer1}/webhooks`)).json();
    expect(list.find((r: { id: string }) => r.id === ding)).toMatchObject({ lastStatus: 'OK', signed: true, host: new URL(base).host });

    // Re-running the job (a retry, or the sweep sending twice) adds no notice and no post.
    const counts = async () => [await t.platform.prisma.notification.count(), received.length];
    const first = await counts();
    await reminders.remindMissing(due.id, { log: quietLog });
    await t.platform.runtime.queue.send('reminders.missing', { dueMeetingId: due.id });
    await new Promise((r) => setTimeout(r, 2000));
    expect(await counts()).toEqual(first);
  });

  it('retries a robot that fails (500, then errcode ≠ 0) with backoff and delivers once', async () => {
    await api('officer1', 'PATCH', `/api/webhooks/${ding}`, { active: false });
    script.set('/wecom/a', [
      { status: 500, body: { error: 'down' } },
      { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } },
    ]);
    const already = hits('/wecom/a').length;
    const due = await missingMeeting('officer1');
    await t.platform.runtime.queue.send('reminders.missing', { dueMeetingId: due.id });
    const attempts = await until(
      'three attempts',
      () => (hits('/wecom/a').length - already >= 3 ? hits('/wecom/a').slice(already) : undefined),
      25_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(hits('/wecom/a').length - already).toBe(3);
    // Each retry waited for the queue's delay (1 s, doubling) instead of hammering the robot.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(400);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(400);
    const robot = await t.platform.prisma.reminderWebhook.findUniqueOrThrow({ where: { id: wecom } });
    expect(robot.lastStatus).toBe('OK');
    expect(logs.some((l) => l.includes('HTTP_500') && l.includes('job failed'))).toBe(true);
    expect(logs.some((l) => l.includes('ERRCODE_45009'))).toBe(true);
  }, 40_000);

  it("does not let a dead robot delay another enterprise's robot", async () => {
    script.set('/wecom/dead', ['hang', 'hang', 'hang']);
    await addRobot('officer1', { kind: 'WECOM', name: '坏的群', url: `${base}/wecom/dead?key=${WECOM_KEY}` });
    await addRobot('officer2', { kind: 'WECOM', name: '乙企业群', url: `${base}/wecom/b?key=${WECOM_KEY}` });
    const dead = await missingMeeting('officer1');
    const alive = await missingMeeting('officer2');
    await t.platform.runtime.queue.send('reminders.missing', { dueMeetingId: dead.id });
    await until('the dead robot is being posted to', () => hits('/wecom/dead').length >= 1);
    await t.platform.runtime.queue.send('reminders.missing', { dueMeetingId: alive.id });
    await until('the other robot', () => hits('/wecom/b').length >= 1, 25_000);
    // Posted while the dead robot's request still hung (before its 30 s timeout ended it): had the
    // dead robot held the queue, the other post would only have come after that.
    expect(hits('/wecom/dead')[0]!.closedAt ?? Infinity).toBeGreaterThan(hits('/wecom/b')[0]!.at);
    expect(hits('/wecom/b')[0]!.body.markdown.content).toContain(alive.team);
  });

  it('skips a meeting reported meanwhile', async () => {
    const due = await missingMeeting('officer2');
    await t.platform.prisma.dueMeeting.update({ where: { id: due.id }, data: { status: 'REPORTED' } });
    const before = received.length;
    await reminders.remindMissing(due.id, { log: quietLog });
    const robot = (await t.platform.prisma.reminderWebhook.findFirstOrThrow({ where: { enterpriseId: enterpriseOf.officer2 } })).id;
    await reminders.remindByRobot(robot, due.id, { log: quietLog, signal: new AbortController().signal });
    expect(received.length).toBe(before);
    expect(await t.platform.prisma.notification.count({ where: { params: { path: ['date'], equals: due.date } } })).toBe(0);
  });
});

describe('robot configuration', () => {
  it("is the officer's own: other enterprises, workers and zone officers get 404", async () => {
    const id = await addRobot('officer1', { kind: 'WECOM', name: '只属于甲', url: `${base}/wecom/own?key=${WECOM_KEY}` });
    for (const user of ['officer2', 'worker1', 'zone1']) {
      expect((await api(user, 'GET', `/api/enterprises/${enterpriseOf.officer1}/webhooks`)).statusCode, user).toBe(404);
      expect((await api(user, 'PATCH', `/api/webhooks/${id}`, { name: '改' })).statusCode, user).toBe(404);
      expect((await api(user, 'POST', `/api/webhooks/${id}/test`)).statusCode, user).toBe(404);
      expect((await api(user, 'DELETE', `/api/webhooks/${id}`)).statusCode, user).toBe(404);
    }
    const row = await t.platform.prisma.reminderWebhook.findUniqueOrThrow({ where: { id } });
    expect(row.name).toBe('只属于甲');

    const tested = await api('officer1', 'POST', `/api/webhooks/${id}/test`);
    expect(tested.json()).toMatchObject({ delivered: true, status: 'OK' });
    script.set('/wecom/own', [{ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } }]);
    expect((await api('officer1', 'POST', `/api/webhooks/${id}/test`)).json()).toMatchObject({ delivered: false, status: 'ERRCODE_93000' });
    expect((await api('officer1', 'DELETE', `/api/webhooks/${id}`)).statusCode).toBe(204);
    expect((await api('officer1', 'DELETE', `/api/webhooks/${id}`)).statusCode).toBe(404);
  });

  it('refuses bad URLs and a secret for WeCom with field codes', async () => {
    const path = `/api/enterprises/${enterpriseOf.officer1}/webhooks`;
    const bad = async (body: object) => (await api('officer1', 'POST', path, body)).json().error.details[0].code;
    expect(await bad({ kind: 'WECOM', name: 'x', url: 'ftp://example.com/x' })).toBe('WEBHOOK_URL_INSECURE');
    expect(await bad({ kind: 'WECOM', name: 'x', url: 'nonsense' })).toBe('WEBHOOK_URL_INVALID');
    expect(await bad({ kind: 'WECOM', name: 'x', url: `${base}/w?key=1`, secret: 'SECx' })).toBe('WEBHOOK_SECRET_NOT_ALLOWED');
  });

  it('never shows a robot URL, token or secret in answers, logs or the audit trail', async () => {
    const audit = JSON.stringify(
      await t.platform.prisma.auditLog.findMany({ where: { action: { startsWith: 'webhook.' } } }),
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    );
    const stored = JSON.stringify(await t.platform.prisma.reminderWebhook.findMany());
    expect(audit).toContain('webhook.create');
    for (const secret of [WECOM_KEY, DING_TOKEN, DING_SECRET]) {
      expect(answers.filter((a) => a.includes(secret))).toEqual([]);
      expect(logs.filter((l) => l.includes(secret))).toEqual([]);
      expect(audit).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    expect(logs.length).toBeGreaterThan(10);
  });
});
