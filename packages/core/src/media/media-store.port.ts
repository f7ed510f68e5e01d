import type { Readable } from 'node:stream';

/** Inclusive byte offsets; `end` absent means to the end of the file. */
export interface ByteRange {
  start: number;
  end?: number;
}

/** A stored file being read. Consume or destroy `body`. */
export interface StoredFile {
  body: Readable;
  /** Bytes `body` will yield: the range's length for a range read. */
  contentLength: number;
  contentType?: string;
  /** Size of the whole file, for `Content-Range`. */
  totalSize: number;
  /** The range actually served (end clamped to the last byte); absent for a whole-file read. */
  range?: { start: number; end: number };
}

/**
 * What the media services need of object storage, and nothing more. Storage failures the caller
 * caused come back as domain errors: `FileNotReadyError` for a file that is not there (yet),
 * `RangeNotSatisfiableError`, `UploadGoneError` for a multipart upload storage no longer has,
 * `PartsIncompleteError`. Anything else is the store's own trouble and is retried or reported.
 */
export interface MediaStore {
  /** `s3` stores take part uploads from browsers directly; the filesystem store through the API. */
  readonly driver: 'filesystem' | 's3';
  createMultipart(key: string, contentType?: string): Promise<string>;
  /** A URL the browser PUTs the part to, or null when parts go through the API. */
  presignPart(key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string | null>;
  uploadPart(key: string, uploadId: string, partNumber: number, body: Readable, contentLength: number): Promise<void>;
  listParts(key: string, uploadId: string): Promise<{ partNumber: number; size: number }[]>;
  completeMultipart(key: string, uploadId: string): Promise<void>;
  abortMultipart(key: string, uploadId: string): Promise<void>;
  get(key: string, range?: ByteRange): Promise<StoredFile>;
  put(key: string, body: Buffer, options: { contentType: string }): Promise<void>;
  delete(key: string): Promise<void>;
  deletePrefix(prefix: string): Promise<number>;
}
