// npm run capacity:transcode — what one phone video costs the workers, for the README's capacity
// model: an H.264 clip (1080p30 at 8 Mbit/s by default) with camera-like detail (noise, motion) goes through the pipeline's
// own plan and ffmpeg arguments (remux of the top rung, one encode for the lower rungs, poster and
// sprite), and the run prints CPU-seconds per media second (ffmpeg's user + system time, from
// bash's `times`), wall time and bytes of the original and of every output. Not part of `npm test`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hlsCopyArgs, hlsEncodeArgs, planLadder, planStills, remuxAudioOf, resolveFfmpegBinaries, Ffmpeg } from '@platform/media';

const SECONDS = Number(process.env.TRANSCODE_COST_SECONDS ?? 60);
// The default is what an NVR or a camera hands over; the web app compresses a phone's video to
// 720p at 1 Mbit/s before uploading (TRANSCODE_COST_SIZE=1280x720 TRANSCODE_COST_BITRATE=1M).
const SIZE = process.env.TRANSCODE_COST_SIZE ?? '1920x1080';
const BITRATE = process.env.TRANSCODE_COST_BITRATE ?? '8M';

const ffmpeg = new Ffmpeg(resolveFfmpegBinaries({}));
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'transcode-cost-'));
try {
  // Noise and a moving pattern keep the encoder honest: a flat test card costs a fraction of a real scene.
  const input = path.join(dir, 'source.mp4');
  const source = `testsrc2=s=${SIZE}:r=30:d=${SECONDS},noise=alls=12:allf=t+u`;
  cpuOf([
    '-hide_banner',
    '-y',
    '-f',
    'lavfi',
    '-i',
    source,
    '-f',
    'lavfi',
    '-i',
    `sine=f=440:d=${SECONDS}`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-b:v',
    BITRATE,
    '-maxrate',
    BITRATE,
    '-bufsize',
    '16M',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '60',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-shortest',
    '-movflags',
    '+faststart',
    input,
  ]);
  const probe = await ffmpeg.probe(input);
  const plan = planLadder(probe, { maxDurationSeconds: 3600, maxRemuxBitrate: 50_000_000 });
  if (plan.kind !== 'video') throw new Error('the generated clip was not planned as a video');
  const copies = plan.renditions.filter((r) => r.mode === 'copy');
  const encodes = plan.renditions.filter((r) => r.mode === 'encode');
  const stills = {
    poster: path.join(dir, 'poster.jpg'),
    sprite: path.join(dir, 'sprite.jpg'),
    plan: planStills(plan.durationSeconds, plan.renditions[0]!),
  };

  const out = (name: string) => path.join(dir, 'out', name);
  let remux = { cpu: 0, wall: 0 };
  for (const r of copies) {
    await fs.mkdir(out(r.name), { recursive: true });
    remux = cpuOf(hlsCopyArgs(input, out(r.name), remuxAudioOf(r, plan.copyAudio)));
  }
  const outputs = await Promise.all(
    encodes.map(async (r) => {
      await fs.mkdir(out(r.name), { recursive: true });
      return { rendition: r, dir: out(r.name) };
    }),
  );
  const encode = cpuOf(hlsEncodeArgs(input, outputs, { copyAudio: plan.copyAudio, stills }));

  const original = (await fs.stat(input)).size;
  const sizes = await Promise.all(plan.renditions.map(async (r) => [r.name, await dirBytes(out(r.name))] as const));
  const derived = sizes.reduce((sum, [, bytes]) => sum + bytes, 0) + (await fileBytes(stills.poster)) + (await fileBytes(stills.sprite));
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `\n${SECONDS} s ${SIZE} 30 fps H.264 + AAC at ${BITRATE}b/s (${mib(original)} MiB); ladder: ${plan.renditions.map((r) => `${r.name} ${r.mode}`).join(', ')}`,
  );
  console.log(`  remux of the top rung: ${remux.cpu.toFixed(1)} CPU-s, ${remux.wall.toFixed(1)} s`);
  console.log(
    `  one encode (lower rungs, poster, sprite): ${encode.cpu.toFixed(1)} CPU-s, ${encode.wall.toFixed(1)} s on ${os.cpus().length} cores`,
  );
  for (const [name, bytes] of sizes) console.log(`  ${name}: ${mib(bytes)} MiB`);
  console.log(`  stored: original ${mib(original)} MiB, derived ${mib(derived)} MiB (${(derived / original).toFixed(2)}× the original)`);
  const perSecond = (remux.cpu + encode.cpu) / SECONDS;
  console.log(
    `transcode cost: ${perSecond.toFixed(2)} CPU-s per media second (${((remux.cpu + encode.cpu) / (SECONDS / 60)).toFixed(0)} CPU-s per minute of video)`,
  );
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Runs ffmpeg under bash and reads its user + system time from `times`; returns CPU and wall seconds. */
function cpuOf(args: string[]): { cpu: number; wall: number } {
  const started = performance.now();
  const quoted = [ffmpeg.binaries.ffmpeg, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const printed = execFileSync('bash', ['-c', `${quoted} -loglevel error && times`], { encoding: 'utf8', maxBuffer: 1 << 24 });
  // `times` prints the shell's then its children's "<m>m<s>s <m>m<s>s" (user, system).
  const children = printed.trim().split('\n').at(-1)!;
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { cpu, wall: (performance.now() - started) / 1000 };
}

async function dirBytes(dir: string): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(names.map((n) => fileBytes(path.join(dir, n))));
  return sizes.reduce((a, b) => a + b, 0);
}

async function fileBytes(file: string): Promise<number> {
  return fs.stat(file).then(
    (s) => s.size,
    () => 0,
  );
}
