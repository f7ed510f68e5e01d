/**
 * Base of every failure an {@link ObjectStore} raises on purpose. Catch it to tell storage
 * problems from programming errors; the subclasses name the ones callers act on.
 */
export class StorageError extends Error {
  override name = 'StorageError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
  }
}
