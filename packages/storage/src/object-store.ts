import type { Readable } from 'node:stream';

/** Bytes to store: a Buffer, or a stream for large bodies (videos), which is never buffered whole. */
export type ObjectBody = Readable | Buffer;

/** S3's minimum size of every multipart part except the last; the filesystem driver enforces it too. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

/** S3's highest part number; part numbers run from 1 to this. */
export const MAX_PART_NUMBER = 10_000;

/** Options for {@link ObjectStore.put}. */
export interface PutOptions {
  contentType?: string;
  /**
   * Byte length of the body. Required on S3 when the body is a stream (S3 rejects bodies of
   * unknown length); the filesystem driver uses it to refuse a truncated stream.
   */
  contentLength?: number;
}

/** Inclusive byte range, as in `Range: bytes=start-end`; without `end` it runs to the last byte. */
export interface ByteRange {
  start: number;
  end?: number;
}

/** An object being read by {@link ObjectStore.get}. Consume or destroy `body`. */
export interface ObjectStream {
  body: Readable;
  /** Bytes `body` will yield: the range's length for a range read. */
  contentLength: number;
  contentType?: string;
  /** Size of the whole object, for `Content-Range: bytes start-end/totalSize`. */
  totalSize: number;
  /** The range actually served (end clamped to the last byte); absent for a whole-object read. */
  range?: { start: number; end: number };
}

/** What {@link ObjectStore.head} knows about an object. */
export interface ObjectInfo {
  size: number;
  contentType?: string;
  /** Opaque, unquoted; changes when the content changes. Good for `ETag` / `If-None-Match`. */
  etag?: string;
}

/** One object found by {@link ObjectStore.list}. */
export interface ListedObject {
  key: string;
  size: number;
}

/** A part the store has received for a multipart upload. */
export interface UploadedPart {
  partNumber: number;
  size: number;
  /** Unquoted ETag, to pass back in {@link CompletedPart}. */
  etag: string;
}

/** A part named when completing a multipart upload. */
export interface CompletedPart {
  partNumber: number;
  etag: string;
}

/** Options for {@link ObjectStore.presignPut}. */
export interface PresignPutOptions {
  /** Signed into the URL: the uploader must then send exactly this `Content-Type`. */
  contentType?: string;
}

/**
 * Where uploaded media, renditions and documents live. The API (resumable uploads, video
 * delivery) and the media worker depend on this interface only; `createObjectStore` picks the
 * filesystem driver for development and a single server, or S3 for everything else.
 *
 * Keys are slash-separated relative paths (`media/<id>/source.mp4`); keys with `.`/`..` or empty
 * segments, a leading `/`, backslashes or control characters throw `InvalidObjectKeyError` on
 * every driver, so a key that works in development works in production.
 */
export interface ObjectStore {
  /** Which driver this is, for logs and health output. */
  readonly driver: 'filesystem' | 's3';

  /** Stores an object whole; readers see the old object or the new one, never a partial one. */
  put(key: string, body: ObjectBody, options?: PutOptions): Promise<void>;

  /**
   * Streams an object, or the inclusive byte range of it. Throws `ObjectNotFoundError` for a
   * missing key and `InvalidRangeError` when `range.start` is at or past the end.
   */
  get(key: string, range?: ByteRange): Promise<ObjectStream>;

  /**
   * Puts the object into the local file `target` (which must not exist), for tools that read
   * files. The filesystem driver links it when store and target share a disk, so a video is not
   * copied before ffmpeg can start; objects are replaced by rename, so the link keeps the bytes
   * it was made with. Throws `ObjectNotFoundError` for a missing key.
   */
  downloadTo(key: string, target: string): Promise<void>;

  /**
   * Stores the local file `source` as an object, like `put`. The filesystem driver links it in
   * when both share a disk (HLS segments of a long video are not copied again); `source` must not
   * change afterwards, which holds for a finished job's output.
   */
  putFile(key: string, source: string, options?: PutOptions): Promise<void>;

  /** Size, type and ETag of an object, or null when there is none. */
  head(key: string): Promise<ObjectInfo | null>;

  /** Removes an object; a missing key is not an error. */
  delete(key: string): Promise<void>;

  /** Removes several objects (in batches of 1000 on S3); missing keys are not errors. */
  deleteMany(keys: readonly string[]): Promise<void>;

  /**
   * Removes every object whose key starts with `prefix` (a plain string prefix, as on S3:
   * `media/12` also matches `media/123/…`; end it with `/` to mean a folder). Returns how many
   * were removed. An empty prefix throws rather than emptying the store.
   */
  deletePrefix(prefix: string): Promise<number>;

  /** Objects whose key starts with `prefix` (`''` for all), in no guaranteed order. */
  list(prefix: string): AsyncIterable<ListedObject>;

  /** A URL that GETs the object until it expires (then 403), or null when the driver cannot sign: stream with `get` instead. */
  presignGet(key: string, expiresInSeconds: number): Promise<string | null>;

  /** A URL that PUTs the object until it expires, or null when the driver cannot sign: receive the body and `put` it. */
  presignPut(key: string, expiresInSeconds: number, options?: PresignPutOptions): Promise<string | null>;

  /** Starts a multipart upload and returns its id. Parts can then arrive in any order and over several sessions. */
  createMultipart(key: string, contentType?: string): Promise<string>;

  /** A URL that PUTs one part (its response's `ETag` header is the part's ETag), or null when the driver cannot sign: use `uploadPart`. */
  presignPart(key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string | null>;

  /**
   * Stores one part (1…10000); re-sending a part number replaces it. `contentLength` is required
   * on S3 for a stream. Throws `UploadNotFoundError` when the upload is gone.
   */
  uploadPart(key: string, uploadId: string, partNumber: number, body: ObjectBody, contentLength?: number): Promise<{ etag: string }>;

  /** The parts received so far, by part number: what a resuming client still has to send. Throws `UploadNotFoundError`. */
  listParts(key: string, uploadId: string): Promise<UploadedPart[]>;

  /**
   * Joins the parts, in part-number order, into the object at `key` and ends the upload. Without
   * `parts`, every received part is used. Throws `UploadNotFoundError`, or `InvalidPartError`
   * (missing part, wrong ETag, a non-last part under {@link MIN_PART_SIZE}, no parts).
   */
  completeMultipart(key: string, uploadId: string, parts?: readonly CompletedPart[]): Promise<void>;

  /** Discards an upload and its parts; aborting an unknown or finished upload is not an error. */
  abortMultipart(key: string, uploadId: string): Promise<void>;

  /** Throws a `StorageError` unless the store is reachable and writable (bucket exists / root is a writable directory). */
  check(): Promise<void>;

  /** Releases connections; the store must not be used afterwards. */
  close(): Promise<void>;
}
