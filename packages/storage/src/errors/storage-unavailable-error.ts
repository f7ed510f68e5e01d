import { StorageError } from './storage-error.ts';

/**
 * The object store did not answer (refused, reset, timed out) or said it is unavailable (HTTP
 * 503). Nothing is wrong with the request: the same call is worth repeating later.
 */
export class StorageUnavailableError extends StorageError {
  override name = 'StorageUnavailableError';
}
