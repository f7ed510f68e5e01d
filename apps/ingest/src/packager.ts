import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@platform/core';
import { FfmpegRun } from './child-process.ts';

export interface PackagerSpec {
  /** HTTP-FLV of the stream, from node-media-server on the loopback. */
  input: string;
  hlsDir: string;
  /** The fragmented MP4 recording part to write, if this packager records. */
  recordFile?: string;
  /** Encode the video to H.264 (a source in another codec); otherwise everything is copied. */
  transcodeVideo: boolean;
  /** Re-encode the audio to AAC (a source in MP3 or another codec HLS/MP4 players lack). */
  transcodeAudio: boolean;
  /** With transcodeVideo: where the H.264 copy is pushed back for low-latency viewers. */
  viewerPush?: string;
  segmentSeconds: number;
  window: number;
  /** First HLS segment number: continues after a restart, so players see the sequence move on. */
  startNumber: number;
}

const escapeTee = (p: string) => p.replace(/([\\:|[\]])/g, '\\$1');

/** ffmpeg arguments: one reader of the live's FLV, teeing live HLS (fMP4) and the recording part. */
export function packagerArgs(spec: PackagerSpec): string[] {
  const fps = 25;
  const video = spec.transcodeVideo
    ? [
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-tune',
        'zerolatency',
        '-pix_fmt',
        'yuv420p',
        '-g',
        String(Math.round(fps * spec.segmentSeconds)),
        '-keyint_min',
        String(Math.round(fps * spec.segmentSeconds)),
        '-sc_threshold',
        '0',
      ]
    : ['-c:v', 'copy'];
  const audio = spec.transcodeAudio ? ['-c:a', 'aac', '-b:a', '128k'] : ['-c:a', 'copy'];
  const hls = [
    'f=hls',
    `hls_time=${spec.segmentSeconds}`,
    `hls_list_size=${spec.window}`,
    'hls_flags=delete_segments+independent_segments+omit_endlist',
    'hls_segment_type=fmp4',
    'hls_fmp4_init_filename=init.mp4',
    `start_number=${spec.startNumber}`,
    `hls_segment_filename=${escapeTee(path.join(spec.hlsDir, 'seg_%05d.m4s'))}`,
  ];
  const outputs = [`[${hls.join(':')}]${escapeTee(path.join(spec.hlsDir, 'live.m3u8'))}`];
  if (spec.recordFile)
    outputs.push(`[f=mp4:movflags=+frag_keyframe+empty_moov+default_base_moof:flush_packets=1]${escapeTee(spec.recordFile)}`);
  if (spec.viewerPush) outputs.push(`[f=flv:onfail=ignore]${spec.viewerPush}`);
  return [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    '-fflags',
    'nobuffer',
    // node-media-server sends the codec headers first: no need to read 5 s before starting.
    '-analyzeduration',
    '1500000',
    '-probesize',
    '2000000',
    '-i',
    spec.input,
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    ...video,
    ...audio,
    // Encoded streams need their headers global, or the tee's MP4 cannot be read back.
    ...(spec.transcodeVideo || spec.transcodeAudio ? ['-flags', '+global_header'] : []),
    '-f',
    'tee',
    outputs.join('|'),
  ];
}

/** The next segment number in a live's HLS directory (0 for a new one). */
export async function nextSegmentNumber(hlsDir: string): Promise<number> {
  const names = await fs.readdir(hlsDir).catch(() => [] as string[]);
  const numbers = names.map((n) => /^seg_(\d+)\.m4s$/.exec(n)?.[1]).filter((n): n is string => n !== undefined);
  return numbers.length ? Math.max(...numbers.map(Number)) + 1 : 0;
}

export interface PackagerHooks {
  /** Fresh spec for each (re)start: a new recording part, the next segment number. */
  spec(): Promise<PackagerSpec>;
  /** It died on its own at `at` and is being restarted: a gap in the recording. */
  crashed(at: Date, stderr: string): void;
  /** Restarted after a crash. */
  restarted(at: Date): void;
}

/**
 * Keeps one packaging ffmpeg running until stopped: a crash is restarted with backoff
 * (1 s, 2 s, 4 s … 15 s; reset after a minute of running) and reported as a gap.
 */
export class Packager {
  private run: FfmpegRun | undefined;
  private wanted = false;
  private backoffMs = 1000;
  private timer: NodeJS.Timeout | undefined;
  private crashedAt: Date | undefined;

  constructor(
    private readonly ffmpeg: string,
    private readonly hooks: PackagerHooks,
    private readonly log: Logger,
  ) {}

  get pid(): number | undefined {
    return this.run?.pid;
  }

  async start(): Promise<void> {
    this.wanted = true;
    await this.spawn();
  }

  private async spawn(): Promise<void> {
    if (!this.wanted) return;
    const spec = await this.hooks.spec();
    await fs.mkdir(spec.hlsDir, { recursive: true });
    if (spec.recordFile) await fs.mkdir(path.dirname(spec.recordFile), { recursive: true });
    if (!this.wanted) return;
    const run = new FfmpegRun(this.ffmpeg, packagerArgs(spec));
    this.run = run;
    const startedAt = Date.now();
    if (this.crashedAt) {
      this.crashedAt = undefined;
      this.hooks.restarted(new Date());
    }
    void run.exited.then(({ code, signal }) => {
      if (this.run !== run || !this.wanted) return;
      const at = new Date();
      this.crashedAt = at;
      if (Date.now() - startedAt > 60_000) this.backoffMs = 1000;
      this.log.warn({ code, signal, restartInMs: this.backoffMs, stderr: run.stderrTail().slice(-500) }, 'packager exited; restarting');
      this.hooks.crashed(at, run.stderrTail());
      this.timer = setTimeout(
        () => void this.spawn().catch((error: unknown) => this.log.error({ err: error }, 'packager restart failed')),
        this.backoffMs,
      );
      this.backoffMs = Math.min(this.backoffMs * 2, 15_000);
    });
  }

  /** Stops for good, letting ffmpeg finish the recording part and playlist. */
  async stop(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.timer);
    await this.run?.stop();
  }
}
