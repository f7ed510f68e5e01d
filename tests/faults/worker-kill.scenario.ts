// Scenario 2: kill -9 of the worker transcoding an upload; another worker completes the job, with
// no duplicate job, no orphan files, and the dead worker's scratch removed when it starts again.
import { processesWith } from '../support/processes.ts';
import { sleep } from './fault-client.ts';
import {
  Recorder,
  alive,
  derivedReport,
  settledJobsOf,
  scratchOf,
  startedOn,
  uploadWhole,
  waitUntil,
  type FaultWorld,
  type ScenarioReport,
} from './fault-kit.ts';

export async function workerKillMidTranscode(world: FaultWorld): Promise<ScenarioReport> {
  const r = new Recorder('2. kill -9 of a worker mid-transcode');
  const { cluster, officer } = world;
  const meetingId = await officer.reportMeeting('故障-转码中断');
  const { assetId } = await uploadWhole(officer, meetingId, 'worker-kill.mp4', world.video.bytes);
  const first = await waitUntil(() => startedOn(world.workers.filter(alive), assetId), 60_000);
  if (!r.expect(first !== null, 'no worker started the job within 60 s')) return r.finish();
  const victim = first!.worker;
  // Into the encode: progress written, nothing finished.
  await waitUntil(async () => {
    const media = await officer.call<{ progress: number }>('GET', `/api/media/${assetId}`);
    return media.status === 200 && media.body.progress > 0;
  }, 30_000);
  await sleep(1_000);
  const leftBehind = await scratchOf(cluster, victim.name);
  const killedAt = Date.now();
  victim.kill('SIGKILL');
  await victim.exited;
  r.say(`${victim.name} SIGKILLed mid-transcode of ${assetId}; its scratch holds [${leftBehind.join(', ')}]`);
  // Its ffmpeg children are not killed with it; they end at their next write to the closed
  // progress pipe. In a container (or a systemd unit, KillMode=control-group) they die with the
  // worker's group; here the run ends any still there, after saying how many there were.
  await sleep(500);
  const orphans = processesWith(cluster.workDirOf(victim.name));
  r.say(`ffmpeg processes of the killed worker still running: ${orphans.length}${orphans.length ? ' (ended by the run)' : ''}`);
  for (const pid of orphans) process.kill(pid, 'SIGKILL');

  const others = world.workers.filter((w) => w !== victim && alive(w));
  const second = await waitUntil(() => startedOn(others, assetId), 120_000);
  if (!r.expect(second !== null, 'no other worker took the job over within 120 s')) return r.finish();
  r.time(
    `hand-over to ${second!.worker.name} (attempt ${second!.attempt}; bounded by heartbeatSeconds 30 + JOB_MONITOR_SECONDS)`,
    Date.now() - killedAt,
  );
  const media = await officer.waitForMedia(assetId, ['READY'], 180_000);
  r.time('kill → asset READY', Date.now() - killedAt);
  r.expect(media?.status === 'READY', `asset is ${media?.status ?? 'unknown'}, not READY`);

  const jobs = await settledJobsOf(cluster, assetId);
  r.say(`media.process jobs of the asset: ${jobs.map((j) => `${j.state} (retries ${j.retry_count})`).join(', ')}`);
  r.expect(
    jobs.length === 1 && jobs[0]!.state === 'completed',
    `exactly one completed job (got ${jobs.length}: ${jobs.map((j) => j.state).join(', ')})`,
  );
  const derived = await derivedReport(world, assetId);
  r.say(
    `renditions in the database: ${derived.renditions.join(', ')}; orphan keys in the bucket: ${derived.orphans.length}; missing: ${derived.missing.length}`,
  );
  r.expect(derived.orphans.length === 0, `orphan keys: ${derived.orphans.slice(0, 5).join(', ')}`);
  r.expect(derived.missing.length === 0, `keys referenced but absent: ${derived.missing.slice(0, 5).join(', ')}`);
  r.expect(
    new Set(derived.renditions).size === derived.renditions.length && derived.renditions.length > 0,
    'renditions duplicated or none',
  );

  // The killed worker's scratch: removed when a worker starts on that directory again.
  const before = await scratchOf(cluster, victim.name);
  const restarted = await cluster.startWorker(victim.name);
  world.workers[world.workers.indexOf(victim)] = restarted;
  const after = await scratchOf(cluster, victim.name);
  const swept = restarted.logLines().find((l) => typeof l.swept === 'number');
  r.say(
    `${victim.name} restarted: scratch before [${before.join(', ')}], after [${after.join(', ')}]${swept ? ` (logged: swept ${swept.swept})` : ''}`,
  );
  r.expect(after.length === 0, `scratch leftovers after restart: ${after.join(', ')}`);
  return r.finish();
}
