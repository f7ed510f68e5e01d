#!/usr/bin/env node
// Generates the sample meeting recordings and photos the tests and benchmarks use, and the media
// of the seeded 百千万 catalogue and library, with ffmpeg (and pdfkit), into media-samples/out/
// (not committed). Idempotent: existing files are kept.
//
//   node media-samples/generate.mjs [--out DIR] [--long]     (--long adds the 60 s bench clip)
//
// ffmpeg: FFMPEG_PATH, else `ffmpeg` on PATH, else the binary shipped by @ffmpeg-installer.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const out = path.resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(here, 'out'));
mkdirSync(out, { recursive: true });

function findFfmpeg() {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH;
  if (spawnSync('ffmpeg', ['-version']).status === 0) return 'ffmpeg';
  return require('@ffmpeg-installer/ffmpeg').path;
}
const ffmpeg = findFfmpeg();

function make(name, ffArgs) {
  const target = path.join(out, name);
  if (existsSync(target)) return;
  const tmp = `${target}.partial${path.extname(name)}`;
  execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...ffArgs, tmp], { stdio: ['ignore', 'ignore', 'inherit'] });
  renameSync(tmp, target);
  console.log(`generated ${name}`);
}

// A moving test pattern with a clock and a tone: nothing black at the start, so posters are meaningful.
const video = (size, seconds, rate = 30) => ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`];
const tone = (seconds) => ['-f', 'lavfi', '-i', `sine=frequency=660:sample_rate=48000:duration=${seconds}`];
const h264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', '30', '-profile:v', 'high'];
const aac = ['-c:a', 'aac', '-b:a', '128k'];

make('landscape-720p-h264-aac.mp4', [...video('1280x720', 8), ...tone(8), ...h264, ...aac, '-shortest', '-movflags', '+faststart']);
// Phones record portrait as landscape frames plus a rotation in the container's display matrix;
// ffmpeg writes that matrix only when stream-copying, hence the second step.
make('landscape-6s.partial-src.mp4', [...video('1280x720', 6), ...tone(6), ...h264, ...aac, '-shortest']);
make('portrait-rotated-h264-aac.mp4', ['-i', path.join(out, 'landscape-6s.partial-src.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90']);
make('hevc-720p.mp4', [
  ...video('1280x720', 6),
  ...tone(6),
  '-c:v',
  'libx265',
  '-preset',
  'ultrafast',
  '-pix_fmt',
  'yuv420p',
  '-tag:v',
  'hvc1',
  ...aac,
  '-shortest',
  '-x265-params',
  'log-level=error',
]);
make('no-audio-720p.mp4', [...video('1280x720', 6), ...h264, '-an']);
make('landscape-1080p-h264-aac.mp4', [...video('1920x1080', 6), ...tone(6), ...h264, ...aac, '-shortest']);
// A phone camera's clip: 1080p at a phone's bit rate with its recording time and place, which the
// browser compresses before upload and must carry over (the evidence checks read them).
make('phone-1080p-capture.mp4', [
  ...video('1920x1080', 6),
  ...tone(6),
  ...h264,
  '-b:v',
  '12M',
  ...aac,
  '-shortest',
  '-metadata',
  'creation_time=2026-11-28T07:42:10Z',
  '-metadata',
  'location=+39.0257+117.7142/',
]);
make('odd-size-mpeg4.avi', [...video('642x362', 4), ...tone(4), '-c:v', 'mpeg4', '-q:v', '5', '-c:a', 'mp3', '-shortest']);
make('audio-only.m4a', [...tone(5), ...aac]);
// Over 5 MB, so with 5 MB parts it uploads in two parts (resume tests) and takes a while to encode (kill tests).
make('landscape-20s-720p-h264-aac.mp4', [...video('1280x720', 20), ...tone(20), ...h264, ...aac, '-shortest', '-movflags', '+faststart']);
make('photo-plain.jpg', ['-f', 'lavfi', '-i', 'testsrc2=size=1600x1200:duration=1', '-frames:v', '1', '-q:v', '3']);

// Truncated: the first half of a file whose index (moov) sits at the end, as a dropped upload leaves it.
const truncated = path.join(out, 'truncated.mp4');
if (!existsSync(truncated)) {
  const full = path.join(out, 'moov-at-end.partial.mp4');
  execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...video('1280x720', 4), ...h264, full]);
  const bytes = readFileSync(full);
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  execFileSync('rm', ['-f', full]);
  console.log('generated truncated.mp4');
}

const lying = path.join(out, 'not-a-video.mp4');
if (!existsSync(lying)) writeFileSync(lying, '这不是视频 — this is a text file named .mp4\n'.repeat(50));

// JPEGs with EXIF: capture time with offset, GPS in Binhai, camera, and an orientation tag.
const piexif = require('piexifjs');
// piexifjs predates EXIF 2.31, which added the capture time's UTC offset (tag 0x9011).
const OFFSET_TIME_ORIGINAL = 0x9011;
piexif.TAGS.Exif[OFFSET_TIME_ORIGINAL] ??= { name: 'OffsetTimeOriginal', type: 'Ascii' };
function withExif(source, target, { taken, offset, lat, lng, orientation = 1 }) {
  if (existsSync(path.join(out, target))) return;
  const toDms = (deg) => {
    const d = Math.floor(deg);
    const m = Math.floor((deg - d) * 60);
    const s = Math.round(((deg - d) * 60 - m) * 60 * 100);
    return [
      [d, 1],
      [m, 1],
      [s, 100],
    ];
  };
  const exif = {
    '0th': { [piexif.ImageIFD.Make]: 'Huawei', [piexif.ImageIFD.Model]: 'Mate 40 Pro', [piexif.ImageIFD.Orientation]: orientation },
    Exif: { [piexif.ExifIFD.DateTimeOriginal]: taken, [OFFSET_TIME_ORIGINAL]: offset },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: toDms(lat),
      [piexif.GPSIFD.GPSLongitudeRef]: 'E',
      [piexif.GPSIFD.GPSLongitude]: toDms(lng),
    },
  };
  const jpeg = readFileSync(path.join(out, source)).toString('binary');
  writeFileSync(path.join(out, target), Buffer.from(piexif.insert(piexif.dump(exif), jpeg), 'binary'));
  console.log(`generated ${target}`);
}
withExif('photo-plain.jpg', 'photo-exif-gps.jpg', { taken: '2026:11:28 07:42:10', offset: '+08:00', lat: 39.0257, lng: 117.7142 });
withExif('photo-plain.jpg', 'photo-rotated-exif.jpg', {
  taken: '2026:11:20 07:40:00',
  offset: '+08:00',
  lat: 38.9,
  lng: 117.6,
  orientation: 6,
});

// The 百千万 catalogue's lesson videos, posters and guidance PDFs and the library's material
// (out/catalogue/, out/library/): TypeScript, because their titles and text come from seeds/data.
execFileSync(process.execPath, ['--import', 'tsx', path.join(here, '..', 'seeds', 'media', 'cli.ts'), '--out', out, '--ffmpeg', ffmpeg], {
  cwd: path.join(here, '..'),
  stdio: 'inherit',
});

if (args.includes('--long')) {
  make('bench-60s-720p-h264-aac.mp4', [...video('1280x720', 60), ...tone(60), ...h264, ...aac, '-shortest', '-movflags', '+faststart']);
}
