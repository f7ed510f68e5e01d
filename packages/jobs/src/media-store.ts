import {
  FileNotReadyError,
  PartsIncompleteError,
  RangeNotSatisfiableError,
  ServiceUnavailableError,
  UploadGoneError,
  type MediaStore,
} from '@platform/core';
import {
  InvalidPartError,
  InvalidRangeError,
  ObjectNotFoundError,
  StorageUnavailableError,
  UploadNotFoundError,
  type ObjectStore,
} from '@platform/storage';

/**
 * The media services' narrow {@link MediaStore} port over an object store. Storage errors the
 * caller caused become domain errors here, so neither the services nor the HTTP layer know which
 * store runs underneath.
 */
export function mediaStoreOver(store: ObjectStore): MediaStore {
  return {
    driver: store.driver,
    createMultipart: (key, contentType) => guard(() => store.createMultipart(key, contentType)),
    presignPart: (key, uploadId, partNumber, seconds) => guard(() => store.presignPart(key, uploadId, partNumber, seconds)),
    uploadPart: (key, uploadId, partNumber, body, length) =>
      guard(async () => void (await store.uploadPart(key, uploadId, partNumber, body, length))),
    listParts: (key, uploadId) => guard(() => store.listParts(key, uploadId)),
    completeMultipart: (key, uploadId) => guard(() => store.completeMultipart(key, uploadId)),
    abortMultipart: (key, uploadId) => guard(() => store.abortMultipart(key, uploadId)),
    get: (key, range) => guard(() => store.get(key, range)),
    put: (key, body, options) => guard(() => store.put(key, body, options)),
    delete: (key) => guard(() => store.delete(key)),
    deletePrefix: (prefix) => guard(() => store.deletePrefix(prefix)),
  };
}

async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toDomainError(error);
  }
}

function toDomainError(error: unknown): unknown {
  if (error instanceof ObjectNotFoundError)
    return new FileNotReadyError('The file does not exist (yet); processing has not published it.', { cause: error });
  if (error instanceof InvalidRangeError) return new RangeNotSatisfiableError(error.message, { cause: error });
  if (error instanceof UploadNotFoundError)
    return new UploadGoneError('Storage no longer has this upload; start a new upload for the file.', { cause: error });
  if (error instanceof InvalidPartError) return new PartsIncompleteError(error.message, { cause: error });
  // A 503 with a code clients retry on (an upload pauses and resumes), not a 500 that reads as a bug.
  if (error instanceof StorageUnavailableError)
    return new ServiceUnavailableError('STORAGE_UNAVAILABLE', 'Media storage is not answering right now; try again shortly.', {
      cause: error,
    });
  return error;
}
