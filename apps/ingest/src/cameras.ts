import fs from 'node:fs/promises';
import path from 'node:path';
import {
  classifyRtspFailure,
  openMeetingWindows,
  redactRtsp,
  SecretBox,
  shanghaiDate,
  type CameraFailure,
  type CameraProbe,
  type EventPublisher,
  type IngestCamera,
  type LiveIngestRepository,
  type Logger,
} from '@platform/core';
import { FfmpegRun, runToEnd } from './child-process.ts';
import type { CameraPulls, LiveManager } from './lives.ts';
import { MediaServer, type StreamPath } from './media-server.ts';
import { nextSegmentNumber, Packager } from './packager.ts';

export interface CameraSettings {
  idleStopSeconds: number;
  checkSeconds: number;
  hls: { segmentSeconds: number; window: number };
  /** How often automatic recording looks for open meeting windows. */
  autoRecordTickMs: number;
}

export interface CameraDeps {
  repo: LiveIngestRepository;
  events: EventPublisher;
  ffmpeg: string;
  ffprobe: string;
  workDir: string;
  dataKey: Uint8Array | undefined;
  log: Logger;
}

/** One camera's RTSP pull into node-media-server, and its HLS window for viewers. */
interface Pull {
  cameraId: string;
  run: FfmpegRun | undefined;
  /** "view", "record:<liveId>": the pull runs while anyone holds it (viewers count through lastViewedAt). */
  holders: Set<string>;
  viewers: number;
  lastViewedAt: number;
  failure: CameraFailure | null;
  restartTimer?: NodeJS.Timeout;
  backoffMs: number;
  viewHls: Packager | undefined;
  wantsHls: boolean;
  stopped: boolean;
}

const PROBE_TIMEOUT_MS = 10_000;
const PULL_WAIT_MS = 10_000;

/**
 * Cameras: RTSP pulls started on demand (viewing, recording), stopped when nobody watches
 * (无人观看自动断流), online checks, and automatic recording in each shift's meeting window.
 */
export class CameraManager implements CameraPulls {
  private readonly pulls = new Map<string, Pull>();
  private readonly codecs = new Map<string, string>();
  private readonly box: SecretBox | undefined;
  private timers: NodeJS.Timeout[] = [];
  private checking = false;

  constructor(
    private readonly nms: MediaServer,
    private readonly lives: LiveManager,
    private readonly deps: CameraDeps,
    private readonly settings: CameraSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.box = deps.dataKey ? new SecretBox(deps.dataKey) : undefined;
  }

  /** Cameras being pulled now (for a viewer or a recording), for the ingest's metrics. */
  get pullCount(): number {
    let running = 0;
    for (const pull of this.pulls.values()) if (!pull.stopped) running++;
    return running;
  }

  private get log(): Logger {
    return this.deps.log;
  }

  start(): void {
    this.timers.push(setInterval(() => this.stopIdle(), 1000));
    this.timers.push(setInterval(() => void this.checkAll(), this.settings.checkSeconds * 1000));
    this.timers.push(setInterval(() => void this.autoRecord(), this.settings.autoRecordTickMs));
    setTimeout(() => void this.checkAll(), 1000).unref();
    void this.autoRecord();
  }

  /** No more checks, idle stops or automatic recordings. */
  halt(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  async stop(): Promise<void> {
    this.halt();
    await Promise.all([...this.pulls.values()].map((p) => this.stopPull(p)));
  }

  pullPid(cameraId: string): number | undefined {
    return this.pulls.get(cameraId)?.run?.pid;
  }

  isPulling(cameraId: string): boolean {
    return this.pulls.get(cameraId)?.run?.running ?? false;
  }

  // ---- holders and viewers ------------------------------------------------------------------

  acquire(cameraId: string, holder: string): void {
    const pull = this.pullOf(cameraId);
    pull.holders.add(holder);
    if (!pull.run?.running && !pull.restartTimer) void this.startPull(pull);
  }

  release(cameraId: string, holder: string): void {
    const pull = this.pulls.get(cameraId);
    if (!pull) return;
    pull.holders.delete(holder);
    // Kept for viewers until the idle grace passes; stopped by stopIdle otherwise.
    pull.lastViewedAt = Math.max(pull.lastViewedAt, pull.viewers ? Date.now() : 0);
  }

  /** An FLV viewer opened (true) or closed (false). */
  viewer(cameraId: string, open: boolean): void {
    const pull = this.pullOf(cameraId);
    pull.viewers += open ? 1 : -1;
    pull.lastViewedAt = Date.now();
  }

  /** An HLS request: keeps the pull and its HLS window alive. */
  touchHls(cameraId: string): void {
    const pull = this.pullOf(cameraId);
    pull.lastViewedAt = Date.now();
    pull.wantsHls = true;
    if (!pull.viewHls && this.nms.hasVideo(this.path(cameraId))) void this.startViewHls(pull);
  }

  private pullOf(cameraId: string): Pull {
    let pull = this.pulls.get(cameraId);
    if (!pull) {
      pull = {
        cameraId,
        run: undefined,
        holders: new Set(),
        viewers: 0,
        lastViewedAt: Date.now(),
        failure: null,
        backoffMs: 2000,
        viewHls: undefined,
        wantsHls: false,
        stopped: false,
      };
      this.pulls.set(cameraId, pull);
    }
    return pull;
  }

  private path(cameraId: string): StreamPath {
    return `/camera/${cameraId}`;
  }

  /**
   * Makes sure the camera's stream is in node-media-server for a viewer: starts the pull if needed
   * and waits up to ~10 s for pictures. Null when it is there, otherwise why it is not.
   */
  async ensure(cameraId: string): Promise<CameraFailure | null> {
    const path = this.path(cameraId);
    const pull = this.pullOf(cameraId);
    pull.lastViewedAt = Date.now();
    if (this.nms.hasVideo(path)) return null;
    if (!pull.run?.running) {
      clearTimeout(pull.restartTimer);
      pull.restartTimer = undefined;
      pull.stopped = false;
      await this.startPull(pull);
    }
    const deadline = Date.now() + PULL_WAIT_MS;
    while (Date.now() < deadline) {
      if (this.nms.hasVideo(path)) return null;
      if (!pull.run?.running) return pull.failure ?? 'UNREACHABLE';
      await sleep(100);
    }
    return this.nms.hasVideo(path) ? null : (pull.failure ?? 'TIMEOUT');
  }

  onCameraUp(cameraId: string): void {
    const pull = this.pulls.get(cameraId);
    if (!pull) return;
    pull.failure = null;
    pull.backoffMs = 2000;
    if (pull.wantsHls && !pull.viewHls) setTimeout(() => void this.startViewHls(pull), 0);
  }

  onCameraDown(cameraId: string): void {
    const pull = this.pulls.get(cameraId);
    if (!pull?.viewHls) return;
    const hls = pull.viewHls;
    pull.viewHls = undefined;
    void hls.stop();
  }

  /** Directory of a camera's viewing HLS (a camera recorded by a live serves the live's). */
  hlsDirOf(cameraId: string): string {
    return path.join(this.deps.workDir, 'cameras', cameraId, 'hls');
  }

  private async startViewHls(pull: Pull): Promise<void> {
    if (pull.viewHls || pull.stopped) return;
    const dir = this.hlsDirOf(pull.cameraId);
    const packager = new Packager(
      this.deps.ffmpeg,
      {
        spec: async () => ({
          input: this.nms.flvUrl(this.path(pull.cameraId)),
          hlsDir: dir,
          transcodeVideo: false,
          transcodeAudio: false,
          segmentSeconds: this.settings.hls.segmentSeconds,
          window: this.settings.hls.window,
          startNumber: await nextSegmentNumber(dir),
        }),
        crashed: () => undefined,
        restarted: () => undefined,
      },
      this.log.child({ cameraId: pull.cameraId, component: 'camera-hls' }),
    );
    pull.viewHls = packager;
    await packager.start();
  }

  // ---- the pull -----------------------------------------------------------------------------

  private async openCamera(cameraId: string): Promise<{ camera: IngestCamera; url: string } | null> {
    const camera = await this.deps.repo.findCamera(cameraId);
    if (!camera) return null;
    if (!this.box) throw new Error('no data key: DATA_ENCRYPTION_KEY is needed to open camera addresses');
    return { camera, url: this.box.open(camera.rtspUrlSealed) };
  }

  private async startPull(pull: Pull): Promise<void> {
    if (pull.run?.running) return;
    pull.stopped = false;
    const opened = await this.openCamera(pull.cameraId).catch((error: unknown) => {
      this.log.error({ err: error, cameraId: pull.cameraId }, 'camera cannot be opened');
      return null;
    });
    if (!opened) {
      pull.failure = 'NOT_FOUND';
      return;
    }
    const { camera, url } = opened;
    let codec = this.codecs.get(camera.id);
    if (!codec) {
      const probe = await this.probeUrl(url, camera.transport);
      if (probe.status === 'OFFLINE') {
        pull.failure = (probe.reason as CameraFailure) ?? 'UNREACHABLE';
        await this.record(camera, probe);
        this.scheduleRestart(pull);
        return;
      }
      codec = probe.videoCodec ?? 'h264';
      this.codecs.set(camera.id, codec);
      await this.record(camera, probe);
    }
    if (pull.run?.running || pull.stopped) return;
    const video =
      codec === 'h264'
        ? ['-c:v', 'copy']
        : ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '25'];
    const run = new FfmpegRun(this.deps.ffmpeg, [
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'error',
      '-rtsp_transport',
      camera.transport === 'UDP' ? 'udp' : 'tcp',
      '-timeout',
      '5000000',
      '-fflags',
      'nobuffer+genpts',
      '-flags',
      'low_delay',
      '-i',
      url,
      '-map',
      '0:v:0',
      '-map',
      '0:a:0?',
      ...video,
      '-c:a',
      'aac',
      '-ar',
      '44100',
      '-f',
      'flv',
      this.nms.rtmpUrl(this.path(camera.id), this.lives.internalKey),
    ]);
    pull.run = run;
    this.log.info({ cameraId: camera.id, address: redactRtsp(url), transport: camera.transport, codec }, 'camera pull started');
    void run.exited.then(({ code }) => {
      if (pull.run !== run) return;
      if (pull.stopped) return;
      pull.failure = classifyRtspFailure(run.stderrTail());
      this.log.warn(
        { cameraId: camera.id, code, reason: pull.failure, said: redactRtsp(run.stderrTail().slice(-300)) },
        'camera pull ended',
      );
      this.codecs.delete(camera.id);
      if (pull.holders.size) this.scheduleRestart(pull);
    });
  }

  private scheduleRestart(pull: Pull): void {
    if (!pull.holders.size || pull.stopped || pull.restartTimer) return;
    pull.restartTimer = setTimeout(() => {
      pull.restartTimer = undefined;
      void this.startPull(pull);
    }, pull.backoffMs);
    pull.backoffMs = Math.min(pull.backoffMs * 2, 30_000);
  }

  private async stopPull(pull: Pull): Promise<void> {
    pull.stopped = true;
    clearTimeout(pull.restartTimer);
    pull.restartTimer = undefined;
    const hls = pull.viewHls;
    pull.viewHls = undefined;
    pull.wantsHls = false;
    await Promise.all([hls?.stop(), pull.run?.stop()]);
    this.pulls.delete(pull.cameraId);
    await fs.rm(path.join(this.deps.workDir, 'cameras', pull.cameraId), { recursive: true, force: true });
  }

  /** Pulls nobody watches or records for LIVE_IDLE_STOP_SECONDS stop (they restart on demand). */
  private stopIdle(): void {
    const idleMs = this.settings.idleStopSeconds * 1000;
    for (const pull of this.pulls.values()) {
      if (pull.stopped || pull.holders.size || pull.viewers > 0 || this.lives.recordingCamera(pull.cameraId)) continue;
      if (Date.now() - pull.lastViewedAt < idleMs) continue;
      if (pull.run?.running) this.log.info({ cameraId: pull.cameraId }, 'nobody watching: camera pull stopped');
      void this.stopPull(pull);
    }
  }

  // ---- online checks ------------------------------------------------------------------------

  private async probeUrl(url: string, transport: 'TCP' | 'UDP'): Promise<CameraProbe> {
    const result = await runToEnd(
      this.deps.ffprobe,
      [
        '-v',
        'error',
        '-rtsp_transport',
        transport === 'UDP' ? 'udp' : 'tcp',
        '-timeout',
        '5000000',
        '-show_entries',
        'stream=codec_type,codec_name,width,height',
        '-of',
        'json',
        url,
      ],
      PROBE_TIMEOUT_MS,
    );
    if (result.code === 0) {
      const streams = (
        JSON.parse(result.stdout || '{}') as { streams?: { codec_type: string; codec_name: string; width?: number; height?: number }[] }
      ).streams;
      const video = streams?.find((s) => s.codec_type === 'video');
      if (video)
        return { status: 'ONLINE', reason: null, videoCodec: video.codec_name, width: video.width ?? null, height: video.height ?? null };
      return { status: 'OFFLINE', reason: 'NO_VIDEO', videoCodec: null, width: null, height: null };
    }
    return { status: 'OFFLINE', reason: classifyRtspFailure(result.stderr, result.timedOut), videoCodec: null, width: null, height: null };
  }

  /** Checks one camera now; an active pull counts as online. */
  async check(cameraId: string): Promise<CameraProbe | null> {
    const camera = await this.deps.repo.findCamera(cameraId);
    if (!camera) return null;
    let probe: CameraProbe;
    const publisher = this.nms.publisherOf(this.path(camera.id));
    if (publisher && this.nms.hasVideo(this.path(camera.id))) {
      probe = {
        status: 'ONLINE',
        reason: null,
        videoCodec: this.codecs.get(camera.id) ?? null,
        width: publisher.videoWidth || null,
        height: publisher.videoHeight || null,
      };
    } else {
      let url: string;
      try {
        url = (await this.openCamera(camera.id))!.url;
      } catch (error) {
        this.log.error({ err: error, cameraId }, 'camera address cannot be opened');
        return null;
      }
      probe = await this.probeUrl(url, camera.transport);
      if (probe.videoCodec) this.codecs.set(camera.id, probe.videoCodec);
    }
    await this.record(camera, probe);
    return probe;
  }

  private async record(camera: IngestCamera, probe: CameraProbe): Promise<void> {
    const before = await this.deps.repo.setCameraStatus(camera.id, probe, this.now());
    if (before !== null && before !== probe.status) {
      this.log.info({ cameraId: camera.id, status: probe.status, reason: probe.reason }, 'camera status changed');
      await this.deps.events.publish({
        type: 'camera.status',
        cameraId: camera.id,
        enterpriseId: camera.enterpriseId,
        zoneId: camera.zoneId,
        status: probe.status,
      });
    }
  }

  /** Every camera, four at a time. */
  async checkAll(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const queue = (await this.deps.repo.listCameras()).map((c) => c.id);
      const worker = async () => {
        for (let id = queue.shift(); id; id = queue.shift())
          await this.check(id).catch((error: unknown) => this.log.error({ err: error, cameraId: id }, 'camera check failed'));
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    } catch (error) {
      this.log.error({ err: error }, 'camera checks failed');
    } finally {
      this.checking = false;
    }
  }

  // ---- automatic recording ------------------------------------------------------------------

  /** Automatic recordings running here, by live id: the window each belongs to. */
  private readonly autoLives = new Map<string, { cameraId: string; shiftId: string; meetingDate: string }>();

  /**
   * In each open meeting window of an auto-recording camera's team: a CAMERA live until the window
   * closes. A window that closed early (its shift was edited, or the camera stopped recording
   * automatically) ends its live at the next look.
   */
  async autoRecord(): Promise<void> {
    try {
      const now = this.now();
      const open = new Set<string>();
      const day = 86_400_000;
      const cameras = await this.deps.repo.listAutoRecordCameras(
        shanghaiDate(new Date(now.getTime() - day)),
        shanghaiDate(new Date(now.getTime() + day)),
      );
      for (const { camera, shifts, calendar } of cameras) {
        for (const window of openMeetingWindows(shifts, now, calendar)) {
          open.add(`${camera.id}|${window.shiftId}|${window.meetingDate}`);
          if (this.lives.recordingCamera(camera.id)) continue;
          if (await this.deps.repo.hasCameraLiveFor(camera.id, window.shiftId, window.meetingDate)) continue;
          if (await this.deps.repo.findOpenCameraLive(camera.id)) continue;
          const team = camera.teamId ? await this.deps.repo.teamName(camera.teamId) : null;
          const live = await this.deps.repo.createCameraLive({
            camera,
            shiftId: window.shiftId,
            meetingDate: window.meetingDate,
            title: `${team ?? camera.name}班前会 ${window.meetingDate}`,
          });
          if (!live) continue;
          this.autoLives.set(live.id, { cameraId: camera.id, shiftId: window.shiftId, meetingDate: window.meetingDate });
          this.log.info({ cameraId: camera.id, liveId: live.id, until: window.until }, 'meeting window open: recording the camera');
          await this.lives.startCameraLive(live.id, window.until);
        }
      }
      for (const [liveId, w] of this.autoLives) {
        if (open.has(`${w.cameraId}|${w.shiftId}|${w.meetingDate}`)) continue;
        this.autoLives.delete(liveId);
        await this.lives.end(liveId, 'WINDOW_CLOSED');
      }
    } catch (error) {
      this.log.error({ err: error }, 'automatic recording failed');
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
