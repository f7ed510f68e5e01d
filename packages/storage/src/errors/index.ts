export { StorageError } from './storage-error.ts';
export { ObjectNotFoundError } from './object-not-found-error.ts';
export { UploadNotFoundError } from './upload-not-found-error.ts';
export { InvalidObjectKeyError } from './invalid-object-key-error.ts';
export { InvalidRangeError } from './invalid-range-error.ts';
export { InvalidPartError } from './invalid-part-error.ts';
export { StorageUnavailableError } from './storage-unavailable-error.ts';
