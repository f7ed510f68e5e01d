// npm run bench:training — learning heartbeats at the scale of the 百千万 programme: 10,000
// workers learning at once, each sending a heartbeat every 10 s, is 1,000 heartbeats a second.
// A fresh platform runs in its own process (API only, no media worker) over an embedded
// PostgreSQL this script starts; learners, their sessions, enrolments and viewings are inserted
// directly (logging 10,000 people in would measure password hashing instead). Then, open loop
// (requests go out on schedule whether or not earlier ones were answered, as independent phones
// send them), for BENCH_TRAINING_SECONDS (default 30) after BENCH_TRAINING_WARMUP_SECONDS (default 10)
// not measured:
//   1. a bare Fastify route in its own process at the same rate: the machine's baseline;
//   2. POST /api/learn/viewings/:id/heartbeats, each claiming the 10 s just played.
// Prints throughput and p50/p95/p99 latency of both and their ratio, and checks that the
// heartbeats were counted (not refused); the headline last. BENCH_LEARNERS (default 10000),
// BENCH_PORT (default 3330; the baseline uses the next port).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '@platform/db';
import pg from 'pg';
import { startPlatform, type RunningPlatform } from './bench-platform.ts';
import { openLoop, quantile, type LoadResult, type Shot } from './open-loop.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = Number(process.env.BENCH_PORT ?? 3330);
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const SECONDS = Number(process.env.BENCH_TRAINING_SECONDS ?? 60);
// A server that just started is cold (JIT, connection pools, every session unread): not measured.
// After it every session is in the heartbeat route's cache (apps/api/src/session-cache.ts), which
// reads a learner's session again every ~5 minutes: ~33 reads a second for 10,000 learners in
// steady state, which the warm-up (10,000 reads in 30 s) more than covers.
const WARMUP_SECONDS = Number(process.env.BENCH_TRAINING_WARMUP_SECONDS ?? 30);
// The bare route needs neither: a short run of it is the machine's baseline.
const BASELINE_SECONDS = 20;
const INTERVAL_MS = 10_000;
const RATE = (LEARNERS * 1000) / INTERVAL_MS;

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-training-'));
await fs.chmod(scratch, 0o755);
const database = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: 0, database: 'platform' });
let platform: RunningPlatform | undefined;
let trivial: ChildProcess | undefined;

try {
  platform = await startPlatform(root, PORT, path.join(scratch, 'data'), {
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.url,
    SEED_DEMO: '1',
    SEED_DEMO_ACTIVITY: '0',
    WORKER_IN_PROCESS: '0',
    MEDIA_SIGNING_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    // In life every phone has its own address; here all share 127.0.0.1.
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
  });
  console.log(`platform on ${platform.base}; inserting ${LEARNERS} learners with a viewing each…`);
  const learners = await insertLearners(database.url, LEARNERS);

  const trivialPort = PORT + 1;
  trivial = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/trivial-server.ts', String(trivialPort)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => trivial!.stdout!.once('data', resolve));

  // Learner i sends at i/N of the interval, then every interval: RATE requests a second, evenly.
  const schedule = (seconds: number, shot: (learner: number, beat: number, at: number) => Shot): Shot[] => {
    const shots: Shot[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      const offset = (i / LEARNERS) * INTERVAL_MS;
      for (let k = 0; offset + k * INTERVAL_MS < seconds * 1000; k++) shots.push(shot(i, k, offset + k * INTERVAL_MS));
    }
    return shots;
  };
  const claim = (k: number) => ({ beats: [{ seq: k, clientAt: Date.now(), ranges: [[k * 10, k * 10 + 10]], position: k * 10 + 10 }] });

  console.log(`baseline: a bare Fastify route at ${RATE}/s for ${BASELINE_SECONDS} s…`);
  const baseline = await openLoop(
    `http://127.0.0.1:${trivialPort}`,
    schedule(BASELINE_SECONDS, (_i, k, at) => ({ at, path: '/trivial', body: () => JSON.stringify(claim(k)) })),
  );
  report('bare Fastify route', baseline);

  console.log(
    `heartbeats: ${LEARNERS} learners, one every ${INTERVAL_MS / 1000} s each (${RATE}/s), ${WARMUP_SECONDS} s of warm-up and ${SECONDS} s measured…`,
  );
  const heartbeats = await openLoop(
    platform.base,
    schedule(WARMUP_SECONDS + SECONDS, (i, k, at) => ({
      at,
      path: `/api/learn/viewings/${learners[i]!.viewingId}/heartbeats`,
      body: () => JSON.stringify(claim(k)),
      headers: { cookie: `bhs_session=${learners[i]!.token}` },
    })),
    { measureFromMs: WARMUP_SECONDS * 1000 },
  );
  report('heartbeats', heartbeats);

  const counted = await countedHeartbeats(database.url);
  console.log(`stored heartbeats: ${counted.total}, counted ${counted.counted}, refused ${counted.total - counted.counted}`);
  const p99 = quantile(heartbeats.latencies, 0.99);
  const ratio = p99 / quantile(baseline.latencies, 0.99);
  const met = heartbeats.throughput >= 1000 * 0.98 && p99 <= 100 && heartbeats.failed === 0;
  console.log(
    `\nheartbeats: ${heartbeats.throughput.toFixed(0)}/s sustained, p50 ${quantile(heartbeats.latencies, 0.5).toFixed(1)} / p95 ${quantile(heartbeats.latencies, 0.95).toFixed(1)} / p99 ${p99.toFixed(1)} ms ` +
      `(${ratio.toFixed(1)}× the bare route's p99) — target ≥ 1000/s with p99 ≤ 100 ms: ${met ? 'met' : 'not met'}`,
  );
} finally {
  trivial?.kill('SIGTERM');
  await platform?.stop();
  await database.stop();
  await fs.rm(scratch, { recursive: true, force: true });
}

function report(label: string, result: LoadResult) {
  const q = (p: number) => quantile(result.latencies, p).toFixed(1);
  const failures = result.failed ? `; failures by status ${JSON.stringify(result.statuses)}` : '';
  console.log(
    `  ${label}: ${result.ok}/${result.sent} ok, ${result.throughput.toFixed(0)}/s; p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms${failures}`,
  );
}

/**
 * Learners of the first demo enterprise, enrolled in an hour-long video lesson with no presence
 * checks (a check would stop counting until answered), each with a session and a viewing
 * started now. Inserted as the tables' owner, in a few statements.
 */
async function insertLearners(url: string, count: number): Promise<{ viewingId: string; token: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows: enterprise } = await client.query<{ id: string }>(`SELECT "enterpriseId" AS id FROM app_user WHERE username = 'worker1'`);
    const enterpriseId = enterprise[0]!.id;
    const { rows: media } = await client.query<{ id: string }>(
      `INSERT INTO media_asset (id, kind, status, "originalName", "contentType", "sizeBytes", "sourceKey", "durationMs", "updatedAt")
       VALUES (gen_random_uuid(), 'VIDEO', 'READY', 'bench.mp4', 'video/mp4', 1, 'media/bench/source', 3600000, now()) RETURNING id`,
    );
    const { rows: course } = await client.query<{ id: string }>(
      `INSERT INTO course (id, code, title, category, published, "updatedAt") VALUES (gen_random_uuid(), 'BENCH', '压测课程', '压测', true, now()) RETURNING id`,
    );
    const { rows: lesson } = await client.query<{ id: string }>(
      `INSERT INTO lesson (id, "courseId", position, title, kind, "mediaAssetId", "durationSeconds", "presenceChecks", "updatedAt")
       VALUES (gen_random_uuid(), $1, 1, '压测课时', 'VIDEO', $2, 3600, 0, now()) RETURNING id`,
      [course[0]!.id, media[0]!.id],
    );
    await client.query(
      `INSERT INTO app_user (id, username, "passwordHash", "displayName", role, "enterpriseId", "updatedAt")
       SELECT gen_random_uuid(), 'bench-learner-' || i, 'not-a-password', '学员' || i, 'WORKER', $2, now() FROM generate_series(1, $1::int) i`,
      [count, enterpriseId],
    );
    await client.query(
      `INSERT INTO session (id, "tokenHash", "userId", "expiresAt")
       SELECT gen_random_uuid(), encode(sha256(convert_to('bench-token-' || u.username, 'UTF8')), 'hex'), u.id, now() + interval '1 day'
         FROM app_user u WHERE u.username LIKE 'bench-learner-%'`,
    );
    await client.query(
      `INSERT INTO enrolment (id, "courseId", "userId", "enterpriseId", status)
       SELECT gen_random_uuid(), $1, u.id, u."enterpriseId", 'IN_PROGRESS' FROM app_user u WHERE u.username LIKE 'bench-learner-%'`,
      [course[0]!.id],
    );
    await client.query(
      `INSERT INTO lesson_progress (id, "enrolmentId", "lessonId", "updatedAt") SELECT gen_random_uuid(), e.id, $1, now() FROM enrolment e WHERE e."courseId" = $2`,
      [lesson[0]!.id, course[0]!.id],
    );
    const { rows } = await client.query<{ viewingId: string; username: string }>(
      `INSERT INTO play_session (id, "userId", "lessonId", "enrolmentId", "deviceId", "startedAt", "clientStartedAt", "checkAt")
       SELECT gen_random_uuid(), e."userId", $1, e.id, 'bench-device-' || e."userId", now(), now(), '{}' FROM enrolment e WHERE e."courseId" = $2
       RETURNING id AS "viewingId", (SELECT username FROM app_user WHERE id = "userId") AS username`,
      [lesson[0]!.id, course[0]!.id],
    );
    await client.query('COMMIT');
    return rows.map((r) => ({ viewingId: r.viewingId, token: `bench-token-${r.username}` }));
  } finally {
    await client.end();
  }
}

async function countedHeartbeats(url: string): Promise<{ total: number; counted: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ total: string; counted: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE rejection IS NULL) AS counted FROM learning_heartbeat`,
    );
    return { total: Number(rows[0]!.total), counted: Number(rows[0]!.counted) };
  } finally {
    await client.end();
  }
}
