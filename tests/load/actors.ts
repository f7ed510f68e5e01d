// What the people of the morning do, over the API: an officer reports a meeting as the web app
// does (loads the form's teams and shifts and the day's board, reports, then uploads photos and a
// video through the resumable protocol); a wall screen follows the event stream and fetches each
// new meeting and the day's counts; a learner starts a viewing and sends a heartbeat every 10 s.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Meeting, PlatformEvent, Upload, UploadCompletion, Viewing } from '@platform/contracts';
import { ApiClient, CallError } from './client.ts';
import type { Learner, Officer } from './fixtures.ts';

export interface MediaFile {
  name: string;
  bytes: Buffer<ArrayBuffer>;
  contentType: string;
  kind: 'PHOTO' | 'VIDEO';
}

/**
 * Real camera JPEGs from `photosDir` (falling back to the generated sample photo when it is
 * missing) and the 8 s 720p H.264/AAC sample video (generated with ffmpeg when missing).
 */
export function loadMediaFiles(projectRoot: string, photosDir: string): { photos: MediaFile[]; video: MediaFile | null; note: string } {
  const samples = path.join(projectRoot, 'media-samples', 'out');
  const videoFile = path.join(samples, 'landscape-720p-h264-aac.mp4');
  if (!existsSync(videoFile)) {
    try {
      execFileSync(process.execPath, [path.join(projectRoot, 'media-samples', 'generate.mjs')], { stdio: 'inherit' });
    } catch {
      // No ffmpeg: the run goes on with photos only, and says so.
    }
  }
  let photos: MediaFile[] = [];
  let note = '';
  if (existsSync(photosDir)) {
    photos = readdirSync(photosDir)
      .filter((f) => /\.jpe?g$/i.test(f))
      .sort()
      .map((f) => ({ name: f, bytes: readFileSync(path.join(photosDir, f)), contentType: 'image/jpeg', kind: 'PHOTO' as const }));
    note = `${photos.length} real photos from ${photosDir}`;
  }
  if (!photos.length) {
    const plain = path.join(samples, 'photo-plain.jpg');
    if (existsSync(plain)) photos = [{ name: 'photo-plain.jpg', bytes: readFileSync(plain), contentType: 'image/jpeg', kind: 'PHOTO' }];
    note = `no photos in ${photosDir}; the generated sample photo instead`;
  }
  const video = existsSync(videoFile)
    ? { name: 'meeting.mp4', bytes: readFileSync(videoFile), contentType: 'video/mp4', kind: 'VIDEO' as const }
    : null;
  return { photos, video, note: video ? note : `${note}; no video (ffmpeg missing)` };
}

/** One uploaded file's way through the pipeline, as the clients saw it (performance.now() times). */
export interface MediaSeen {
  kind: 'PHOTO' | 'VIDEO';
  bytes: number;
  completedAt: number;
  playableAt?: number;
  readyAt?: number;
  failedAt?: number;
}

/** Shared by every actor of a run: what was reported and uploaded, and what the walls received. */
export class RunLedger {
  readonly media = new Map<string, MediaSeen>();
  /** When POST /api/meetings was answered, by meeting id. */
  readonly reported = new Map<string, number>();
  meetingsStarted = 0;
  meetingsDone = 0;
  meetingsFailed = 0;
  /** Meetings not started because the officer had no free slot left (raise the slots). */
  meetingsWithoutSlot = 0;
  uploadsCompleted = 0;
  uploadsFailed = 0;
  uploadBytes = 0;
  /** Events received by wall clients, all together, by type. */
  readonly eventsByType = new Map<string, number>();
  /** meeting.reported: time from the POST's answer to a wall's receipt (ms; negative: before the answer). */
  readonly reportDelays: number[] = [];
  /** When a wall's stream ended and was opened again (performance.now()). */
  readonly wallReconnects: number[] = [];
  heartbeatsCounted = 0;
  heartbeatsRejected = new Map<string, number>();

  readonly #early = new Map<string, [PlatformEvent, number][]>();
  readonly #earlyReports = new Map<string, number[]>();

  /** POST /api/meetings was answered now: walls' receipts are timed from here (negative when they came first). */
  answered(meetingId: string, at: number): void {
    this.reported.set(meetingId, at);
    for (const seen of this.#earlyReports.get(meetingId) ?? []) this.reportDelays.push(seen - at);
    this.#earlyReports.delete(meetingId);
  }

  /** Forgets everything so far (the end of a warm-up); media still in flight stay out of the figures. */
  reset(): void {
    this.media.clear();
    this.reported.clear();
    this.eventsByType.clear();
    this.reportDelays.length = 0;
    this.wallReconnects.length = 0;
    this.heartbeatsRejected.clear();
    this.#early.clear();
    this.#earlyReports.clear();
    this.meetingsStarted = this.meetingsDone = this.meetingsFailed = this.meetingsWithoutSlot = 0;
    this.uploadsCompleted = this.uploadsFailed = this.uploadBytes = this.heartbeatsCounted = 0;
  }

  /** An upload was completed: its status events are followed from now on (and any that came first). */
  completed(assetId: string, seen: MediaSeen): void {
    this.media.set(assetId, seen);
    for (const [event, at] of this.#early.get(assetId) ?? []) this.onEvent(event, at);
    this.#early.delete(assetId);
  }

  /** Called by every wall client for every event it receives. */
  onEvent(event: PlatformEvent, at: number): void {
    this.eventsByType.set(event.type, (this.eventsByType.get(event.type) ?? 0) + 1);
    if (event.type === 'meeting.reported') {
      const answered = this.reported.get(event.meetingId);
      if (answered !== undefined) this.reportDelays.push(at - answered);
      // The event is published before the POST's answer is sent, so it often arrives first.
      else this.#earlyReports.set(event.meetingId, [...(this.#earlyReports.get(event.meetingId) ?? []), at]);
    }
    if (event.type === 'media.status') {
      const seen = this.media.get(event.assetId);
      if (!seen) {
        // Its upload's completion answer may not have been read yet.
        if (!this.#early.has(event.assetId)) this.#early.set(event.assetId, []);
        this.#early.get(event.assetId)!.push([event, at]);
        return;
      }
      if (event.status === 'PLAYABLE') seen.playableAt ??= at;
      if (event.status === 'READY') {
        seen.readyAt ??= at;
        seen.playableAt ??= at;
      }
      if (event.status === 'FAILED') seen.failedAt ??= at;
    }
  }
}

/** Shanghai's date today (the meeting date an officer reports). */
export function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * One meeting of `officer`, due at `dueAt`: the report page's loads, the report, then each file
 * through create → parts → complete (one after another, as the phone's outbox sends them).
 */
export async function reportMeeting(
  client: ApiClient,
  officer: Officer,
  seq: number,
  files: MediaFile[],
  ledger: RunLedger,
  dueAt: number,
): Promise<void> {
  const slot = officer.slots[seq];
  if (!slot) {
    ledger.meetingsWithoutSlot++;
    return;
  }
  ledger.meetingsStarted++;
  try {
    const day = shanghaiToday();
    const e = { id: officer.enterpriseId };
    await client.call('getMe', { dueAt });
    await Promise.all([
      client.call('listTeams', { params: e }),
      client.call('listShifts', { params: e }),
      client.call('getBoard', { params: e, query: { date: day } }),
    ]);
    const meeting = await client.call<Meeting>('reportMeeting', {
      body: {
        teamId: slot.teamId,
        shiftId: slot.shiftId,
        meetingDate: day,
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        hostName: '压测班长',
        taskBriefing: '装卸作业，叉车转运原料桶',
        safetyBriefing: '注意车辆伤害与物体打击',
        measureBriefing: '设置警戒区，专人指挥',
        attireChecked: true,
        mentalChecked: true,
        ppeChecked: true,
        attendance: slot.memberIds.map((id) => ({ teamMemberId: id, present: true })),
        hazards: ['车辆伤害'],
      },
    });
    ledger.answered(meeting.id, performance.now());
    for (const file of files) await uploadFile(client, meeting.id, file, ledger);
    ledger.meetingsDone++;
  } catch (error) {
    ledger.meetingsFailed++;
    if (!(error instanceof CallError)) throw error;
  }
}

async function uploadFile(client: ApiClient, meetingId: string, file: MediaFile, ledger: RunLedger): Promise<void> {
  try {
    const upload = await client.call<Upload>('createUpload', {
      body: { meetingId, fileName: file.name, size: file.bytes.length, contentType: file.contentType },
    });
    for (const part of upload.parts) {
      const start = (part.partNumber - 1) * upload.partSize;
      await client.putPart(part.url, file.bytes.subarray(start, start + part.size));
    }
    const done = await client.call<UploadCompletion>('completeUpload', { params: { id: upload.id } });
    ledger.completed(done.assetId, { kind: file.kind, bytes: file.bytes.length, completedAt: performance.now() });
    ledger.uploadsCompleted++;
    ledger.uploadBytes += file.bytes.length;
  } catch (error) {
    ledger.uploadsFailed++;
    throw error;
  }
}

/**
 * A command-centre wall screen: follows /api/events; for each meeting reported fetches it (the
 * tile), and after a burst of events the day's counts (debounced as the web app's 400 ms), plus
 * the counts every 30 s. Runs until `signal` aborts.
 */
export async function runWall(client: ApiClient, ledger: RunLedger, signal: AbortSignal): Promise<void> {
  const day = shanghaiToday();
  const ignore = (p: Promise<unknown>) => void p.catch(() => {});
  let statsTimer: ReturnType<typeof setTimeout> | null = null;
  const statsSoon = () => {
    if (statsTimer || signal.aborted) return;
    statsTimer = setTimeout(() => {
      statsTimer = null;
      ignore(client.call('getWallStats', { query: { date: day } }));
    }, 400);
  };
  ignore(client.call('getWallStats', { query: { date: day } }));
  ignore(client.call('listMeetings', { query: { from: day, to: day } }));
  await client.follow(
    (event, at) => {
      ledger.onEvent(event, at);
      if (event.type === 'meeting.reported' || event.type === 'meeting.updated') {
        statsSoon();
        ignore(client.call('getMeeting', { params: { id: event.meetingId } }));
      }
    },
    signal,
    () => ledger.wallReconnects.push(performance.now()),
  );
  const every = setInterval(() => ignore(client.call('getWallStats', { query: { date: day } })), 30_000);
  signal.addEventListener('abort', () => {
    clearInterval(every);
    if (statsTimer) clearTimeout(statsTimer);
  });
}

/**
 * A learner's viewing: the first arrival starts it (the player starts once the answer is in), each
 * later one sends a heartbeat claiming the seconds played since the previous claim, as the phone
 * would: never more than has elapsed since the viewing's answer.
 */
export class LearnerViewing {
  #viewing: Promise<{ id: string; playingSince: number }> | null = null;
  #claimed = 0;

  constructor(
    readonly client: ApiClient,
    readonly learner: Learner,
  ) {}

  /** Arrival number `seq` of this learner, due at `dueAt`. */
  async beat(seq: number, dueAt: number, ledger: RunLedger): Promise<void> {
    if (!this.#viewing) {
      this.#viewing = this.client
        .call<Viewing>('startViewing', {
          params: { id: this.learner.lessonId },
          body: { deviceId: `load-device-${this.learner.username}`, clientNow: Date.now() },
          dueAt,
        })
        .then((v) => ({ id: v.sessionId, playingSince: Date.now() }));
      await this.#viewing;
      return;
    }
    const viewing = await this.#viewing;
    const played = Math.min(Math.floor((Date.now() - viewing.playingSince) / 1000), this.learner.durationSeconds);
    if (played <= this.#claimed) return;
    const from = this.#claimed;
    this.#claimed = played;
    const answer = await this.client.call<{ results: { outcome: string; rejection: string | null }[] }>('sendHeartbeats', {
      params: { id: viewing.id },
      body: { beats: [{ seq, clientAt: Date.now(), ranges: [[from, played]], position: played }] },
      dueAt,
    });
    for (const r of answer.results) {
      if (r.outcome === 'counted') ledger.heartbeatsCounted++;
      else {
        const key = r.rejection ?? r.outcome;
        ledger.heartbeatsRejected.set(key, (ledger.heartbeatsRejected.get(key) ?? 0) + 1);
      }
    }
  }
}
