export type {
  ByteRange,
  CompletedPart,
  ListedObject,
  ObjectBody,
  ObjectInfo,
  ObjectStore,
  ObjectStream,
  PresignPutOptions,
  PutOptions,
  UploadedPart,
} from './object-store.ts';
export { MIN_PART_SIZE, MAX_PART_NUMBER } from './object-store.ts';
export { createObjectStore, type ObjectStoreConfig } from './create-object-store.ts';
export { FilesystemObjectStore, type FilesystemStoreConfig } from './filesystem-store.ts';
export { S3ObjectStore, type S3StoreConfig } from './s3-store.ts';
export { assertValidKey, assertValidPrefix } from './object-key.ts';
export {
  StorageError,
  ObjectNotFoundError,
  UploadNotFoundError,
  InvalidObjectKeyError,
  InvalidRangeError,
  InvalidPartError,
  StorageUnavailableError,
} from './errors/index.ts';
