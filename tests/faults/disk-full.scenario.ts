// Scenario 5: a worker whose scratch disk is full (a 2 MB tmpfs) takes a video; its attempt fails
// naming the disk, its scratch is left clean, and the retry completes on a normal worker.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Recorder, alive, jobsOf, startedOn, uploadWhole, waitUntil, type FaultWorld, type ScenarioReport } from './fault-kit.ts';

const run = promisify(execFile);

export async function scratchDiskFull(world: FaultWorld): Promise<ScenarioReport> {
  const r = new Recorder('5. scratch disk full');
  const { cluster, officer, video } = world;
  const tiny = path.join(world.tmp, 'tiny-scratch');
  await fs.mkdir(tiny, { recursive: true });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', tiny]);
  } catch (error) {
    // Without a tmpfs there is no honest full disk to offer (prlimit --fsize kills Node with SIGXFSZ
    // instead of failing the write), so the scenario says so rather than pretend.
    r.say(`mount -t tmpfs failed (${(error as Error).message.split('\n')[0]}): scenario not run`);
    r.expect(false, 'scenario not run: no tmpfs');
    return r.finish();
  }
  try {
    // Only the full-disk worker runs, so it takes the job.
    for (const w of world.workers.filter(alive)) {
      w.kill('SIGKILL');
      await w.exited;
    }
    const full = await cluster.startWorker('worker-3', { WORK_DIR: tiny });
    r.say(
      `other workers stopped; worker-3 started with WORK_DIR on a 2 MB tmpfs (the video is ${(video.bytes.length / 1048576).toFixed(1)} MB)`,
    );
    const meetingId = await officer.reportMeeting('故障-磁盘已满');
    const uploadedAt = Date.now();
    const { assetId } = await uploadWhole(officer, meetingId, 'disk-full.mp4', video.bytes);
    const failure = await waitUntil(() => full.logLines().find((l) => l.msg === 'job failed' && l.assetId === assetId), 60_000);
    const reason = (failure?.err as { message?: string; code?: string } | undefined) ?? {};
    r.say(
      `worker-3's log: "job failed" attempt ${String(failure?.attempt)}, willRetry ${String(failure?.willRetry)}, err ${reason.code ?? ''} "${reason.message ?? ''}"`,
    );
    r.expect(!!failure, 'worker-3 logged no failed attempt within 60 s');
    r.expect(/ENOSPC|no space/i.test(`${reason.code} ${reason.message}`), 'the failure does not name the full disk (ENOSPC)');
    const [job] = await jobsOf(cluster, assetId);
    const recorded = JSON.stringify(job?.output ?? null);
    r.say(`pgboss.job: state ${job?.state}, retries ${job?.retry_count}, output ${recorded.slice(0, 160)}`);
    r.expect(/ENOSPC|no space/i.test(recorded), "the job's recorded output does not name the full disk");
    const left = await fs.readdir(tiny);
    r.say(`worker-3's scratch after the failed attempt: [${left.join(', ')}]`);
    r.expect(left.length === 0, `scratch left behind on the full disk: ${left.join(', ')}`);

    // A normal worker takes the retry (the full-disk one is stopped so it cannot take it again).
    full.kill('SIGKILL');
    await full.exited;
    const normal = await cluster.startWorker('worker-4');
    world.workers.push(normal);
    const retried = await waitUntil(() => startedOn([normal], assetId), 60_000);
    r.say(`retry started on worker-4: attempt ${retried?.attempt ?? 'none'}`);
    const media = await officer.waitForMedia(assetId, ['READY'], 180_000);
    r.time('upload → READY (through the failed attempt)', Date.now() - uploadedAt);
    r.expect(media?.status === 'READY', `asset is ${media?.status ?? 'unknown'}${media?.failure ? ` (${media.failure.code})` : ''}`);
    const jobs = await jobsOf(cluster, assetId);
    r.expect(jobs.length === 1 && jobs[0]!.state === 'completed', `jobs: ${jobs.map((j) => `${j.state}/${j.retry_count}`).join(', ')}`);
    r.say(`jobs of the asset: ${jobs.map((j) => `${j.state} (retries ${j.retry_count})`).join(', ')}`);
  } finally {
    await run('umount', [tiny]).catch(() => {});
  }
  return r.finish();
}
