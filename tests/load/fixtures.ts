// The people of a load run. Officers and learners are inserted straight into the database with a
// session each (logging hundreds of people in would measure password hashing, not the morning);
// the command-centre operator logs in through the API with a real second factor (TOTP).
import { createHash, randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import pg from 'pg';

const PASSWORD = 'Demo@2021';
export const SESSION_COOKIE = 'bhs_session';

export interface Officer {
  username: string;
  enterpriseId: string;
  cookie: string;
  /** Teams of this officer's own, each on one shift, so every meeting has a free team × shift slot today. */
  slots: { teamId: string; shiftId: string; memberIds: string[] }[];
}

export interface Learner {
  username: string;
  cookie: string;
  lessonId: string;
  /** Seconds of the lesson: heartbeats must stay within it. */
  durationSeconds: number;
}

/**
 * `count` enterprise officers spread over the demo enterprises (officer i in enterprise i mod 42),
 * each with `slotsEach` teams of 4 members on their enterprise's first shift, effective today.
 */
export async function insertOfficers(url: string, count: number, slotsEach: number, tag: string): Promise<Officer[]> {
  return withClient(url, async (db) => {
    await db.query('BEGIN');
    // Each officer's enterprise needs a shift whose meeting window is open now (a day shift has
    // none at night or at weekends): the latest shift started today by Asia/Shanghai's clock.
    const shanghai = new Date(Date.now() + 8 * 3_600_000);
    const minute = shanghai.getUTCHours() * 60 + shanghai.getUTCMinutes();
    const weekday = shanghai.getUTCDay() || 7;
    const { rows: enterprises } = await db.query<{ id: string; shiftId: string }>(
      `SELECT e.id, open.id AS "shiftId" FROM enterprise e
         CROSS JOIN LATERAL (SELECT s.id FROM shift s
                              WHERE s."enterpriseId" = e.id AND s.active AND $2::int = ANY(s."daysOfWeek") AND s."startMinute" <= $1::int
                                AND (s.overnight OR s."endMinute" = 0 OR s."endMinute" > $1::int)
                              ORDER BY s."startMinute" DESC LIMIT 1) open
        WHERE e.active ORDER BY e."creditCode"`,
      [minute, weekday],
    );
    if (!enterprises.length) throw new Error('no demo enterprise has a shift open now: is SEED_DEMO=1 set?');
    const officers: Officer[] = [];
    for (let i = 0; i < count; i++) {
      const enterprise = enterprises[i % enterprises.length]!;
      const username = `load-${tag}-officer-${i + 1}`;
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO app_user (id, username, "passwordHash", "displayName", role, "enterpriseId", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'not-a-password', $2, 'ENTERPRISE_OFFICER', $3, now()) RETURNING id`,
        [username, `压测安全员${i + 1}`, enterprise.id],
      );
      const cookie = await insertSession(db, rows[0]!.id);
      const slots: Officer['slots'] = [];
      for (let t = 0; t < slotsEach; t++) {
        const { rows: team } = await db.query<{ id: string }>(
          `INSERT INTO team (id, "enterpriseId", name, "leaderName", "updatedAt") VALUES (gen_random_uuid(), $1, $2, '压测班长', now()) RETURNING id`,
          [enterprise.id, `压测${tag}-${i + 1}-${t + 1}`],
        );
        await db.query(`INSERT INTO team_shift ("teamId", "shiftId") VALUES ($1, $2)`, [team[0]!.id, enterprise.shiftId]);
        const { rows: members } = await db.query<{ id: string }>(
          `INSERT INTO team_member (id, "teamId", name, position, "updatedAt")
           SELECT gen_random_uuid(), $1, '组员' || m, '操作工', now() FROM generate_series(1, 4) m RETURNING id`,
          [team[0]!.id],
        );
        slots.push({ teamId: team[0]!.id, shiftId: enterprise.shiftId, memberIds: members.map((m) => m.id) });
      }
      officers.push({ username, enterpriseId: enterprise.id, cookie, slots });
    }
    await db.query('COMMIT');
    return officers;
  });
}

/**
 * `count` workers of the first demo enterprise enrolled in an hour-long video course with no
 * presence checks (a check would stop their heartbeats counting until answered), one session each.
 */
export async function insertLearners(url: string, count: number, tag: string): Promise<Learner[]> {
  const durationSeconds = 3600;
  return withClient(url, async (db) => {
    await db.query('BEGIN');
    const { rows: enterprise } = await db.query<{ id: string }>(`SELECT "enterpriseId" AS id FROM app_user WHERE username = 'worker1'`);
    const { rows: media } = await db.query<{ id: string }>(
      `INSERT INTO media_asset (id, kind, status, "originalName", "contentType", "sizeBytes", "sourceKey", "durationMs", "updatedAt")
       VALUES (gen_random_uuid(), 'VIDEO', 'READY', 'load.mp4', 'video/mp4', 1, 'media/load/source', $1, now()) RETURNING id`,
      [durationSeconds * 1000],
    );
    const { rows: course } = await db.query<{ id: string }>(
      `INSERT INTO course (id, code, title, category, published, "updatedAt") VALUES (gen_random_uuid(), $1, '压测课程', '压测', true, now()) RETURNING id`,
      [`LOAD-${tag}`],
    );
    const { rows: lesson } = await db.query<{ id: string }>(
      `INSERT INTO lesson (id, "courseId", position, title, kind, "mediaAssetId", "durationSeconds", "presenceChecks", "updatedAt")
       VALUES (gen_random_uuid(), $1, 1, '压测课时', 'VIDEO', $2, $3, 0, now()) RETURNING id`,
      [course[0]!.id, media[0]!.id, durationSeconds],
    );
    const learners: Learner[] = [];
    for (let i = 0; i < count; i++) {
      const username = `load-${tag}-learner-${i + 1}`;
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO app_user (id, username, "passwordHash", "displayName", role, "enterpriseId", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'not-a-password', $2, 'WORKER', $3, now()) RETURNING id`,
        [username, `压测学员${i + 1}`, enterprise[0]!.id],
      );
      const { rows: enrolment } = await db.query<{ id: string }>(
        `INSERT INTO enrolment (id, "courseId", "userId", "enterpriseId", status) VALUES (gen_random_uuid(), $1, $2, $3, 'IN_PROGRESS') RETURNING id`,
        [course[0]!.id, rows[0]!.id, enterprise[0]!.id],
      );
      await db.query(`INSERT INTO lesson_progress (id, "enrolmentId", "lessonId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now())`, [
        enrolment[0]!.id,
        lesson[0]!.id,
      ]);
      learners.push({ username, cookie: await insertSession(db, rows[0]!.id), lessonId: lesson[0]!.id, durationSeconds });
    }
    await db.query('COMMIT');
    return learners;
  });
}

/**
 * Logs a privileged demo user in through the API on a fresh platform, enrolling and activating
 * TOTP as the user would; returns the session cookie. Privileged users get one session, so every
 * wall client of a run shares it (each wall screen would log in on its own in life).
 */
export async function loginWithTotp(base: string, username: string): Promise<string> {
  const post = async (path: string, cookie: string | null, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} as ${username}: ${res.status} ${await res.text()}`);
    return res;
  };
  const login = await post('/api/auth/login', null, { username, password: PASSWORD });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const { pendingStep } = (await login.json()) as { pendingStep: string | null };
  if (pendingStep === null) return cookie;
  if (pendingStep !== 'MFA_ENROLMENT') throw new Error(`login ${username}: second factor ${pendingStep} on a fresh platform`);
  const { secret } = (await (await post('/api/auth/mfa/enrolment', cookie)).json()) as { secret: string };
  await post('/api/auth/mfa/activate', cookie, { code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) }) });
  return cookie;
}

async function insertSession(db: pg.Client, userId: string): Promise<string> {
  const token = randomUUID() + randomUUID();
  await db.query(
    `INSERT INTO session (id, "tokenHash", "userId", "expiresAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day')`,
    [createHash('sha256').update(token).digest('hex'), userId],
  );
  return `${SESSION_COOKIE}=${token}`;
}

async function withClient<T>(url: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await db.end();
  }
}
