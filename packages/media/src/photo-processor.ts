import path from 'node:path';
import type { PhotoProcessor } from '@platform/core';
import { MediaRejectedError } from '@platform/core';
import { FfmpegError, type Ffmpeg } from './ffmpeg.ts';
import { analysePhoto, writePhotoDerivative } from './photo.ts';
import { openPhoto } from './photo-source.ts';

// sharp's own limit on decoded pixels (268 MP); a photo beyond it is a decompression bomb or a scan.
const LIMIT_MEGAPIXELS = 268;

/** The domain's PhotoProcessor over sharp, libheif and ffmpeg (decoding) and exifr (evidence). */
export class SharpPhotoProcessor implements PhotoProcessor {
  constructor(private readonly ffmpeg: Ffmpeg) {}

  async process(file: string, out: { small: string; large: string }) {
    let source;
    try {
      source = await openPhoto(file, path.join(path.dirname(out.small), 'decoded.png'), this.ffmpeg);
    } catch (error) {
      throw asRejection(error);
    }
    if ((source.width * source.height) / 1e6 > LIMIT_MEGAPIXELS) {
      const megapixels = Math.round((source.width * source.height) / 1e6);
      throw new MediaRejectedError('MEDIA_PHOTO_TOO_LARGE', `The photo has ${megapixels} megapixels.`, {
        params: { megapixels, limitMegapixels: LIMIT_MEGAPIXELS },
      });
    }
    try {
      const evidence = await analysePhoto(file, source);
      await writePhotoDerivative(source, out.small, 320);
      await writePhotoDerivative(source, out.large, 1280);
      return {
        width: evidence.width,
        height: evidence.height,
        capturedAt: evidence.capturedAt,
        capturedOffset: evidence.capturedOffset,
        gpsLatitude: evidence.latitude,
        gpsLongitude: evidence.longitude,
        cameraMake: evidence.cameraMake,
        cameraModel: evidence.cameraModel,
        perceptualHash: evidence.perceptualHash,
        photoHashes: evidence.photoHashes,
      };
    } catch (error) {
      throw asRejection(error);
    }
  }
}

/**
 * Decoders refuse truncated or corrupt pictures with errors of their own; the same bytes fail the
 * same way, so they end the job with a reason. System errors (disk full, too many files) may pass
 * and are retried.
 */
function asRejection(error: unknown): unknown {
  if (error instanceof MediaRejectedError || (error instanceof FfmpegError && error.exitCode === null)) return error;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E')) return error;
  return new MediaRejectedError('MEDIA_PHOTO_UNREADABLE', 'No decoder reads the photo: it is damaged, incomplete or not a picture.', {
    cause: error,
  });
}
