import {
  ALL_FORMATS,
  AudioSampleSink,
  AudioSampleSource,
  BlobSource,
  BufferTarget,
  canEncodeAudio,
  EncodedPacket,
  EncodedVideoPacketSource,
  Input,
  type InputAudioTrack,
  type InputVideoTrack,
  Mp4OutputFormat,
  Output,
  VideoSampleSink,
} from 'mediabunny';
import { blobReader, readCaptureFacts, setMovieTime } from './mp4-boxes.ts';

/**
 * What the command-centre wall needs: 720p (a tile, or one meeting full screen) at a bit rate a
 * meeting-room scene (people standing, little motion) looks clean at, close to what chat apps
 * send. 1 Mbit/s rather than 1.5 puts a minute of video through a 4 Mbit/s uplink in ~17 s
 * instead of ~26 s (bench:report).
 */
export const VIDEO_TARGET = { shortSide: 720, videoBitrate: 1_000_000, audioBitrate: 64_000, keyFrameSeconds: 2 } as const;
// H.264 Constrained Baseline, level 4: every WebCodecs H.264 encoder has it, up to 720p60.
const AVC_CODEC = 'avc1.420028';
// A file already this lean is sent as it is.
const LEAN_BITRATE = VIDEO_TARGET.videoBitrate * 1.6;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

export interface CompressProgress {
  (fraction: number): void;
}

/**
 * The video re-encoded in the browser (WebCodecs through mediabunny) to at most 720p H.264 at
 * the wall's bit rate, with its recording time and place kept, or null to send the original:
 * already small, or a browser or file the encoder cannot handle (HEVC on a desktop browser,
 * no WebCodecs). Never throws for the file's sake: the original always remains.
 */
export async function compressVideo(file: File, onProgress: CompressProgress, signal: AbortSignal): Promise<File | null> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoDecoder === 'undefined') return null;
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack();
    if (!video || !(await video.canDecode())) return null;
    const duration = await input.computeDuration();
    if (!(duration > 0)) return null;
    const shortSide = Math.min(video.displayWidth, video.displayHeight);
    if (shortSide <= VIDEO_TARGET.shortSide && (file.size * 8) / duration <= LEAN_BITRATE) return null;
    const scale = Math.min(1, VIDEO_TARGET.shortSide / shortSide);
    const size = { width: even(video.codedWidth * scale), height: even(video.codedHeight * scale) };
    const config: VideoEncoderConfig = {
      codec: AVC_CODEC,
      ...size,
      bitrate: VIDEO_TARGET.videoBitrate,
      framerate: 30,
      avc: { format: 'avc' },
    };
    if (!(await VideoEncoder.isConfigSupported(config)).supported) return null;
    const audio = await input.getPrimaryAudioTrack();
    const audioPlan = audio ? await audioPlanFor(audio) : null;
    if (audio && !audioPlan) return null;

    const output = new Output({
      format: new Mp4OutputFormat({ fastStart: 'in-memory', metadataFormat: 'mdta' }),
      target: new BufferTarget(),
    });
    const videoSource = new EncodedVideoPacketSource('avc');
    output.addVideoTrack(videoSource, { rotation: video.rotation });
    const audioSource = audioPlan?.source;
    if (audioSource) output.addAudioTrack(audioSource);
    const facts = await readCaptureFacts(blobReader(file), file.size);
    output.setMetadataTags({ raw: await keptTags(input, facts.location) });
    await output.start();

    await Promise.all([
      encodeVideo(video, videoSource, config, duration, onProgress, signal),
      audio && audioPlan ? audioPlan.run(audio, signal) : Promise.resolve(),
    ]);
    await output.finalize();
    const bytes = new Uint8Array((output.target as BufferTarget).buffer!);
    // The muxer stamps "now" in the movie header; the recording's own time (or none) goes back in.
    await setMovieTime(bytes, facts.recordedAt);
    if (bytes.length >= file.size) return null;
    const name = file.name.replace(/\.\w+$/, '') + '.mp4';
    return new File([bytes as BlobPart], name, { type: 'video/mp4', lastModified: file.lastModified });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    console.warn('video compression failed; sending the original', error);
    return null;
  } finally {
    input.dispose();
  }
}

/**
 * Decoded frames go to a WebCodecs encoder configured at the target size: the encoder scales
 * them itself (libyuv), which is several times faster than drawing every frame to a canvas.
 */
async function encodeVideo(
  track: InputVideoTrack,
  source: EncodedVideoPacketSource,
  config: VideoEncoderConfig,
  duration: number,
  onProgress: CompressProgress,
  signal: AbortSignal,
): Promise<void> {
  let written = Promise.resolve();
  let failure: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const packet = EncodedPacket.fromEncodedChunk(chunk);
      written = written.then(() => source.add(packet, meta));
    },
    error: (error) => (failure = error),
  });
  encoder.configure(config);
  let nextKey = -Infinity;
  try {
    for await (const sample of new VideoSampleSink(track).samples()) {
      signal.throwIfAborted();
      if (failure) throw failure;
      const keyFrame = sample.timestamp >= nextKey;
      if (keyFrame) nextKey = sample.timestamp + VIDEO_TARGET.keyFrameSeconds;
      const frame = sample.toVideoFrame();
      encoder.encode(frame, { keyFrame });
      frame.close();
      sample.close();
      // Decoding outruns encoding: hold the decoder back instead of queueing frames in memory.
      while (encoder.encodeQueueSize > 4) await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
      onProgress(Math.min(1, sample.timestamp / duration));
    }
    await encoder.flush();
    if (failure) throw failure;
    await written;
  } finally {
    if (encoder.state !== 'closed') encoder.close();
  }
}

interface AudioPlan {
  source: AudioSampleSource;
  run(track: InputAudioTrack, signal: AbortSignal): Promise<void>;
}

/**
 * Audio is encoded again at 64 kbit/s, plenty for speech: phones record 128–256 kbit/s AAC, which
 * copied would cost a minute of video ~1 MB more (2 s at 4 Mbit/s). AAC where the browser has an
 * encoder, else Opus (Chromium on Linux); the server then makes AAC for the wall, remuxing the video.
 */
async function audioPlanFor(track: InputAudioTrack): Promise<AudioPlan | null> {
  if (!(await track.canDecode())) return null;
  const codec = (await canEncodeAudio('aac')) ? 'aac' : (await canEncodeAudio('opus')) ? 'opus' : null;
  if (!codec) return null;
  const source = new AudioSampleSource({ codec, bitrate: VIDEO_TARGET.audioBitrate });
  return {
    source,
    async run(t, signal) {
      for await (const sample of new AudioSampleSink(t).samples()) {
        signal.throwIfAborted();
        await source.add(sample);
        sample.close();
      }
    },
  };
}

/** The input's QuickTime capture keys (iPhone) plus the ©xyz location (Android) as a QuickTime key. */
async function keptTags(input: Input, location: string | null): Promise<Record<string, string>> {
  const raw = (await input.getMetadataTags()).raw ?? {};
  const kept: Record<string, string> = {};
  for (const key of [
    'com.apple.quicktime.creationdate',
    'com.apple.quicktime.location.ISO6709',
    'com.apple.quicktime.make',
    'com.apple.quicktime.model',
  ]) {
    const value = raw[key];
    if (typeof value === 'string') kept[key] = value;
  }
  if (location && !kept['com.apple.quicktime.location.ISO6709']) kept['com.apple.quicktime.location.ISO6709'] = location;
  return kept;
}
