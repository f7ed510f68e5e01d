// What the report benchmark's phone picks: a camera clip at a phone's bit rate and two photos.
// Generated with ffmpeg once into a git-ignored directory and reused by later runs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import piexif from 'piexifjs';

export interface ReportMedia {
  /** 1080p30 H.264 High + AAC, ~17 Mbit/s, with a recording time and an ISO 6709 location. */
  video: string;
  /** A camera-like 4000×3000 JPEG of about 4 MB with EXIF, and the small sample photo with GPS. */
  photos: string[];
}

const ffmpeg = process.env.FFMPEG_PATH ?? 'ffmpeg';

/**
 * The clip and photos for `seconds` of video under `dir` (made on first use), plus the sample
 * photo `media-samples/out/photo-exif-gps.jpg` (made by media-samples/generate.mjs if missing).
 */
export async function reportMedia(root: string, dir: string, seconds: number): Promise<ReportMedia> {
  const samplePhoto = path.join(root, 'media-samples/out/photo-exif-gps.jpg');
  if (!existsSync(samplePhoto)) execFileSync(process.execPath, [path.join(root, 'media-samples/generate.mjs')], { stdio: 'inherit' });

  // File names as an Android camera writes them; the server and the wall see these names.
  const video = path.join(dir, `${seconds}s`, 'VID_20261128_074210.mp4');
  if (!existsSync(video)) {
    await fs.mkdir(path.dirname(video), { recursive: true });
    console.log(`generating a ${seconds} s 1080p clip at ~17 Mbit/s (once; about 2× its length on 2 cores)…`);
    // Temporal noise stands in for a sensor's grain: a clean test pattern would need a tenth of
    // the bits, and the encoder (x264 here, WebCodecs in the browser) would have an easy time.
    await ffmpegTo(video, [
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=1920x1080:rate=30:duration=${seconds}`,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=660:sample_rate=48000:duration=${seconds}`,
      '-vf',
      'noise=alls=8:allf=t',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-profile:v',
      'high',
      '-g',
      '30',
      '-b:v',
      '16.8M',
      '-maxrate',
      '20M',
      '-bufsize',
      '32M',
      '-c:a',
      'aac',
      '-b:a',
      '192k',
      '-ac',
      '2',
      '-shortest',
      '-metadata',
      'creation_time=2026-11-28T07:42:10Z',
      '-metadata',
      'location=+39.0257+117.7142/',
    ]);
  }

  const camera = path.join(dir, 'IMG_20261128_074230.jpg');
  if (!existsSync(camera)) {
    const plain = path.join(dir, 'camera-plain.jpg');
    await ffmpegTo(plain, [
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=4000x3000:duration=1',
      '-vf',
      'noise=alls=16:allf=u',
      '-frames:v',
      '1',
      '-q:v',
      '2',
    ]);
    const exif = {
      '0th': { [piexif.ImageIFD.Make]: 'Xiaomi', [piexif.ImageIFD.Model]: 'Redmi Note 12', [piexif.ImageIFD.Orientation]: 1 },
      Exif: { [piexif.ExifIFD.DateTimeOriginal]: '2026:11:28 07:42:30' },
      GPS: {
        [piexif.GPSIFD.GPSLatitudeRef]: 'N',
        [piexif.GPSIFD.GPSLatitude]: [
          [39, 1],
          [1, 1],
          [3252, 100],
        ],
        [piexif.GPSIFD.GPSLongitudeRef]: 'E',
        [piexif.GPSIFD.GPSLongitude]: [
          [117, 1],
          [42, 1],
          [5112, 100],
        ],
      },
    };
    const jpeg = (await fs.readFile(plain)).toString('binary');
    await fs.writeFile(camera, Buffer.from(piexif.insert(piexif.dump(exif), jpeg), 'binary'));
    await fs.rm(plain);
  }
  return { video, photos: [camera, samplePhoto] };
}

/** Runs ffmpeg into a partial file and renames it, so an interrupted run leaves nothing to reuse. */
async function ffmpegTo(target: string, args: string[]): Promise<void> {
  const partial = `${target}.partial${path.extname(target)}`;
  execFileSync(ffmpeg, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args, partial], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await fs.rename(partial, target);
}
