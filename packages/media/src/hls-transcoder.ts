import fs from 'node:fs/promises';
import path from 'node:path';
import { hlsAudioArgs, hlsCopyArgs, hlsEncodeArgs, planSprite, posterArgs, spriteArgs } from './ffmpeg-args.ts';
import type { Ffmpeg } from './ffmpeg.ts';
import type { MediaPlan, RenditionPlan } from './ladder.ts';
import { AAC_LC_CODEC, avc1Codec, measureBandwidth, parseMediaPlaylist, spriteVtt, type VariantEntry } from './playlists.ts';

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

/**
 * Turns a source file into HLS renditions under `workDir/<name>/` following a plan: the remuxed
 * top first (seconds), then every encoded rung in one ffmpeg run. Then a poster and a scrubbing
 * sprite. Each finished rendition is handed to `onRendition` immediately.
 */
export class HlsTranscoder {
  constructor(private readonly ffmpeg: Ffmpeg) {}

  async transcode(input: string, workDir: string, plan: MediaPlan, cb: TranscodeCallbacks): Promise<void> {
    const duration = plan.durationSeconds;
    if (plan.kind === 'audio') {
      const dir = await mkdir(workDir, 'audio');
      await this.ffmpeg.run(hlsAudioArgs(input, dir, plan.mode === 'copy'), { durationSeconds: duration, onProgress: cb.onProgress, signal: cb.signal });
      await cb.onRendition(await this.describe('audio', dir, plan.mode === 'copy', { codecs: AAC_LC_CODEC }));
      return;
    }
    const copies = plan.renditions.filter((r) => r.mode === 'copy');
    const encodes = plan.renditions.filter((r) => r.mode === 'encode');
    // Remuxing costs a few per cent of an encode; weigh progress accordingly.
    const copyShare = copies.length ? (encodes.length ? 0.05 : 1) : 0;
    for (const r of copies) {
      const dir = await mkdir(workDir, r.name);
      await this.ffmpeg.run(hlsCopyArgs(input, dir, r.hasAudio), { durationSeconds: duration, onProgress: (f) => cb.onProgress(f * copyShare), signal: cb.signal });
      await cb.onRendition(await this.describe(r.name, dir, true, { rendition: r }));
    }
    if (encodes.length) {
      const outputs = await Promise.all(encodes.map(async (r) => ({ rendition: r, dir: await mkdir(workDir, r.name) })));
      await this.ffmpeg.run(hlsEncodeArgs(input, outputs, { copyAudio: plan.copyAudio }), {
        durationSeconds: duration,
        onProgress: (f) => cb.onProgress(copyShare + f * (1 - copyShare)),
        signal: cb.signal,
      });
      // Lowest first: the smallest rendition is what a crowded wall tile plays.
      for (const o of [...outputs].reverse()) await cb.onRendition(await this.describe(o.rendition.name, o.dir, false, { rendition: o.rendition }));
    }
  }

  /** A representative frame as JPEG, at most 1280 px on its long side. */
  async poster(input: string, output: string, plan: Extract<MediaPlan, { kind: 'video' }>): Promise<void> {
    const top = plan.renditions[0]!;
    const scale = Math.min(1, 1280 / Math.max(top.width, top.height));
    const size = { width: even(top.width * scale), height: even(top.height * scale) };
    await this.ffmpeg.run(posterArgs(input, output, plan.durationSeconds, size));
  }

  /** Thumbnail sprite and the WebVTT that maps times to tiles. */
  async sprite(input: string, imageFile: string, vttFile: string, plan: Extract<MediaPlan, { kind: 'video' }>, spriteUri: string): Promise<void> {
    const top = plan.renditions[0]!;
    const sprite = planSprite(plan.durationSeconds, { width: top.width, height: top.height });
    await this.ffmpeg.run(spriteArgs(input, imageFile, sprite));
    await fs.writeFile(vttFile, spriteVtt(sprite, plan.durationSeconds, spriteUri));
  }

  /** Measures a finished rendition and reads its real codec profile and level from the output. */
  private async describe(name: string, dir: string, remuxed: boolean, known: { rendition?: RenditionPlan; codecs?: string }): Promise<RenditionResult> {
    const playlist = await fs.readFile(path.join(dir, 'index.m3u8'), 'utf8');
    const segments = parseMediaPlaylist(playlist);
    if (segments.length === 0) throw new Error(`rendition ${name} produced no segments`);
    const sized = await Promise.all(segments.map(async (s) => ({ duration: s.duration, bytes: (await fs.stat(path.join(dir, s.uri))).size })));
    const { peak, average } = measureBandwidth(sized);
    let codecs = known.codecs ?? '';
    let frameRate: number | undefined;
    if (known.rendition) {
      // ffprobe reads the init segment plus the first media segment as one fragmented MP4.
      const sample = path.join(dir, '.probe.mp4');
      await fs.writeFile(sample, Buffer.concat([await fs.readFile(path.join(dir, 'init.mp4')), await fs.readFile(path.join(dir, segments[0]!.uri))]));
      const probe = await this.ffmpeg.probe(sample);
      await fs.rm(sample, { force: true });
      codecs = [avc1Codec(probe.video?.profile ?? null, probe.video?.level ?? null), ...(probe.audio ? [AAC_LC_CODEC] : [])].join(',');
      frameRate = probe.video?.fps;
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
        frameRate: frameRate && frameRate > 0 && frameRate <= 120 ? frameRate : undefined,
      },
    };
  }
}

async function mkdir(root: string, name: string): Promise<string> {
  const dir = path.join(root, name);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}
