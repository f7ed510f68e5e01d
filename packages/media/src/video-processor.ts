import type { FinishedRendition, TranscodeOutput, VideoInspection, VideoProcessor } from '@platform/core';
import { MediaRejectedError } from '@platform/core';
import { FfmpegError, type Ffmpeg } from './ffmpeg.ts';
import { HlsTranscoder } from './hls-transcoder.ts';
import { planLadder, UnplayableMediaError, type LadderLimits, type MediaPlan } from './ladder.ts';
import { masterPlaylist } from './playlists.ts';

/** The domain's VideoProcessor over ffmpeg: probe, plan, HLS ladder with poster and sprite. */
export class FfmpegVideoProcessor implements VideoProcessor {
  private readonly transcoder: HlsTranscoder;

  constructor(
    private readonly ffmpeg: Ffmpeg,
    private readonly limits: LadderLimits,
  ) {
    this.transcoder = new HlsTranscoder(ffmpeg);
  }

  async inspect(file: string): Promise<VideoInspection> {
    let plan: MediaPlan;
    let probe;
    try {
      probe = await this.ffmpeg.probe(file);
      plan = planLadder(probe, this.limits);
    } catch (error) {
      if (error instanceof UnplayableMediaError) throw new MediaRejectedError(error.message, { cause: error });
      if (error instanceof FfmpegError) {
        // ffprobe names the scratch file in its message; the uploader needs the reason, not our paths.
        const reason = error.message.replace(/^ffprobe could not read the file: /, '').replaceAll(`${file}: `, '').replaceAll(file, 'the file');
        throw new MediaRejectedError(`The file cannot be read as a video (${reason}). It may be damaged or incomplete; record or export it again.`, { cause: error });
      }
      throw error;
    }
    const top = plan.kind === 'video' ? plan.renditions[0]! : null;
    return {
      kind: plan.kind,
      plan,
      facts: {
        durationMs: Math.round(probe.durationSeconds * 1000),
        width: top?.width ?? null,
        height: top?.height ?? null,
        rotation: probe.video?.rotation ?? null,
        videoCodec: probe.video?.codec ?? null,
        audioCodec: probe.audio?.codec ?? null,
      },
    };
  }

  async transcode(file: string, inspection: VideoInspection, out: TranscodeOutput, callbacks: Parameters<VideoProcessor['transcode']>[3]): Promise<boolean> {
    const stills = { poster: out.poster, sprite: out.sprite, vtt: out.vtt, spriteUri: 'sprite.jpg' };
    try {
      return await this.transcoder.transcode(file, out.hlsDir, inspection.plan as MediaPlan, {
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
      }, stills);
    } catch (error) {
      // A decode error part-way through means a damaged file; retrying will not help.
      if (error instanceof FfmpegError && /Invalid data|corrupt|moov atom|Error while decoding/i.test(error.stderr)) {
        throw new MediaRejectedError('The video is damaged part-way through and cannot be converted. Record or export it again.', { cause: error });
      }
      throw error;
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
