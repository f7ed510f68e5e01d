import fs from 'node:fs/promises';
import path from 'node:path';
import { hlsAudioArgs, hlsCopyArgs, hlsEncodeArgs, remuxAudioOf } from './ffmpeg-args.ts';
import type { Ffmpeg } from './ffmpeg.ts';
import type { MediaPlan, RenditionPlan } from './ladder.ts';
import { avcCodecOfInit } from './mp4-codec.ts';
import {
  AAC_LC_CODEC,
  avc1Codec,
  measureBandwidth,
  parseMediaPlaylist,
  spriteVtt,
  withTrueLastSegment,
  type VariantEntry,
} from './playlists.ts';
import { planStills, stillsArgs, type StillsOutput } from './stills-args.ts';

/** A finished rendition, ready to publish: its files sit in `dir`. */
export interface RenditionResult {
  name: string;
  dir: string;
  remuxed: boolean;
  variant: VariantEntry;
}

export interface TranscodeCallbacks {
  /** Called as each rendition completes, before the next starts, so it can be published at once. */
  onRendition(result: RenditionResult): Promise<void>;
  /** Overall fraction done, 0..1. */
  onProgress(fraction: number): void;
  signal?: AbortSignal;
}

/** Where a video's poster, thumbnail sprite and the sprite's WebVTT map go. */
export interface StillFiles {
  poster: string;
  sprite: string;
  vtt: string;
  /** The sprite as the VTT refers to it, relative to the VTT. */
  spriteUri: string;
}

type VideoPlan = Extract<MediaPlan, { kind: 'video' }>;

/** One ffmpeg run that wrote video renditions: the media it covered and the wall time it took. */
export interface TranscodeRun {
  kind: 'remux' | 'encode';
  mediaSeconds: number;
  wallSeconds: number;
}

/** Told of every finished remux and encode run, e.g. to measure speed as × real time. */
export type TranscodeObserver = (run: TranscodeRun) => void;

/**
 * A remux started while the source is still being probed. Most phone videos are H.264/AAC MP4
 * that end up remuxed anyway, and starting ffmpeg costs about as much as probing; running both at
 * once puts the first rendition out one process start sooner. It copies the audio, so it is
 * cancelled when the plan wants something else, also a remux whose audio must be encoded (the
 * H.264/Opus a browser compresses to).
 */
export interface PreparedCopy {
  dir: string;
  /** Resolves with the wall seconds the remux took. */
  done: Promise<number>;
  cancel(): Promise<void>;
}

/**
 * Turns a source file into HLS renditions under `workDir/<name>/` following a plan: the remuxed
 * top first (seconds), then every encoded rung in one ffmpeg run, which also writes the poster
 * and the scrubbing sprite from the same decoding. Each finished rendition is handed to
 * `onRendition` immediately.
 */
export class HlsTranscoder {
  constructor(
    private readonly ffmpeg: Ffmpeg,
    private readonly observe: TranscodeObserver = () => {},
  ) {}

  /** Starts remuxing `input` into `dir` before its plan is known; see {@link PreparedCopy}. */
  prepareCopy(input: string, dir: string): PreparedCopy {
    const abort = new AbortController();
    const started = performance.now();
    const done = fs
      .mkdir(dir, { recursive: true })
      .then(() => this.ffmpeg.run(hlsCopyArgs(input, dir, 'copy-if-present'), { signal: abort.signal }))
      .then(() => (performance.now() - started) / 1000);
    done.catch(() => {}); // a cancelled or failed speculation is reported where it is awaited, if at all
    return {
      dir,
      done,
      async cancel() {
        abort.abort();
        await done.catch(() => {});
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  }

  /**
   * Returns whether stills were written: asked for, and the source is a video. `prepared`, when
   * given, is the plan's first copy rendition already under way.
   */
  async transcode(
    input: string,
    workDir: string,
    plan: MediaPlan,
    cb: TranscodeCallbacks,
    stills?: StillFiles,
    prepared?: PreparedCopy,
  ): Promise<boolean> {
    const duration = plan.durationSeconds;
    if (plan.kind === 'audio') {
      const dir = await mkdir(workDir, 'audio');
      await this.ffmpeg.run(hlsAudioArgs(input, dir, plan.mode === 'copy', plan.limitSeconds), {
        durationSeconds: duration,
        onProgress: cb.onProgress,
        signal: cb.signal,
      });
      await cb.onRendition(await this.describe('audio', dir, plan.mode === 'copy', { codecs: AAC_LC_CODEC, durationSeconds: duration }));
      return false;
    }
    const copies = plan.renditions.filter((r) => r.mode === 'copy');
    const encodes = plan.renditions.filter((r) => r.mode === 'encode');
    // Remuxing costs a few per cent of an encode; weigh progress accordingly.
    const copyShare = copies.length ? (encodes.length ? 0.05 : 1) : 0;
    const mediaSeconds = Math.min(duration, plan.limitSeconds ?? duration);
    for (const r of copies) {
      const adopted = r === copies[0] && prepared ? await adopt(prepared, workDir, r.name) : null;
      const dir = adopted?.dir ?? (await mkdir(workDir, r.name));
      let wallSeconds = adopted?.wallSeconds;
      if (!adopted) {
        const started = performance.now();
        await this.ffmpeg.run(hlsCopyArgs(input, dir, remuxAudioOf(r, plan.copyAudio), plan.limitSeconds), {
          durationSeconds: duration,
          onProgress: (f) => cb.onProgress(f * copyShare),
          signal: cb.signal,
        });
        wallSeconds = (performance.now() - started) / 1000;
      }
      this.observe({ kind: 'remux', mediaSeconds, wallSeconds: wallSeconds! });
      await cb.onRendition(await this.describe(r.name, dir, true, { rendition: r, fps: plan.fps, durationSeconds: duration }));
    }
    if (!encodes.length) {
      // A remux decodes nothing, so the stills need a run of their own.
      return stills ? this.stills(input, stills, plan, cb.signal) : false;
    }
    const outputs = await Promise.all(encodes.map(async (r) => ({ rendition: r, dir: await mkdir(workDir, r.name) })));
    const still = stills && stillsOutput(stills, plan);
    const started = performance.now();
    await this.ffmpeg.run(
      hlsEncodeArgs(input, outputs, { copyAudio: plan.copyAudio, stills: still, hdr: plan.hdr, limitSeconds: plan.limitSeconds }),
      {
        durationSeconds: duration,
        onProgress: (f) => cb.onProgress(copyShare + f * (1 - copyShare)),
        signal: cb.signal,
      },
    );
    this.observe({ kind: 'encode', mediaSeconds, wallSeconds: (performance.now() - started) / 1000 });
    const wroteStills = stills && still ? await finishStills(stills, still, duration) : false;
    const results = await Promise.all(
      outputs.map((o) =>
        this.describe(o.rendition.name, o.dir, false, { rendition: o.rendition, fps: plan.fps, durationSeconds: duration }),
      ),
    );
    // Lowest first: the smallest rendition is what a crowded wall tile plays.
    for (const result of results.reverse()) await cb.onRendition(result);
    return wroteStills;
  }

  /**
   * Poster and sprite with its VTT in one run of their own, for plans without an encode to ride
   * on. Returns false when the source yielded no still (the stream plays without a poster).
   */
  async stills(input: string, files: StillFiles, plan: VideoPlan, signal?: AbortSignal): Promise<boolean> {
    const out = stillsOutput(files, plan);
    await this.ffmpeg.run(stillsArgs(input, out, plan.limitSeconds), { signal });
    return finishStills(files, out, plan.durationSeconds);
  }

  /** Measures a finished rendition and reads its real codec profile and level from the output. */
  private async describe(
    name: string,
    dir: string,
    remuxed: boolean,
    known: { rendition?: RenditionPlan; fps?: number; codecs?: string; durationSeconds: number },
  ): Promise<RenditionResult> {
    const playlistFile = path.join(dir, 'index.m3u8');
    const written = await fs.readFile(playlistFile, 'utf8');
    const playlist = withTrueLastSegment(written, known.durationSeconds);
    if (playlist !== written) await fs.writeFile(playlistFile, playlist);
    const segments = parseMediaPlaylist(playlist);
    if (segments.length === 0) throw new Error(`rendition ${name} produced no segments`);
    const sized = await Promise.all(
      segments.map(async (s) => ({ duration: s.duration, bytes: (await fs.stat(path.join(dir, s.uri))).size })),
    );
    const { peak, average } = measureBandwidth(sized);
    let codecs = known.codecs ?? '';
    if (known.rendition) {
      const video = avcCodecOfInit(await fs.readFile(path.join(dir, 'init.mp4'))) ?? (await this.probeVideoCodec(dir, segments[0]!.uri));
      codecs = [video, ...(known.rendition.hasAudio ? [AAC_LC_CODEC] : [])].join(',');
    }
    return {
      name,
      dir,
      remuxed,
      variant: {
        uri: `${name}/index.m3u8`,
        bandwidth: peak,
        averageBandwidth: average,
        codecs,
        width: known.rendition?.width,
        height: known.rendition?.height,
        frameRate: known.fps && known.fps > 0 && known.fps <= 120 ? known.fps : undefined,
      },
    };
  }

  /**
   * The codec string as ffprobe sees the init segment plus the first media segment (it needs a
   * frame to name profile and level). Only for output whose avcC could not be read, which our
   * own muxing never produces; a measured value still beats a guessed one.
   */
  private async probeVideoCodec(dir: string, firstSegment: string): Promise<string> {
    const sample = path.join(dir, '.probe.mp4');
    await fs.writeFile(
      sample,
      Buffer.concat([await fs.readFile(path.join(dir, 'init.mp4')), await fs.readFile(path.join(dir, firstSegment))]),
    );
    try {
      const probe = await this.ffmpeg.probe(sample);
      return avc1Codec(probe.video?.profile ?? null, probe.video?.level ?? null);
    } finally {
      await fs.rm(sample, { force: true });
    }
  }
}

function stillsOutput(files: StillFiles, plan: VideoPlan): StillsOutput {
  return { poster: files.poster, sprite: files.sprite, plan: planStills(plan.durationSeconds, plan.renditions[0]!) };
}

/**
 * Writes the sprite's VTT once both stills exist. A clip with almost no decodable frames may give
 * ffmpeg nothing to write; that costs the poster, not the stream.
 */
async function finishStills(files: StillFiles, out: StillsOutput, durationSeconds: number): Promise<boolean> {
  const written = await Promise.all(
    [files.poster, files.sprite].map((file) =>
      fs.stat(file).then(
        (s) => s.size > 0,
        () => false,
      ),
    ),
  );
  if (!written.every(Boolean)) return false;
  await fs.writeFile(files.vtt, spriteVtt(out.plan.sprite, durationSeconds, files.spriteUri));
  return true;
}

/**
 * The prepared remux's directory moved to the rendition's place, with the time the remux took, or
 * null when the speculation failed.
 */
async function adopt(prepared: PreparedCopy, workDir: string, name: string): Promise<{ dir: string; wallSeconds: number } | null> {
  let wallSeconds: number;
  try {
    wallSeconds = await prepared.done;
  } catch {
    await prepared.cancel();
    return null;
  }
  await fs.mkdir(workDir, { recursive: true });
  const dir = path.join(workDir, name);
  await fs.rename(prepared.dir, dir);
  return { dir, wallSeconds };
}

async function mkdir(root: string, name: string): Promise<string> {
  const dir = path.join(root, name);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}
