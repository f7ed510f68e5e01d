import { StorageError } from './storage-error.ts';

/**
 * A range read starts at or past the end of the object. The API answers 416 with
 * `Content-Range: bytes *\/totalSize`.
 */
export class InvalidRangeError extends StorageError {
  override name = 'InvalidRangeError';
  /** Size of the whole object, when the driver could learn it. */
  readonly totalSize: number | undefined;

  constructor(start: number, totalSize: number | undefined, options: { cause?: unknown } = {}) {
    super(`Range starting at byte ${start} is not satisfiable (object size ${totalSize ?? 'unknown'})`, options);
    this.totalSize = totalSize;
  }
}
