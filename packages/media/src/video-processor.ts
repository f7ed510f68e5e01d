import { open } from 'node:fs/promises';
import path from 'node:path';
import type { FinishedRendition, TranscodeOutput, VideoInspection, VideoProcessor } from '@platform/core';
import { MediaRejectedError } from '@platform/core';
import { parseCaptureTags } from './capture-tags.ts';
import { FfmpegError, type Ffmpeg } from './ffmpeg.ts';
import { HlsTranscoder, type PreparedCopy, type TranscodeObserver } from './hls-transcoder.ts';
import { planLadder, UnplayableMediaError, type LadderLimits, type MediaPlan } from './ladder.ts';
import { masterPlaylist } from './playlists.ts';

/** What `inspect` hands to `transcode` (opaque to the domain): the plan and a remux already under way. */
interface Planned {
  media: MediaPlan;
  prepared: PreparedCopy | null;
}

/** ISO base media (MP4, MOV, 3GP): the containers phones record, and the ones worth a speculative remux. */
async function isMp4(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    return head.toString('latin1', 4, 8) === 'ftyp';
  } finally {
    await handle.close();
  }
}

/** The domain's VideoProcessor over ffmpeg: probe, plan, HLS ladder with poster and sprite. */
export class FfmpegVideoProcessor implements VideoProcessor {
  private readonly transcoder: HlsTranscoder;

  constructor(
    private readonly ffmpeg: Ffmpeg,
    private readonly limits: LadderLimits,
    /** The clock a capture time in the future is judged by. */
    private readonly now: () => Date = () => new Date(),
    /** Told the speed of every remux and encode (metrics). */
    observe?: TranscodeObserver,
  ) {
    this.transcoder = new HlsTranscoder(ffmpeg, observe);
  }

  async inspect(file: string, options: { maxDurationSeconds?: number } = {}): Promise<VideoInspection> {
    let plan: MediaPlan;
    let probe;
    const prepared = (await isMp4(file)) ? this.transcoder.prepareCopy(file, path.join(path.dirname(file), 'prepared-copy')) : null;
    try {
      probe = await this.ffmpeg.probe(file);
      plan = planLadder(probe, { ...this.limits, maxDurationSeconds: options.maxDurationSeconds ?? this.limits.maxDurationSeconds });
    } catch (error) {
      await prepared?.cancel();
      if (error instanceof UnplayableMediaError)
        throw new MediaRejectedError(error.code, error.message, { params: error.params, cause: error });
      if (error instanceof FfmpegError && error.exitCode !== null) {
        // ffprobe's own words name our scratch file; operators get them through the cause, users the code.
        throw new MediaRejectedError('MEDIA_UNREADABLE', 'No reader understands the file: it is damaged, incomplete or not a recording.', {
          cause: error,
        });
      }
      throw error;
    }
    const top = plan.kind === 'video' ? plan.renditions[0]! : null;
    // The speculation matches the plan only for a whole file whose top rendition is a remux that
    // copies the audio, or has none: it copied whatever audio there was, and fails on Opus.
    const useful = top?.mode === 'copy' && plan.kind === 'video' && plan.limitSeconds === null && (plan.copyAudio || !top.hasAudio);
    if (prepared && !useful) await prepared.cancel();
    const truncatedAt = probe.extent.truncatedAtSeconds;
    const capture = parseCaptureTags(probe.formatTags, this.now());
    return {
      kind: plan.kind,
      plan: { media: plan, prepared: useful ? prepared : null } satisfies Planned,
      facts: {
        durationMs: Math.round(probe.durationSeconds * 1000),
        truncatedAtMs: truncatedAt === null ? null : Math.round(truncatedAt * 1000),
        declaredDurationMs: truncatedAt === null ? null : Math.round(probe.extent.declaredSeconds * 1000),
        width: top?.width ?? null,
        height: top?.height ?? null,
        rotation: probe.video?.rotation ?? null,
        videoCodec: probe.video?.codec ?? null,
        audioCodec: probe.audio?.codec ?? null,
        capturedAt: capture.capturedAt,
        capturedOffset: capture.capturedOffset,
        gpsLatitude: capture.latitude,
        gpsLongitude: capture.longitude,
      },
    };
  }

  async transcode(
    file: string,
    inspection: VideoInspection,
    out: TranscodeOutput,
    callbacks: Parameters<VideoProcessor['transcode']>[3],
  ): Promise<boolean> {
    const stills = { poster: out.poster, sprite: out.sprite, vtt: out.vtt, spriteUri: 'sprite.jpg' };
    try {
      const planned = inspection.plan as Planned;
      return await this.transcoder.transcode(
        file,
        out.hlsDir,
        planned.media,
        {
          signal: callbacks.signal,
          onProgress: callbacks.onProgress,
          onRendition: (r) =>
            callbacks.onRendition({
              name: r.name,
              dir: r.dir,
              remuxed: r.remuxed,
              width: r.variant.width ?? null,
              height: r.variant.height ?? null,
              bandwidth: r.variant.bandwidth,
              averageBandwidth: r.variant.averageBandwidth,
              codecs: r.variant.codecs,
              frameRate: r.variant.frameRate ?? null,
            }),
        },
        stills,
        planned.prepared ?? undefined,
      );
    } catch (error) {
      throw asRejection(error);
    }
  }

  masterPlaylist(renditions: FinishedRendition[]): string {
    return masterPlaylist(
      renditions.map((r) => ({
        uri: `${r.name}/index.m3u8`,
        bandwidth: r.bandwidth,
        averageBandwidth: r.averageBandwidth,
        codecs: r.codecs,
        width: r.width ?? undefined,
        height: r.height ?? undefined,
        frameRate: r.frameRate ?? undefined,
      })),
    );
  }
}

// Failures of the machine, not of the file: worth another attempt.
const TRANSIENT = /No space left|Cannot allocate memory|Resource temporarily unavailable|Too many open files/i;
const DAMAGED = /Invalid data|corrupt|moov atom|Error while decoding|invalid NAL|partial file|error reading header/i;

/**
 * ffmpeg that ran to its end and refused the file will refuse it again: such a failure ends the
 * job with a reason instead of being retried. One killed or short of resources may pass next time.
 */
function asRejection(error: unknown): unknown {
  if (!(error instanceof FfmpegError) || error.exitCode === null || TRANSIENT.test(error.stderr)) return error;
  return DAMAGED.test(error.stderr)
    ? new MediaRejectedError('MEDIA_DAMAGED', 'The recording is damaged part-way through and cannot be converted.', { cause: error })
    : new MediaRejectedError('MEDIA_PROCESSING_FAILED', 'ffmpeg refused the file; see the cause for its output.', { cause: error });
}
