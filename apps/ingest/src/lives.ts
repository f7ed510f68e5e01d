import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import type { LiveEndReason, LiveGap } from '@platform/contracts';
import { streamKeyMatches, type EventPublisher, type IngestLive, type LiveIngestRepository, type Logger } from '@platform/core';
import type { NmsSession } from 'node-media-server';
import { MediaServer, videoCodecOf, type StreamPath } from './media-server.ts';
import { nextSegmentNumber, Packager } from './packager.ts';
import { finalizeRecording, hlsDir, listParts, nextPartNumber, recDir, type RecordingDeps } from './recording.ts';
import path from 'node:path';
import { readdirSync } from 'node:fs';

export interface LiveSettings {
  maxTotal: number;
  maxMinutes: number;
  reconnectGraceSeconds: number;
  hls: { segmentSeconds: number; window: number };
}

/** What the lives need of the camera side: keep a camera's pull running while a live records it. */
export interface CameraPulls {
  acquire(cameraId: string, holder: string): void;
  release(cameraId: string, holder: string): void;
  /** The camera's stream is now publishing into node-media-server. */
  onCameraUp?(cameraId: string): void;
  onCameraDown?(cameraId: string): void;
}

type State = 'waiting' | 'on-air' | 'interrupted' | 'ending';

/** One live this ingest runs. */
interface Runtime {
  live: IngestLive;
  /** Where its pictures come from in node-media-server. */
  source: StreamPath;
  /** What low-latency viewers get: the source, or its H.264 copy when the source needed encoding. */
  viewPath: StreamPath;
  state: State;
  publisher: NmsSession | null;
  packager: Packager | undefined;
  graceTimer?: NodeJS.Timeout;
  maxTimer?: NodeJS.Timeout;
  windowTimer?: NodeJS.Timeout;
  /** Serialises source up/down handling of this live. */
  chain: Promise<void>;
}

const refusal = (reason: string) => reason;

/**
 * The lives on air in this ingest: who may publish, packaging and recording while on air,
 * publisher drops and their grace, limits, and the end (the recording then goes to the pipeline).
 */
export class LiveManager {
  private readonly runtimes = new Map<string, Runtime>();
  /** Sessions refused in prePublish: node-media-server still goes on to make them publishers. */
  private readonly refused = new Set<string>();
  private readonly finalizing = new Set<Promise<unknown>>();
  readonly internalKey: string;
  cameras: CameraPulls | undefined;

  constructor(
    private readonly nms: MediaServer,
    private readonly deps: RecordingDeps & { events: EventPublisher },
    private readonly settings: LiveSettings,
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Our own ffmpeg publishes camera pulls and H.264 copies with this; it is not the HTTP secret.
    this.internalKey = createHmac('sha256', secret).update('ingest-internal-publish').digest('base64url');
  }

  private get repo(): LiveIngestRepository {
    return this.deps.repo;
  }

  private get log(): Logger {
    return this.deps.log;
  }

  /** Lives on air (publishing or in their reconnect grace). */
  get onAirCount(): number {
    return [...this.runtimes.values()].filter((r) => r.state === 'on-air' || r.state === 'interrupted').length;
  }

  runtimeOf(liveId: string): { source: StreamPath; viewPath: StreamPath; cameraId: string | null; publishing: boolean } | null {
    const rt = this.runtimes.get(liveId);
    if (!rt || rt.state === 'ending') return null;
    return { source: rt.source, viewPath: rt.viewPath, cameraId: rt.live.cameraId, publishing: rt.state === 'on-air' };
  }

  /** Packaging ffmpeg of a live (tests look for orphans by it). */
  packagerPid(liveId: string): number | undefined {
    return this.runtimes.get(liveId)?.packager?.pid;
  }

  // ---- node-media-server hooks -------------------------------------------------------------

  prePublish(session: NmsSession): void {
    const [app, name] = [session.streamApp, session.streamName];
    const key = typeof session.streamQuery?.key === 'string' ? session.streamQuery.key : '';
    if (app === 'camera' || app === 'h264') {
      if (!this.isInternalKey(key)) return this.refuse(session, refusal('bad internal key'));
      if (app === 'camera') this.cameraUp(name, session);
      return;
    }
    if (app !== 'live') return this.refuse(session, refusal('unknown application'));
    void this.authorize(name, key)
      .then((outcome) => {
        if (typeof outcome === 'string') return this.refuse(session, outcome);
        // Refused by node-media-server itself (the path already has a publisher).
        if (session.broadcast.publisher !== session) return;
        this.sourceUp(outcome, session);
      })
      .catch((error: unknown) => {
        this.log.error({ err: error, liveId: name }, 'publish check failed; refusing');
        this.refuse(session, 'check failed');
      });
  }

  donePublish(session: NmsSession): void {
    if (this.refused.delete(session.id)) return;
    if (session.streamApp === 'camera') return this.cameraDown(session.streamName);
    if (session.streamApp !== 'live') return;
    const rt = this.runtimes.get(session.streamName);
    if (rt && rt.publisher === session) this.enqueue(rt, () => this.sourceDown(rt, 'PUBLISHER_DROPPED'));
  }

  private isInternalKey(key: string): boolean {
    const a = Buffer.from(key);
    const b = Buffer.from(this.internalKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private refuse(session: NmsSession, reason: string): void {
    this.refused.add(session.id);
    // Its donePublish comes only if node-media-server made it the publisher; forget it either way.
    setTimeout(() => this.refused.delete(session.id), 60_000).unref();
    // Never the key: the path and the address only.
    this.log.warn({ streamPath: session.streamPath, ip: session.ip, reason }, 'publish refused');
    session.close();
  }

  /** The live when this key may publish it now, otherwise why not. */
  private async authorize(liveId: string, key: string): Promise<IngestLive | string> {
    if (!/^[0-9a-f-]{36}$/i.test(liveId)) return 'no such live';
    const live = await this.repo.findLive(liveId);
    if (!live || live.source !== 'PUSH' || !live.streamKeyHash) return 'no such live';
    if (!key || !streamKeyMatches(key, live.streamKeyHash)) return 'wrong key';
    if (live.revokedAt) return 'key revoked';
    if (live.status === 'ENDED') return 'live ended';
    const rt = this.runtimes.get(liveId);
    if (rt?.state === 'ending') return 'live ending';
    if (rt?.state === 'on-air') return 'already publishing';
    if (live.status !== 'LIVE' && !rt && (await this.repo.countOnAir()) >= this.settings.maxTotal) return 'total live limit reached';
    return live;
  }

  // ---- a live's source comes and goes -------------------------------------------------------

  private enqueue(rt: Runtime, step: () => Promise<void>): void {
    rt.chain = rt.chain.then(step).catch((error: unknown) => this.log.error({ err: error, liveId: rt.live.id }, 'live step failed'));
  }

  private runtimeFor(live: IngestLive, source: StreamPath): Runtime {
    let rt = this.runtimes.get(live.id);
    if (!rt) {
      rt = { live, source, viewPath: source, state: 'waiting', publisher: null, packager: undefined, chain: Promise.resolve() };
      this.runtimes.set(live.id, rt);
    }
    return rt;
  }

  private sourceUp(live: IngestLive, session: NmsSession): void {
    const rt = this.runtimeFor(live, `/live/${live.id}`);
    rt.publisher = session;
    this.enqueue(rt, () => this.goOnAir(rt, session));
  }

  private async goOnAir(rt: Runtime, session: NmsSession): Promise<void> {
    if (rt.state === 'ending') return;
    clearTimeout(rt.graceTimer);
    const wasInterrupted = rt.state === 'interrupted';
    // The codec comes with the first video header; a few seconds at most after the publish.
    for (let i = 0; i < 50 && !this.nms.hasVideo(rt.source) && session.broadcast.publisher === session; i++) await sleep(100);
    if (session.broadcast.publisher !== session && rt.live.source === 'PUSH') return;
    const codec = rt.live.source === 'CAMERA' ? 'h264' : (videoCodecOf(session) ?? 'h264');
    const at = this.now();
    if (wasInterrupted) await this.repo.closeOpenGaps(rt.live.id, at);
    await this.repo.markLive(rt.live.id, at, codec);
    const fresh = (await this.repo.findLive(rt.live.id)) ?? rt.live;
    rt.live = fresh;
    if (fresh.status === 'ENDED') {
      // Ended by the API meanwhile (a camera recording ended before its camera answered).
      setTimeout(() => void this.end(fresh.id, 'ENDED_BY_USER'), 0);
      return;
    }
    rt.state = 'on-air';
    this.armMaxDuration(rt);
    const transcodeVideo = codec !== 'h264';
    rt.viewPath = transcodeVideo ? `/h264/${rt.live.id}` : rt.source;
    const audio = session.audioCodec;
    const transcodeAudio = Boolean(audio) && audio !== 10 && audio !== 'mp4a';
    await rt.packager?.stop();
    rt.packager = this.packagerFor(rt, transcodeVideo, transcodeAudio);
    await rt.packager.start();
    this.log.info({ liveId: rt.live.id, codec, resumed: wasInterrupted }, wasInterrupted ? 'live resumed' : 'live on air');
    await this.publishChanged(rt.live, 'LIVE', false);
  }

  private packagerFor(rt: Runtime, transcodeVideo: boolean, transcodeAudio: boolean): Packager {
    const id = rt.live.id;
    const dir = hlsDir(this.deps.workDir, id);
    return new Packager(
      this.deps.ffmpeg,
      {
        spec: async () => ({
          input: this.nms.flvUrl(rt.source),
          hlsDir: dir,
          recordFile: path.join(recDir(this.deps.workDir, id), `part-${await nextPartNumber(this.deps.workDir, id)}.mp4`),
          transcodeVideo,
          transcodeAudio,
          viewerPush: transcodeVideo ? this.nms.rtmpUrl(`/h264/${id}`, this.internalKey) : undefined,
          segmentSeconds: this.settings.hls.segmentSeconds,
          window: this.settings.hls.window,
          startNumber: await nextSegmentNumber(dir),
        }),
        crashed: (at) => void this.repo.addGap(id, { from: at.toISOString(), to: null, reason: 'PACKAGER_RESTARTED' }),
        restarted: (at) => void this.repo.closeOpenGaps(id, at),
      },
      this.log.child({ liveId: id }),
    );
  }

  private async sourceDown(rt: Runtime, reason: LiveGap['reason']): Promise<void> {
    if (rt.state !== 'on-air') return;
    rt.state = 'interrupted';
    rt.publisher = null;
    const at = this.now();
    await rt.packager?.stop();
    rt.packager = undefined;
    this.nms.closeViewers(rt.viewPath);
    await this.repo.markInterrupted(rt.live.id, at);
    await this.repo.addGap(rt.live.id, { from: at.toISOString(), to: null, reason });
    this.log.info({ liveId: rt.live.id, reason }, 'live interrupted');
    await this.publishChanged(rt.live, 'LIVE', true);
    if (rt.live.source === 'PUSH') {
      rt.graceTimer = setTimeout(() => void this.end(rt.live.id, 'PUBLISHER_GONE'), this.settings.reconnectGraceSeconds * 1000);
    }
  }

  private armMaxDuration(rt: Runtime): void {
    if (rt.maxTimer || !rt.live.startedAt) return;
    const endsAt = rt.live.startedAt.getTime() + this.settings.maxMinutes * 60_000;
    rt.maxTimer = setTimeout(() => void this.end(rt.live.id, 'MAX_DURATION'), Math.max(0, endsAt - this.now().getTime()));
  }

  // ---- camera lives -------------------------------------------------------------------------

  /**
   * Records a CAMERA live (made by the API for a hand-started recording, or by the automatic
   * recorder): the camera's pull is kept running, and packaging follows its stream. `until`: the
   * meeting window's end, when it ends WINDOW_CLOSED.
   */
  async startCameraLive(liveId: string, until?: Date): Promise<void> {
    const live = await this.repo.findLive(liveId);
    if (!live || live.source !== 'CAMERA' || !live.cameraId || live.status === 'ENDED') return;
    if (this.runtimes.has(liveId)) return;
    const source: StreamPath = `/camera/${live.cameraId}`;
    const rt = this.runtimeFor(live, source);
    if (until)
      rt.windowTimer = setTimeout(() => void this.end(liveId, 'WINDOW_CLOSED'), Math.max(0, until.getTime() - this.now().getTime()));
    this.cameras?.acquire(live.cameraId, `record:${liveId}`);
    const publisher = this.nms.publisherOf(source);
    if (publisher && this.nms.hasVideo(source)) this.enqueue(rt, () => this.goOnAir(rt, publisher));
    this.log.info({ liveId, cameraId: live.cameraId, until }, 'camera recording started');
  }

  private cameraUp(cameraId: string, session: NmsSession): void {
    this.cameras?.onCameraUp?.(cameraId);
    for (const rt of this.runtimes.values()) {
      if (rt.live.cameraId !== cameraId || rt.source !== `/camera/${cameraId}`) continue;
      rt.publisher = session;
      this.enqueue(rt, () => this.goOnAir(rt, session));
    }
  }

  private cameraDown(cameraId: string): void {
    this.cameras?.onCameraDown?.(cameraId);
    this.nms.closeViewers(`/camera/${cameraId}`);
    for (const rt of this.runtimes.values())
      if (rt.source === `/camera/${cameraId}`) this.enqueue(rt, () => this.sourceDown(rt, 'CAMERA_LOST'));
  }

  /**
   * Lives this ingest runs that the API ended without asking it (one never on air, ended as
   * NEVER_STARTED while its camera was still being reached) are let go.
   */
  async reconcile(): Promise<void> {
    for (const [id, rt] of this.runtimes) {
      if (rt.state === 'ending') continue;
      const live = await this.repo.findLive(id);
      if (!live || live.status === 'ENDED') await this.end(id, 'ENDED_BY_USER');
    }
  }

  /** Lives recording this camera (its pull must not stop for want of viewers). */
  recordingCamera(cameraId: string): string | null {
    for (const rt of this.runtimes.values()) if (rt.live.cameraId === cameraId && rt.state !== 'ending') return rt.live.id;
    return null;
  }

  // ---- the end ------------------------------------------------------------------------------

  /** Drops the current publisher (after its key was rotated or revoked); the grace then runs. */
  disconnect(liveId: string): void {
    const rt = this.runtimes.get(liveId);
    const publisher = rt?.live.source === 'PUSH' ? this.nms.publisherOf(`/live/${liveId}`) : null;
    publisher?.close();
  }

  /**
   * Ends a live: the publisher or pull is let go, packaging stops, the live is ENDED with the
   * reason, and its recording goes to the media pipeline (awaited via `settled`).
   */
  async end(liveId: string, reason: LiveEndReason): Promise<void> {
    const rt = this.runtimes.get(liveId);
    if (rt?.state === 'ending') return;
    const at = this.now();
    let live = rt?.live ?? (await this.repo.findLive(liveId));
    if (!live) return;
    if (rt) {
      rt.state = 'ending';
      clearTimeout(rt.graceTimer);
      clearTimeout(rt.maxTimer);
      clearTimeout(rt.windowTimer);
      await rt.chain;
      this.runtimes.delete(liveId);
      if (live.source === 'PUSH') this.nms.publisherOf(`/live/${liveId}`)?.close();
      else if (live.cameraId) this.cameras?.release(live.cameraId, `record:${liveId}`);
      await rt.packager?.stop();
    }
    await this.repo.closeOpenGaps(liveId, at);
    const ended = await this.repo.markEnded(liveId, reason, at);
    live = (await this.repo.findLive(liveId)) ?? live;
    if (ended) {
      this.log.info({ liveId, reason }, 'live ended');
      await this.publishChanged(live, 'ENDED', false);
    }
    this.finalizeLater(liveId);
  }

  private finalizeLater(liveId: string): void {
    const job = finalizeRecording(this.deps, liveId)
      .catch((error: unknown) =>
        this.log.error({ err: error, liveId }, 'storing the live recording failed; its parts are kept for the next start'),
      )
      .finally(() => this.finalizing.delete(job));
    this.finalizing.add(job);
  }

  /** Recordings still being joined and stored. */
  async settled(): Promise<void> {
    while (this.finalizing.size) await Promise.all([...this.finalizing]);
  }

  /** Every live this ingest runs is ended (a clean stop) and its recording stored. */
  async endAll(reason: LiveEndReason): Promise<void> {
    await Promise.all([...this.runtimes.keys()].map((id) => this.end(id, reason)));
    await this.settled();
  }

  /**
   * At start: lives a dead ingest left on air are ended INGEST_RESTARTED, and every recording left
   * in the work directory (theirs, or one whose storing was cut short) is stored.
   */
  async recover(): Promise<void> {
    const left = await this.repo.listLeftOnAir();
    const at = this.now();
    for (const live of left) {
      await this.repo.closeOpenGaps(live.id, at);
      if (await this.repo.markEnded(live.id, 'INGEST_RESTARTED', at)) await this.publishChanged(live, 'ENDED', false);
    }
    const dirs = new Set(left.map((l) => l.id));
    for (const name of readdirSafe(this.deps.workDir)) if (/^[0-9a-f-]{36}$/i.test(name)) dirs.add(name);
    for (const id of dirs) {
      const live = await this.repo.findLive(id);
      if (!live || live.status !== 'ENDED') continue;
      if ((await listParts(this.deps.workDir, id)).length) this.finalizeLater(id);
      else await fs.rm(path.join(this.deps.workDir, id), { recursive: true, force: true });
    }
    if (left.length) this.log.warn({ lives: left.length }, 'lives left on air by an earlier ingest were ended');
  }

  private async publishChanged(live: IngestLive, status: 'LIVE' | 'ENDED', interrupted: boolean): Promise<void> {
    await this.deps.events.publish({
      type: 'live.changed',
      liveId: live.id,
      enterpriseId: live.enterpriseId,
      zoneId: live.zoneId,
      status,
      interrupted,
      meetingId: live.meetingId,
    });
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
