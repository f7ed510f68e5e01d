import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { stat } from 'node:fs/promises';
import { parseProbe, PROBE_PACKET_ENTRIES, type FfprobeOutput, type MediaProbe } from './probe.ts';

/** Which binaries run, and where they came from (shown in health and logs). */
export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  source: 'configured' | 'path' | 'npm';
}

/**
 * ffmpeg or ffprobe failed; `stderr` holds the end of its output. `exitCode` is set when the
 * process ran to its own end and refused the input, which running it again will not change; it is
 * null when the process could not start or was killed (out of memory, shutdown), which may pass.
 */
export class FfmpegError extends Error {
  override name = 'FfmpegError';
  constructor(
    message: string,
    readonly stderr: string,
    options?: { cause?: unknown; exitCode?: number | null },
  ) {
    super(message, options);
    this.exitCode = options?.exitCode ?? null;
  }

  readonly exitCode: number | null;
}

/**
 * Picks the binaries: explicit paths (FFMPEG_PATH/FFPROBE_PATH), else ffmpeg on PATH, else the
 * static builds shipped in npm packages (old, but present everywhere npm is).
 */
export function resolveFfmpegBinaries(configured: { ffmpegPath?: string; ffprobePath?: string }): FfmpegBinaries {
  if (configured.ffmpegPath || configured.ffprobePath) {
    return { ffmpeg: configured.ffmpegPath ?? 'ffmpeg', ffprobe: configured.ffprobePath ?? 'ffprobe', source: 'configured' };
  }
  const onPath = (bin: string) => spawnSync(bin, ['-version'], { stdio: 'ignore' }).status === 0;
  if (onPath('ffmpeg') && onPath('ffprobe')) return { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', source: 'path' };
  const require = createRequire(import.meta.url);
  return {
    ffmpeg: (require('@ffmpeg-installer/ffmpeg') as { path: string }).path,
    ffprobe: (require('@ffprobe-installer/ffprobe') as { path: string }).path,
    source: 'npm',
  };
}

export interface RunOptions {
  /** Duration of the input, to turn ffmpeg's progress into a fraction. */
  durationSeconds?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Runs ffprobe and ffmpeg. The only place that starts media processes. */
export class Ffmpeg {
  constructor(readonly binaries: FfmpegBinaries) {}

  /**
   * Probes a local file, listing its packets too so a truncated file is told from a whole one
   * (demuxing costs no decoding). Throws FfmpegError when ffprobe cannot read it at all.
   */
  async probe(file: string): Promise<MediaProbe> {
    const { size } = await stat(file);
    return parseProbe(await this.probeJson(file), size);
  }

  private probeJson(file: string): Promise<FfprobeOutput> {
    // JSON output keeps the display-matrix side data where phones store rotation; the text format
    // fluent-ffmpeg's ffprobe wrapper parses drops it, so ffprobe is run directly.
    return new Promise((resolve, reject) => {
      const args = ['-v', 'error', '-show_format', '-show_streams', '-show_entries', PROBE_PACKET_ENTRIES, '-of', 'json', file];
      const child = spawn(this.binaries.ffprobe, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => stdout.push(c));
      child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
      child.on('error', (error) => reject(new FfmpegError(`could not run ffprobe: ${error.message}`, stderr, { cause: error })));
      child.on('close', (code, signal) => {
        if (code !== 0)
          return reject(
            new FfmpegError(`ffprobe could not read the file: ${lastLine(stderr) || (signal ?? `exit ${code}`)}`, stderr, {
              exitCode: code,
            }),
          );
        try {
          resolve(JSON.parse(Buffer.concat(stdout).toString('utf8')) as FfprobeOutput);
        } catch (error) {
          reject(new FfmpegError('ffprobe printed unreadable output', stderr, { cause: error }));
        }
      });
    });
  }

  /** Runs ffmpeg with the given arguments, reporting progress from its `-progress` stream. */
  run(args: string[], options: RunOptions = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binaries.ffmpeg, ['-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats', ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
        signal: options.signal,
      });
      let stderr = '';
      let buffered = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const match = line.match(/^out_time_us=(\d+)/);
          if (match && options.durationSeconds && options.onProgress) {
            options.onProgress(Math.min(1, Number(match[1]) / 1e6 / options.durationSeconds));
          }
        }
      });
      // A cancelled run (AbortSignal) settles only once the process is gone: Node reports the abort
      // at once, while ffmpeg may still be writing, and a caller that then removes the output
      // directory would race it (ENOTEMPTY).
      child.on('error', (error) => {
        if (error.name !== 'AbortError') reject(new FfmpegError(`could not run ffmpeg: ${error.message}`, stderr, { cause: error }));
      });
      child.on('close', (code, signal) => {
        if (options.signal?.aborted) reject(new FfmpegError('ffmpeg was cancelled', stderr, { cause: options.signal.reason }));
        else if (code === 0) resolve();
        else reject(new FfmpegError(`ffmpeg failed (${signal ?? `exit ${code}`}): ${lastLine(stderr)}`, stderr, { exitCode: code }));
      });
    });
  }

  /** First line of `ffmpeg -version`, for health checks; asynchronous, so a check never blocks the server. */
  version(): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binaries.ffmpeg, ['-version'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
      child.on('error', (error) =>
        reject(new FfmpegError(`could not run ffmpeg at ${this.binaries.ffmpeg}: ${error.message}`, stderr, { cause: error })),
      );
      child.on('close', (code, signal) => {
        if (code === 0) resolve(stdout.split('\n')[0] || 'ffmpeg');
        else reject(new FfmpegError(`ffmpeg at ${this.binaries.ffmpeg} does not run (${signal ?? `exit ${code}`})`, stderr));
      });
    });
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).at(-1) ?? text;
}
