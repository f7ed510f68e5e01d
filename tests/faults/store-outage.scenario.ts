// Scenario 4: the object store is gone for STORE_OUTAGE_SECONDS (default 60) while a client uploads
// and a worker transcodes. The client retries with the web app's backoff; the job's attempt fails
// and is retried; once the store is back, both finish and nothing is lost.
import type { Upload } from '@platform/contracts';
import { QUEUES } from '@platform/jobs';
import { backoffMs, partBytes, sha256, sleep } from './fault-client.ts';
import { Recorder, putInFlight, settledJobsOf, type FaultWorld, type ScenarioReport } from './fault-kit.ts';

const OUTAGE_SECONDS = Number(process.env.STORE_OUTAGE_SECONDS ?? 60);

export async function storeOutage(world: FaultWorld): Promise<ScenarioReport> {
  const r = new Recorder(`4. object store unavailable for ${OUTAGE_SECONDS} s`);
  // pg-boss waits retryDelay × 2^n × (1 + random) before retry n+1: at the least, the last retry
  // comes this long after the first failure. An outage longer than that can fail a job for good.
  const { retryLimit, retryDelay } = QUEUES['media.process'];
  const budget = Array.from({ length: retryLimit }, (_, n) => retryDelay * 2 ** n).reduce((a, b) => a + b, 0);
  r.say(`media.process: ${retryLimit} retries, the last at least ${budget} s after the first failure (outage ${OUTAGE_SECONDS} s)`);
  r.expect(
    budget > OUTAGE_SECONDS,
    `a job failing at the outage's start can use up its retries before the store is back (${budget} s ≤ ${OUTAGE_SECONDS} s)`,
  );
  const { cluster, officer, video } = world;
  const { pending, transcoding } = await putInFlight(world, r, '故障-存储中断', 'store-outage', 'before the outage');
  await sleep(1_000);

  const killedAt = Date.now();
  await cluster.store.kill();
  const back = sleep(OUTAGE_SECONDS * 1000).then(async () => {
    await cluster.store.start();
    return Date.now();
  });
  r.say('store SIGKILLed');

  // The client: like the web app, after a failure it asks the API which parts arrived, then sends the rest.
  const answers = new Map<string, number>();
  let upload: Upload = pending;
  let failures = 0;
  let stale = false;
  let finished: number | null = null;
  while (finished === null && Date.now() - killedAt < (OUTAGE_SECONDS + 120) * 1000) {
    let failed: string | null = null;
    if (stale) {
      const got = await officer.call<Upload>('GET', `/api/uploads/${pending.id}`);
      if (got.status === 200) upload = got.body;
      else failed = `GET /api/uploads/:id → ${got.status} ${got.code ?? ''}`;
    }
    for (const part of failed ? [] : upload.parts) {
      const answer = await officer.sendPart(upload, part.partNumber, partBytes(upload, video.bytes, part.partNumber), 'api');
      if (answer.status !== 200) {
        failed = `PUT part → ${answer.status} ${answer.code ?? ''}`;
        break;
      }
      failures = 0;
    }
    if (!failed) {
      const completed = await officer.call('POST', `/api/uploads/${pending.id}/complete`);
      if (completed.status === 200) finished = Date.now();
      else failed = `POST complete → ${completed.status} ${completed.code ?? ''}`;
    }
    if (failed) {
      answers.set(failed, (answers.get(failed) ?? 0) + 1);
      stale = true;
      await sleep(backoffMs(++failures));
    }
  }
  const restartedAt = await back;
  for (const [label, n] of answers) r.say(`client saw: ${label} ×${n}`);
  r.time('store down', restartedAt - killedAt);
  r.expect(finished !== null, `the upload did not complete within 120 s of the store's return`);
  if (finished) r.time('store back → upload completed', finished - restartedAt);
  const unclear = [...answers.keys()].filter((l) => !/ 503 \w+/.test(l));
  r.expect(unclear.length === 0, `answers during the outage that are not 503 with a code: ${unclear.join('; ')}`);

  for (const [label, assetId] of Object.entries({
    'upload across the outage': pending.assetId,
    'job in flight at the outage': transcoding.assetId,
  })) {
    const media = await officer.waitForMedia(assetId, ['READY'], 240_000);
    const jobs = await settledJobsOf(cluster, assetId);
    const failedAttempts = world.workers
      .flatMap((w) => w.logLines())
      .filter((l) => l.msg === 'job failed' && l.assetId === assetId)
      .map(
        (l) =>
          `attempt ${String(l.attempt)} (willRetry ${String(l.willRetry)}: ${String((l.err as { message?: string } | undefined)?.message ?? '').slice(0, 80)})`,
      );
    r.say(
      `${label}: ${media?.status ?? 'unknown'}; jobs ${jobs.map((j) => `${j.state}/${j.retry_count}`).join(', ')}; failed attempts: ${failedAttempts.join('; ') || 'none'}`,
    );
    r.expect(
      media?.status === 'READY',
      `${label} (${assetId}) is ${media?.status ?? 'unknown'}${media?.failure ? ` (${media.failure.code})` : ''}`,
    );
  }
  const stored = await cluster.store.bucket.read(`media/${pending.assetId}/source`).catch(() => Buffer.alloc(0));
  r.expect(sha256(stored) === video.sha256, `the original's bytes (${stored.length} of ${video.bytes.length})`);
  r.say(`original of the upload across the outage: sha256 ${sha256(stored) === video.sha256 ? 'equals' : 'DIFFERS FROM'} the file's`);
  return r.finish();
}
