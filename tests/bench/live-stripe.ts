// The latency probe of `npm run bench:live`: an ffmpeg encoder that burns the wall-clock time into
// every frame it pushes, and a script for the page that reads it back from each frame the player
// shows. Both run on this machine, so both read the same clock and no synchronisation is needed.
//
// The time is the wall clock in milliseconds modulo 2^32, written as 32 black/white blocks along
// the top of the picture (bit i at x = i·width/32, least significant bit on the left). ffmpeg takes
// it when the frame leaves the test source (`setpts=RTCTIME` after `-re` paced it), i.e. at
// "capture"; the page reads it when the frame is about to be displayed, i.e. at "glass".
import { spawn, type ChildProcess } from 'node:child_process';

export interface StripeOptions {
  width?: number;
  height?: number;
  fps?: number;
}

export interface Stripe {
  /** Resolves (with ffmpeg's exit code) when the encoder ends; it should not before `stop`. */
  exited: Promise<number | null>;
  /** The last lines ffmpeg wrote on stderr (for errors). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Pushes a test pattern with the time stripe to `rtmpUrl`, as an encoder set up for live would
 * (H.264 with a 1 s GOP, zero-latency tuning, AAC audio, FLV over RTMP).
 */
export function startStripe(rtmpUrl: string, options: StripeOptions = {}): Stripe {
  const { width = 1280, height = 720, fps = 25 } = options;
  const bit = width / 32;
  if (!Number.isInteger(bit)) throw new Error(`stripe width ${width} is not a multiple of 32`);
  const band = stripeHeight(height);
  const graph =
    `testsrc2=size=${width}x${height}:rate=${fps},settb=AVTB,setpts=RTCTIME,split[a][b];` +
    // geq only on the band: on the whole frame it could not keep up in real time.
    `[b]crop=${width}:${band}:0:0,format=gray,geq=lum='255*mod(floor(mod(T*1000\\,4294967296)/pow(2\\,floor(X/${bit})))\\,2)',format=yuv420p[s];` +
    // Back to frame-numbered timestamps: the encoder's output is a plain ${fps} fps stream.
    `[a][s]overlay=0:0,setpts=N/(${fps}*TB)[out0];` +
    // Sound from the same graph: with a second input ffmpeg 5.1 reads each input in a thread of its
    // own, up to 8 frames ahead of -re's pacing, and the frames would carry a time from before they
    // are sent (measured: every latency 310 ms too high).
    `sine=frequency=440:sample_rate=48000[out1]`;
  const args = [
    '-nostdin',
    '-loglevel',
    'error',
    '-re',
    '-f',
    'lavfi',
    '-i',
    graph,
    '-map',
    '0:v',
    '-map',
    '0:a',
    '-fps_mode',
    'passthrough',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-g',
    String(fps),
    '-keyint_min',
    String(fps),
    '-sc_threshold',
    '0',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-f',
    'flv',
    rtmpUrl,
  ];
  const child: ChildProcess = spawn(process.env.FFMPEG_PATH ?? 'ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  child.stderr!.on('data', (d: Buffer) => (tail = (tail + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  return {
    exited,
    log: () => tail,
    async stop() {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Height of the time band for a picture `height` pixels high (16 px at 360p). */
export function stripeHeight(height: number): number {
  return Math.max(8, Math.round((16 * height) / 360));
}

export interface LatencyRun {
  /** Glass-to-glass latency of every frame shown after the warm-up, ms. */
  samples: number[];
  /** When each sample was taken, ms after the warm-up. */
  times: number[];
  /** How far the buffer reached beyond the playhead at each sample, ms (what the player holds back). */
  ahead: number[];
  /** Frames shown during the warm-up (not counted) and frames whose band could not be read. */
  warmupFrames: number;
  unreadable: number;
  /** Times a frame came more than 0.5 s after the previous one (after the warm-up). */
  freezes: number;
  /** ms from the call to the first frame shown. */
  firstFrameAfter: number;
  /** The element's playback quality at the end (frames the browser dropped). */
  droppedFrames: number;
  totalFrames: number;
  videoWidth: number;
  videoHeight: number;
}

declare global {
  interface Window {
    __liveLatency(selector: string, warmupMs: number, sampleMs: number): Promise<LatencyRun>;
  }
}

/**
 * An init script for the page: `window.__liveLatency(selector, warmupMs, sampleMs)` waits for the
 * first frame of the <video> matching `selector`, lets `warmupMs` pass, then for `sampleMs` reads
 * the band of every frame presented (requestVideoFrameCallback) and compares it with the time
 * the frame is expected on screen.
 */
export const STRIPE_READER = `(() => {
  window.__liveLatency = async (selector, warmupMs, sampleMs) => {
    const called = performance.now();
    const canvas = new OffscreenCanvas(640, 16);
    const g = canvas.getContext('2d', { willReadFrequently: true });
    const samples = [], times = [], ahead = [];
    let warmupFrames = 0, unreadable = 0, freezes = 0, first = null, last = null, video = null;
    return await new Promise((resolve) => {
      const finish = () => {
        clearInterval(watch);
        const q = video.getVideoPlaybackQuality();
        resolve({ samples, times, ahead, warmupFrames, unreadable, freezes, firstFrameAfter: first - called,
          droppedFrames: q.droppedVideoFrames, totalFrames: q.totalVideoFrames,
          videoWidth: video.videoWidth, videoHeight: video.videoHeight });
      };
      const follow = (el) => {
        video = el;
        const onFrame = (now, meta) => {
          if (video !== el) return;
          const at = performance.now();
          if (first === null) first = at;
          // A frame shown more than 0.5 s after the previous one: the picture froze.
          if (last !== null && at - last > 500 && at - first >= warmupMs) freezes++;
          last = at;
          if (at - first < warmupMs) warmupFrames++;
          else {
            const vw = el.videoWidth, vh = el.videoHeight;
            // The band is 16/360 of the height; read the middle row of each of the 32 blocks.
            g.drawImage(el, 0, 0, vw, (16 * vh) / 360, 0, 0, 640, 16);
            const px = g.getImageData(0, 8, 640, 1).data;
            let value = 0;
            for (let i = 31; i >= 0; i--) value = value * 2 + (px[(i * 20 + 10) * 4] > 127 ? 1 : 0);
            // When the frame is on screen, on the wall clock the stripe was written with.
            const glass = Date.now() + (meta.expectedDisplayTime - now);
            const latency = (((glass % 4294967296) - value) % 4294967296 + 4294967296) % 4294967296;
            if (latency < 60000) {
              samples.push(latency);
              times.push(Math.round(at - first - warmupMs));
            } else unreadable++;
            const b = el.buffered;
            if (b.length) ahead.push(Math.round((b.end(b.length - 1) - el.currentTime) * 1000));
          }
          el.requestVideoFrameCallback(onFrame);
        };
        el.requestVideoFrameCallback(onFrame);
      };
      // Finds the element (and follows it if the page replaces it); ends on time even if frames stop.
      const watch = setInterval(() => {
        const el = document.querySelector(selector);
        if (el && el !== video) follow(el);
        if (first !== null && performance.now() - first >= warmupMs + sampleMs) finish();
      }, 100);
    });
  };
})();`;

/**
 * The floor without a browser: ffmpeg reads `url` (HTTP-FLV) as a low-latency client would, each
 * decoded frame's band is averaged into 32 bytes on stdout, and the latency is now minus its time.
 * Frames of the first `warmupMs` (the cached GOP sent to a new reader first) are skipped.
 */
export async function readStripeWithFfmpeg(url: string, warmupMs: number, sampleMs: number, height = 720): Promise<number[]> {
  const band = stripeHeight(height);
  const child = spawn(
    process.env.FFMPEG_PATH ?? 'ffmpeg',
    [
      ...['-nostdin', '-loglevel', 'error', '-fflags', 'nobuffer', '-flags', 'low_delay', '-probesize', '32768', '-analyzeduration', '0'],
      ...['-i', url, '-map', '0:v', '-vf', `crop=iw:${band}:0:0,scale=32:1:flags=area,format=gray`],
      ...['-f', 'rawvideo', '-flush_packets', '1', 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const samples: number[] = [];
  const started = Date.now();
  let pending = Buffer.alloc(0);
  child.stdout!.on('data', (chunk: Buffer) => {
    const now = Date.now();
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 32) {
      let value = 0;
      for (let i = 31; i >= 0; i--) value = value * 2 + (pending[i]! > 127 ? 1 : 0);
      pending = pending.subarray(32);
      if (now - started < warmupMs) continue;
      const latency = ((((now % 4294967296) - value) % 4294967296) + 4294967296) % 4294967296;
      if (latency < 60_000) samples.push(latency);
    }
  });
  await new Promise((r) => setTimeout(r, warmupMs + sampleMs));
  child.kill('SIGKILL');
  return samples;
}

/** The value below which `p` (0–100) of `values` lie (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
