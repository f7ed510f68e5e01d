import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import piexif from 'piexifjs';
import sharp from 'sharp';
import { SAMPLES_DIR } from './samples.ts';

/**
 * One file of every container and photo format phones, cameras and NVRs produce, made with
 * ffmpeg, sharp and heif-enc into media-samples/out/formats/ (not committed). Each says what a
 * browser would declare for it and how processing must end.
 */
export interface FormatSample {
  file: string;
  /** What a browser sends as Content-Type: often octet-stream for camera extensions it does not know. */
  contentType: string;
  kind: 'VIDEO' | 'PHOTO';
  /** READY, or the failure code it must end with. */
  expect: 'READY' | `MEDIA_${string}`;
}

export const FORMATS_DIR = path.join(SAMPLES_DIR, 'formats');

const ffmpegBin = process.env.FFMPEG_PATH || 'ffmpeg';
const pattern = (size: string, seconds: number, rate = 25) => [
  '-f',
  'lavfi',
  '-i',
  `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`,
];
const tone = (seconds: number, rate = 44100) => ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${rate}:duration=${seconds}`];
const av = (seconds = 3, size = '320x240') => [...pattern(size, seconds), ...tone(seconds)];

function ffmpeg(name: string, args: string[]): string {
  const target = path.join(FORMATS_DIR, name);
  if (existsSync(target)) return target;
  const tmp = path.join(FORMATS_DIR, `partial-${name}`);
  execFileSync(ffmpegBin, ['-hide_banner', '-loglevel', 'error', '-y', ...args, tmp], { stdio: ['ignore', 'ignore', 'inherit'] });
  renameSync(tmp, target);
  return target;
}

async function once(name: string, make: (target: string) => Promise<void> | void): Promise<string> {
  const target = path.join(FORMATS_DIR, name);
  if (!existsSync(target)) {
    const tmp = path.join(FORMATS_DIR, `partial-${name}`);
    await make(tmp);
    renameSync(tmp, target);
  }
  return target;
}

/** The container matrix: each plays once converted, or fails with the code that says why. */
export async function videoFormats(): Promise<FormatSample[]> {
  mkdirSync(FORMATS_DIR, { recursive: true });
  const v = (file: string, contentType: string, expect: FormatSample['expect'] = 'READY'): FormatSample => ({
    file,
    contentType,
    kind: 'VIDEO',
    expect,
  });
  return [
    v(ffmpeg('matroska.mkv', [...av(), '-c:v', 'libx264', '-c:a', 'aac']), 'video/x-matroska'),
    v(ffmpeg('webm.webm', [...av(), '-c:v', 'libvpx', '-b:v', '300k', '-c:a', 'libvorbis']), 'video/webm'),
    v(ffmpeg('apple.m4v', [...av(), '-c:v', 'libx264', '-c:a', 'aac', '-f', 'mp4']), 'video/x-m4v'),
    v(ffmpeg('camera.avi', [...av(), '-c:v', 'mjpeg', '-q:v', '5', '-c:a', 'pcm_s16le']), 'video/x-msvideo'),
    v(ffmpeg('flash.flv', [...av(), '-c:v', 'flv', '-c:a', 'mp3']), 'video/x-flv'),
    v(ffmpeg('windows.wmv', [...av(), '-c:v', 'wmv2', '-c:a', 'wmav2']), 'video/x-ms-wmv'),
    v(ffmpeg('dvd.mpg', [...av(), '-c:v', 'mpeg2video', '-c:a', 'mp2', '-f', 'vob']), 'video/mpeg'),
    // A camcorder's AVCHD clip: browsers know no type for .MTS.
    v(
      ffmpeg('camcorder.MTS', [...av(3, '640x360'), '-c:v', 'libx264', '-c:a', 'ac3', '-f', 'mpegts', '-mpegts_m2ts_mode', '1']),
      'application/octet-stream',
    ),
    v(ffmpeg('stream.ts', [...av(), '-c:v', 'libx264', '-c:a', 'aac', '-f', 'mpegts']), 'video/mp2t'),
    v(
      ffmpeg('old-phone.3gp', [
        ...pattern('176x144', 3, 15),
        ...tone(3, 8000),
        '-c:v',
        'h263',
        '-c:a',
        'aac',
        '-ac',
        '1',
        '-ar',
        '8000',
        '-f',
        '3gp',
      ]),
      'video/3gpp',
    ),
    // NVRs export a raw H.264 elementary stream: no container, no timestamps, no declared length.
    v(ffmpeg('nvr-export.h264', [...pattern('640x360', 3), '-c:v', 'libx264', '-f', 'h264']), 'application/octet-stream'),
    v(ffmpeg('recorder.mp3', [...tone(3), '-c:a', 'libmp3lame']), 'audio/mpeg'),
    v(
      await once('random.bin', (t) =>
        writeFileSync(t, Buffer.from(Array.from({ length: 64_000 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 251))),
      ),
      'application/octet-stream',
      'MEDIA_UNREADABLE',
    ),
  ];
}

/** Every photo format phones and cameras write; each must end READY with its EXIF kept where it has one. */
export async function photoFormats(): Promise<FormatSample[]> {
  mkdirSync(FORMATS_DIR, { recursive: true });
  const base = sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 60, b: 30 } } }).composite([
    { input: Buffer.from('<svg width="640" height="480"><circle cx="320" cy="240" r="150" fill="#1e5aa8"/></svg>'), top: 0, left: 0 },
  ]);
  const jpeg = await once('source.jpg', async (t) => writeFileSync(t, withCameraExif(await base.clone().jpeg().toBuffer())));
  const p = (file: string, contentType: string): FormatSample => ({ file, contentType, kind: 'PHOTO', expect: 'READY' });
  const samples = [
    p(ffmpeg('animated.gif', pattern('320x240', 0.4, 10)), 'image/gif'),
    p(ffmpeg('windows.bmp', ['-i', jpeg, '-frames:v', '1', '-c:v', 'bmp']), 'image/bmp'),
    p(await once('scan.tiff', async (t) => void (await sharp(jpeg).keepExif().tiff().toFile(t))), 'image/tiff'),
    p(await once('android.webp', async (t) => void (await sharp(jpeg).keepExif().webp().toFile(t))), 'image/webp'),
    p(await once('modern.avif', async (t) => void (await sharp(jpeg).keepExif().avif({ effort: 0 }).toFile(t))), 'image/avif'),
  ];
  const heic = await heicFrom(jpeg);
  if (heic) samples.push(p(heic, 'image/heic'));
  return samples;
}

/** The capture time and camera the photo formats must keep through conversion. */
export const CAMERA_EXIF = { make: 'Apple', model: 'iPhone 13', taken: '2026:11:28 07:41:05', capturedAt: '2026-11-27T23:41:05.000Z' };

function withCameraExif(jpeg: Buffer): Buffer {
  const exif = {
    '0th': { [piexif.ImageIFD.Make]: CAMERA_EXIF.make, [piexif.ImageIFD.Model]: CAMERA_EXIF.model },
    Exif: { [piexif.ExifIFD.DateTimeOriginal]: CAMERA_EXIF.taken },
  };
  return Buffer.from(piexif.insert(piexif.dump(exif), jpeg.toString('binary')), 'binary');
}

/**
 * An HEVC-coded HEIC with the JPEG's EXIF, from libheif's heif-enc (Debian's libheif-examples,
 * which CI installs). Null when the tool is missing, so a machine without it skips that one file.
 */
export async function heicFrom(jpegWithExif: string): Promise<string | null> {
  if (spawnSync('heif-enc', ['--version']).error) return null;
  return once('iphone.heic', (t) => void execFileSync('heif-enc', ['-q', '60', jpegWithExif, '-o', t], { stdio: 'ignore' }));
}

/** A JPEG whose camera fields are padded with NUL bytes, as a real Polaroid camera writes them. */
export async function nulExifJpeg(): Promise<string> {
  mkdirSync(FORMATS_DIR, { recursive: true });
  return once('polaroid-nul-exif.jpg', async (t) => {
    const plain = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const exif = {
      '0th': { [piexif.ImageIFD.Make]: 'Polaroid\u0000\u0000', [piexif.ImageIFD.Model]: 'iE090\u0000\u0001\u0007 ' },
      Exif: { [piexif.ExifIFD.DateTimeOriginal]: '2026:11:28 07:40:00' },
    };
    writeFileSync(t, Buffer.from(piexif.insert(piexif.dump(exif), plain.toString('binary')), 'binary'));
  });
}

/** A phone-style MP4 with its index at the front, cut in half as an interrupted transfer leaves it. */
export async function frontIndexTruncatedMp4(): Promise<{ file: string; declaredSeconds: number }> {
  mkdirSync(FORMATS_DIR, { recursive: true });
  const full = ffmpeg('front-index-full.mp4', [
    ...av(10, '640x360'),
    '-c:v',
    'libx264',
    '-g',
    '25',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
  ]);
  const file = await once('front-index-truncated.mp4', (t) => {
    const bytes = readFileSync(full);
    writeFileSync(t, bytes.subarray(0, Math.floor(bytes.length / 2)));
  });
  return { file, declaredSeconds: 10 };
}

/**
 * 20 s of 1080p MPEG-4 Part 2: nothing can be remuxed, so all four rungs are encoded, which keeps
 * a worker's video slot busy for many seconds on any machine.
 */
export function slowToEncodeClip(): string {
  mkdirSync(FORMATS_DIR, { recursive: true });
  return ffmpeg('slow-1080p-mpeg4.mp4', [...av(20, '1920x1080'), '-c:v', 'mpeg4', '-q:v', '4', '-c:a', 'aac']);
}

/** Clips of 0.3 s and of a single frame. */
export function shortClips(): string[] {
  mkdirSync(FORMATS_DIR, { recursive: true });
  return [
    ffmpeg('short-0.3s.mp4', [...pattern('640x360', 0.3, 30), '-c:v', 'libx264', '-pix_fmt', 'yuv420p']),
    ffmpeg('one-frame.mp4', [...pattern('640x360', 0.04, 25), '-frames:v', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']),
  ];
}

/**
 * Variable frame rate as phones record it: 30 fps for the first second, then 10 fps, with the
 * timestamps kept. Re-encoded by every rung but the remuxed top, which must keep them too.
 */
export function variableFrameRateMp4(): { file: string; frames: number; seconds: number } {
  mkdirSync(FORMATS_DIR, { recursive: true });
  const file = ffmpeg('vfr-phone.mp4', [
    ...pattern('1280x720', 4, 30),
    '-vf',
    "select='lt(n\\,30)+not(mod(n\\,3))'",
    '-vsync',
    'vfr',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
  ]);
  // 30 frames in the first second, then every third of the remaining 90.
  return { file, frames: 30 + 30, seconds: 4 };
}

/** 10-bit HEVC tagged HLG (BT.2020), as current phones record HDR video. */
export function hlgHdrClip(): string {
  mkdirSync(FORMATS_DIR, { recursive: true });
  return ffmpeg('hdr-hlg.mp4', [
    ...pattern('1280x720', 2),
    '-vf',
    'format=yuv420p10le',
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-tag:v',
    'hvc1',
    '-x265-params',
    'log-level=error:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc',
    '-color_primaries',
    'bt2020',
    '-color_trc',
    'arib-std-b67',
    '-colorspace',
    'bt2020nc',
  ]);
}

/** The capture time and place the Opus samples carry, and what processing must read from them. */
export const OPUS_CAPTURE = {
  /** As a phone's browser copies an iPhone's keys (QuickTime mdta): local time with its offset. */
  creationDate: '2026-12-01T07:42:10+08:00',
  /** As Android writes the movie header's creation time: UTC. */
  creationTime: '2026-12-01T07:42:10Z',
  location: '+39.0842+117.2009/',
  latitude: 39.0842,
  longitude: 117.2009,
};

/** 3 s of 720p Constrained Baseline H.264 (openh264's profile) with Opus, as WebCodecs in Chromium encodes it. */
const browserStreams = [
  ...pattern('1280x720', 3, 30),
  ...tone(3, 48000),
  '-c:v',
  'libx264',
  '-profile:v',
  'baseline',
  '-pix_fmt',
  'yuv420p',
  '-g',
  '60',
  '-c:a',
  'libopus',
  '-b:a',
  '96k',
];

/**
 * What a phone's browser uploads after compressing a recording with mediabunny: H.264 and Opus (no
 * AAC encoder in Chromium on Linux) in MP4 with `metadataFormat: 'mdta'`, the original's capture
 * time and place kept as QuickTime keys. It also carries a UTC creation_time, which must lose to
 * the creation date that has an offset.
 */
export function browserCompressedMp4(): string {
  mkdirSync(FORMATS_DIR, { recursive: true });
  return ffmpeg('browser-h264-opus-mdta.mp4', [
    ...browserStreams,
    '-movflags',
    'use_metadata_tags',
    '-metadata',
    `com.apple.quicktime.creationdate=${OPUS_CAPTURE.creationDate}`,
    '-metadata',
    `com.apple.quicktime.location.ISO6709=${OPUS_CAPTURE.location}`,
    '-metadata',
    `creation_time=${OPUS_CAPTURE.creationTime}`,
  ]);
}

/** The same streams with the capture facts where Android's camera writes them: mvhd creation_time and ©xyz. */
export function androidTaggedOpusMp4(): string {
  mkdirSync(FORMATS_DIR, { recursive: true });
  return ffmpeg('android-h264-opus-xyz.mp4', [
    ...browserStreams,
    '-metadata',
    `creation_time=${OPUS_CAPTURE.creationTime}`,
    '-metadata',
    `location=${OPUS_CAPTURE.location}`,
  ]);
}
