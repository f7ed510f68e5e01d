import type { PhotoProcessor } from '@platform/core';
import { MediaRejectedError } from '@platform/core';
import { analysePhoto, writePhotoDerivative } from './photo.ts';

/** The domain's PhotoProcessor over sharp and exifr. */
export class SharpPhotoProcessor implements PhotoProcessor {
  async process(file: string, out: { small: string; large: string }) {
    try {
      const evidence = await analysePhoto(file);
      await writePhotoDerivative(file, out.small, 320);
      await writePhotoDerivative(file, out.large, 1280);
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
      };
    } catch (error) {
      // sharp throws for truncated or corrupt images; that is the file's fault, not ours.
      if (error instanceof Error && /Input|corrupt|premature|unsupported image format|VipsJpeg/i.test(error.message)) {
        throw new MediaRejectedError('The photo is damaged or incomplete and cannot be shown. Take or export it again.', { cause: error });
      }
      throw error;
    }
  }
}
