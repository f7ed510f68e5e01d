import { StorageError } from './storage-error.ts';

/**
 * A key (or prefix) that could escape the store's root or means different things on different
 * drivers: `..` or `.` segments, a leading `/`, backslashes, NUL or other control characters.
 */
export class InvalidObjectKeyError extends StorageError {
  override name = 'InvalidObjectKeyError';
  readonly key: string;

  constructor(key: string, reason: string) {
    // JSON.stringify so a NUL or newline in the key shows up escaped instead of mangling logs.
    super(`Invalid object key ${JSON.stringify(key)}: ${reason}`);
    this.key = key;
  }
}
