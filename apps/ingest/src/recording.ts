import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sourceKey, type EventPublisher, type JobQueue, type LiveIngestRepository, type Logger } from '@platform/core';
import type { ObjectStore } from '@platform/storage';
import { runToEnd } from './child-process.ts';

export interface RecordingDeps {
  repo: LiveIngestRepository;
  store: ObjectStore;
  queue: JobQueue;
  events: EventPublisher;
  ffmpeg: string;
  ffprobe: string;
  workDir: string;
  log: Logger;
  /**
   * Longest recording the media pipeline takes from a live: LIVE_MAX_MINUTES, not the uploads'
   * MAX_VIDEO_MINUTES (a two-hour live is not refused as too long), plus room for reconnects.
   */
  maxRecordingSeconds: number;
}

/** A live's working directory: `hls/` (live window) and `rec/part-N.mp4` (the recording). */
export const liveDir = (workDir: string, liveId: string) => path.join(workDir, liveId);
export const recDir = (workDir: string, liveId: string) => path.join(workDir, liveId, 'rec');
export const hlsDir = (workDir: string, liveId: string) => path.join(workDir, liveId, 'hls');

/** Recording parts in order (part-1.mp4, part-2.mp4, …). */
export async function listParts(workDir: string, liveId: string): Promise<string[]> {
  const dir = recDir(workDir, liveId);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names
    .map((n) => ({ n, i: /^part-(\d+)\.mp4$/.exec(n)?.[1] }))
    .filter((p): p is { n: string; i: string } => p.i !== undefined)
    .sort((a, b) => Number(a.i) - Number(b.i))
    .map((p) => path.join(dir, p.n));
}

/** The number the next part of a live takes. */
export async function nextPartNumber(workDir: string, liveId: string): Promise<number> {
  const parts = await listParts(workDir, liveId);
  const last = parts.at(-1);
  return last ? Number(/part-(\d+)\.mp4$/.exec(last)![1]) + 1 : 1;
}

/** Forbidden in file names on the platforms people download to, and path separators. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const unsafeName = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * Turns an ended live's recording parts into one MP4 and hands it to the media pipeline exactly as
 * a completed upload is: the file under the asset's source key, a VIDEO asset marked UPLOADED,
 * `media.process` queued, `media.status` published. The asset joins the live's meeting (its own,
 * or the reported meeting of its team, shift and date), or waits staged for that meeting's report.
 * The live's working directory is removed once the recording is stored.
 */
export async function finalizeRecording(deps: RecordingDeps, liveId: string): Promise<string | null> {
  const { repo, log } = deps;
  const dir = liveDir(deps.workDir, liveId);
  const live = await repo.findLive(liveId);
  if (!live) {
    await fs.rm(dir, { recursive: true, force: true });
    return null;
  }
  const parts: string[] = [];
  const found = await listParts(deps.workDir, liveId);
  for (const part of found) if (await hasMedia(deps.ffprobe, part)) parts.push(part);
  if (parts.length < found.length)
    log.info({ liveId, skipped: found.filter((p) => !parts.includes(p)).map((p) => path.basename(p)) }, 'empty recording parts skipped');
  if (parts.length === 0) {
    log.info({ liveId }, 'live ended with nothing recorded');
    await fs.rm(dir, { recursive: true, force: true });
    return null;
  }
  const list = path.join(dir, 'parts.txt');
  const joined = path.join(dir, 'recording.mp4');
  await fs.writeFile(list, parts.map((p) => `file '${p.replace(/'/g, "'\\''")}'\n`).join(''));
  const concat = await runToEnd(
    deps.ffmpeg,
    [
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-map',
      '0',
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      joined,
    ],
    30 * 60_000,
  );
  if (concat.code !== 0) throw new Error(`joining the recording parts of live ${liveId} failed: ${concat.stderr.slice(-500)}`);
  const { size } = await fs.stat(joined);

  const meetingId =
    live.meetingId ??
    (live.teamId && live.shiftId && live.meetingDate ? await repo.findMeetingId(live.teamId, live.shiftId, live.meetingDate) : null);
  // Waits for the report of its team's shift; a live that names no meeting slot stays the enterprise's file.
  const staged = meetingId === null && Boolean(live.teamId && live.shiftId && live.meetingDate);
  const assetId = randomUUID();
  const key = sourceKey(assetId);
  await deps.store.putFile(key, joined, { contentType: 'video/mp4', contentLength: size });
  const title = live.title.replace(unsafeName, '_').trim() || liveId;
  await repo.createRecordingAsset({
    id: assetId,
    enterpriseId: live.enterpriseId,
    meetingId,
    staged,
    originalName: `直播录像-${title}.mp4`,
    sizeBytes: size,
    sourceKey: key,
    createdById: live.createdById,
  });
  await repo.setRecording(liveId, assetId, meetingId);
  await deps.queue.send('media.process', { assetId, maxDurationSeconds: deps.maxRecordingSeconds }, { singletonKey: assetId });
  await deps.events.publish({
    type: 'media.status',
    assetId,
    meetingId,
    enterpriseId: live.enterpriseId,
    zoneId: live.zoneId,
    status: 'UPLOADED',
    progress: 0,
  });
  await deps.events.publish({
    type: 'live.changed',
    liveId,
    enterpriseId: live.enterpriseId,
    zoneId: live.zoneId,
    status: 'ENDED',
    interrupted: false,
    meetingId,
  });
  log.info({ liveId, assetId, meetingId, staged, parts: parts.length, bytes: size }, 'live recording stored and queued');
  await fs.rm(dir, { recursive: true, force: true });
  return assetId;
}

/** Does a recording part hold any video (a publisher that dropped at once leaves an empty one)? */
async function hasMedia(ffprobe: string, file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat || stat.size < 1024) return false;
  const probe = await runToEnd(
    ffprobe,
    ['-v', 'error', '-select_streams', 'v:0', '-read_intervals', '%+#1', '-show_entries', 'packet=pts', '-of', 'csv=p=0', file],
    60_000,
  );
  return probe.code === 0 && probe.stdout.trim().length > 0;
}
