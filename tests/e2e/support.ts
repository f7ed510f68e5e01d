import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { knowsSecret, nextCode, rememberSecret } from './mfa-store.ts';

export const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'media-samples', 'out');
export const PASSWORD = 'Demo@2021';

/**
 * Logs in through the login page and waits for the role's landing page. A privileged user's
 * second factor is given on the way, as a user would: enrolled (secret read off the page) on the
 * first login, a TOTP code on later ones.
 */
export async function loginUi(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  const baseURL = new URL(page.url()).origin;
  if (new URL(page.url()).pathname === '/account/mfa') {
    const secret = (await page.getByTestId('mfa-secret').textContent())!.replace(/\s/g, '');
    rememberSecret(baseURL, username, secret);
    await page.locator('input[name="code"]').fill(await nextCode(baseURL, username));
    await page.locator('button[type="submit"]').click();
    await page.locator('input[name="saved"]').check();
    await page.getByRole('button', { name: '继续' }).click();
  } else if (new URL(page.url()).pathname === '/login/verify') {
    await page.locator('input[name="code"]').fill(await nextCode(baseURL, username));
    await page.locator('button[type="submit"]').click();
  }
  await expect(page).not.toHaveURL(/\/login|\/account\//);
}

/** Today's date in Asia/Shanghai. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Logs an API request context in as `username`. */
export async function loginApi(
  request: APIRequestContext,
  username: string,
  baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`,
): Promise<void> {
  const res = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
  const { pendingStep } = await res.json();
  if (pendingStep === 'MFA_ENROLMENT' || (pendingStep === 'MFA' && !knowsSecret(baseURL, username))) {
    expect(pendingStep, `${username} was enrolled outside these helpers`).toBe('MFA_ENROLMENT');
    const { secret } = await (await request.post('/api/auth/mfa/enrolment')).json();
    rememberSecret(baseURL, username, secret);
    expect((await request.post('/api/auth/mfa/activate', { data: { code: await nextCode(baseURL, username) } })).status()).toBe(200);
  } else if (pendingStep === 'MFA') {
    expect((await request.post('/api/auth/mfa/verify', { data: { code: await nextCode(baseURL, username) } })).status()).toBe(200);
  }
}

/** The Asia/Shanghai date `days` from today. */
export function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reports, through the API, the first team × shift of the user's board on `date` that has no
 * meeting yet (tests share one database, so each takes a free slot) and returns its id.
 */
export async function reportMeetingApi(request: APIRequestContext, date = today()): Promise<string> {
  const me = await (await request.get('/api/auth/me')).json();
  const board = await (await request.get(`/api/enterprises/${me.enterprise.id}/board?date=${date}`)).json();
  // A slot whose meeting window has opened: the API refuses reports ahead of it.
  const free = board.entries.find((e: { meetingId: string | null; state: string }) => !e.meetingId && e.state !== 'UPCOMING');
  expect(free, `a free open slot on ${date}`).toBeTruthy();
  const team = await (await request.get(`/api/teams/${free.team.id}`)).json();
  const startedAt = Math.min(Date.now() - 60_000, Date.parse(free.dueFrom) + 10 * 60_000);
  const res = await request.post('/api/meetings', {
    data: {
      teamId: team.id,
      shiftId: free.shift.id,
      meetingDate: date,
      startedAt: new Date(startedAt).toISOString(),
      hostName: team.leaderName ?? '班长',
      taskBriefing: '装卸作业',
      safetyBriefing: '注意车辆',
      measureBriefing: '设警戒区',
      attireChecked: true,
      mentalChecked: true,
      ppeChecked: true,
      attendance: team.members.map((m: { id: string }) => ({ teamMemberId: m.id, present: true })),
      hazards: ['车辆伤害'],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

/** Uploads a sample through the API's resumable flow and returns the asset id. */
export async function uploadApi(request: APIRequestContext, meetingId: string, sample: string, contentType: string): Promise<string> {
  const bytes = await readFile(path.join(SAMPLES, sample));
  const created = await request.post('/api/uploads', { data: { meetingId, fileName: sample, size: bytes.length, contentType } });
  expect(created.status()).toBe(201);
  const upload = await created.json();
  for (const part of upload.parts) {
    const start = (part.partNumber - 1) * upload.partSize;
    const res = await request.put(part.url, {
      data: bytes.subarray(start, start + part.size),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.status()).toBe(200);
  }
  const done = await request.post(`/api/uploads/${upload.id}/complete`);
  expect(done.status()).toBe(200);
  return upload.assetId;
}

/** Waits until a <video> has actually advanced its playback position. */
export async function expectPlaying(page: Page, selector: string): Promise<void> {
  await expect
    .poll(
      async () =>
        page
          .locator(selector)
          .first()
          .evaluate((v: HTMLVideoElement) => v.currentTime),
      { timeout: 60_000, intervals: [500] },
    )
    .toBeGreaterThan(0.5);
}
