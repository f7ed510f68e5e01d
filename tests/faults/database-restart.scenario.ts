// Scenario 3: PostgreSQL stops for a while with uploads and jobs in flight, then starts again on
// the same port and data. Nothing is restarted: APIs and workers must reconnect by themselves.
import type { Upload } from '@platform/contracts';
import { FaultClient, partBytes, sleep } from './fault-client.ts';
import {
  Recorder,
  alive,
  expectAlive,
  settledJobsOf,
  putInFlight,
  uploadWhole,
  waitUntil,
  type FaultWorld,
  type ScenarioReport,
} from './fault-kit.ts';

const DOWN_SECONDS = Number(process.env.DB_OUTAGE_SECONDS ?? 10);

export async function databaseRestart(world: FaultWorld): Promise<ScenarioReport> {
  const r = new Recorder('3. PostgreSQL restart');
  const { cluster, officer, video } = world;
  // In flight: an upload with one part sent, and a job mid-transcode.
  const { meetingId, pending, transcoding } = await putInFlight(world, r, '故障-数据库重启', 'db-restart', 'before the stop');
  await sleep(1_500);

  const stoppedAt = Date.now();
  await cluster.db.stop();
  r.say(`PostgreSQL stopped for ${DOWN_SECONDS} s`);
  const answers = new Map<string, number>();
  const seen = (label: string) => answers.set(label, (answers.get(label) ?? 0) + 1);
  while (Date.now() - stoppedAt < DOWN_SECONDS * 1000) {
    for (const api of world.apis) {
      const probe = new FaultClient(api.base, officer.cookie);
      const health = await probe.call('GET', '/api/health', undefined, 5_000);
      seen(`GET /api/health → ${health.status}${health.code ? ` ${health.code}` : ''}`);
      const get = await probe.call('GET', `/api/uploads/${pending.id}`, undefined, 5_000);
      seen(`GET /api/uploads/:id → ${get.status}${get.code ? ` ${get.code}` : ''}`);
    }
    await sleep(1_000);
  }
  for (const [label, n] of answers) r.say(`while down: ${label} ×${n}`);
  expectAlive(r, [...world.apis, ...world.workers], 'while the database was down');
  const survivors = [...world.apis, ...world.workers].filter(alive);
  const internal = [...answers.keys()].filter((l) => / (500|0) /.test(`${l} `) && !l.includes('/api/health'));
  r.expect(internal.length === 0, `answers without a retryable code while down: ${internal.join('; ')}`);

  await cluster.db.start();
  const restartedAt = Date.now();
  r.time('PostgreSQL down', restartedAt - stoppedAt);
  const healthy = await waitUntil(async () => {
    const all = await Promise.all(
      world.apis.map((api) => new FaultClient(api.base, officer.cookie).call('GET', '/api/health', undefined, 3_000)),
    );
    return all.every((a) => a.status === 200);
  }, 60_000);
  r.expect(healthy !== null, 'an API did not answer /api/health 200 within 60 s of the restart');
  r.time('restart → every /api/health 200', Date.now() - restartedAt);
  expectAlive(r, survivors, 'after the restart');

  // The upload begun before the stop goes on; a new one starts; all three files end READY.
  const resumed = await officer.json<Upload>('GET', `/api/uploads/${pending.id}`);
  for (const part of resumed.parts) {
    const answer = await officer.sendPart(resumed, part.partNumber, partBytes(resumed, video.bytes, part.partNumber), 'api');
    r.expect(answer.status === 200, `part ${part.partNumber} after the restart: ${answer.status} ${answer.code ?? ''}`);
  }
  const completed = await officer.call('POST', `/api/uploads/${pending.id}/complete`);
  r.expect(completed.status === 200, `completing the upload begun before the stop: ${completed.status} ${completed.code ?? ''}`);
  const fresh = await uploadWhole(officer, meetingId, 'db-restart-after.mp4', video.bytes);
  const assets = {
    'upload begun before the stop': pending.assetId,
    'job in flight at the stop': transcoding.assetId,
    'upload after the restart': fresh.assetId,
  };
  for (const [label, assetId] of Object.entries(assets)) {
    const media = await officer.waitForMedia(assetId, ['READY'], 240_000);
    const jobs = await settledJobsOf(cluster, assetId);
    r.say(
      `${label}: ${media?.status ?? 'unknown'} after ${((Date.now() - restartedAt) / 1000).toFixed(1)} s; jobs ${jobs.map((j) => `${j.state}/${j.retry_count}`).join(', ')}`,
    );
    r.expect(media?.status === 'READY', `${label} (${assetId}) is ${media?.status ?? 'unknown'}`);
    r.expect(jobs.length === 1 && jobs[0]!.state === 'completed', `${label}: jobs ${jobs.map((j) => j.state).join(', ')}`);
  }
  return r.finish();
}
