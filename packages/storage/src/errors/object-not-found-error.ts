import { StorageError } from './storage-error.ts';

/** `get` (or a copy source) names a key that holds no object. The API answers 404. */
export class ObjectNotFoundError extends StorageError {
  override name = 'ObjectNotFoundError';
  readonly key: string;

  constructor(key: string, options: { cause?: unknown } = {}) {
    super(`Object ${JSON.stringify(key)} does not exist`, options);
    this.key = key;
  }
}
