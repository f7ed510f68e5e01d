import { randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveByteRange } from './byte-range.ts';
import { InvalidObjectKeyError } from './errors/invalid-object-key-error.ts';
import { ObjectNotFoundError } from './errors/object-not-found-error.ts';
import { StorageError } from './errors/storage-error.ts';
import { FilesystemUploads } from './filesystem-uploads.ts';
import {
  concatFiles,
  isMissing,
  pruneEmptyDirs,
  readJson,
  removeFile,
  toReadable,
  walkFiles,
  writeAtomically,
  writeJsonAtomically,
} from './local-files.ts';
import { deleteListed } from './delete-listed.ts';
import { assertPartNumber } from './multipart-parts.ts';
import { assertValidKey, assertValidPrefix } from './object-key.ts';
import type {
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

/** Configuration of {@link FilesystemObjectStore}. */
export interface FilesystemStoreConfig {
  /** Directory holding the objects, e.g. `<project>/.data/objects`; created when missing. */
  root: string;
}

interface ObjectMeta {
  contentType?: string;
}

// Bookkeeping folders at the root; keys may not start with them, and listings hide them.
const TMP_DIR = '.tmp';
const META_DIR = '.meta';
const UPLOADS_DIR = '.multipart';
const RESERVED = new Set([TMP_DIR, META_DIR, UPLOADS_DIR]);

/**
 * Object store on a local directory, for development and single-server installs: a key is a
 * file under `root`. Writes land in `.tmp` and are renamed into place, so no reader ever sees
 * half an object; content types live in `.meta/<key>`; multipart uploads in `.multipart`.
 * It cannot sign URLs, so the presign methods return null and the API streams bytes itself.
 * Unlike S3, a key cannot be both an object and a folder: with `a/b` stored, `put('a')` fails.
 */
export class FilesystemObjectStore implements ObjectStore {
  readonly driver = 'filesystem';
  private readonly root: string;
  private readonly uploads: FilesystemUploads;

  constructor(config: FilesystemStoreConfig) {
    this.root = path.resolve(config.root);
    this.uploads = new FilesystemUploads(path.join(this.root, UPLOADS_DIR));
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<void> {
    const file = this.objectPath(key);
    await this.writeObject(key, file, toReadable(body), options.contentType, options.contentLength);
  }

  async get(key: string, range?: ByteRange): Promise<ObjectStream> {
    const file = this.objectPath(key);
    // Open first and stat the handle, so size and bytes come from the same file even if a put
    // renames a new version into place meanwhile.
    const handle = await fs.open(file, 'r').catch((error: unknown) => {
      throw isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR' ? new ObjectNotFoundError(key, { cause: error }) : error;
    });
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new ObjectNotFoundError(key);
      const { contentType } = await this.readMeta(key);
      if (!range) {
        return { body: handle.createReadStream(), contentLength: stat.size, contentType, totalSize: stat.size };
      }
      const served = resolveByteRange(range, stat.size);
      const body = handle.createReadStream({ start: served.start, end: served.end });
      return { body, contentLength: served.end - served.start + 1, contentType, totalSize: stat.size, range: served };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async putFile(key: string, source: string, options: PutOptions = {}): Promise<void> {
    const file = this.objectPath(key);
    const tmpDir = path.join(this.root, TMP_DIR);
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `.${randomUUID()}.link`);
    try {
      await fs.link(source, tmp);
    } catch {
      // Another disk or no hard links: the streamed, size-checked write.
      return this.writeObject(key, file, createReadStream(source), options.contentType, options.contentLength);
    }
    try {
      await this.recordType(key, options.contentType);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.rename(tmp, file);
    } catch (error) {
      await fs.rm(tmp, { force: true });
      throw new StorageError(`Could not store ${key}: ${(error as Error).message}`, { cause: error });
    }
  }

  async downloadTo(key: string, target: string): Promise<void> {
    const file = this.objectPath(key);
    try {
      await fs.link(file, target);
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key, { cause: error });
      // Another disk (EXDEV) or a filesystem without hard links: copy instead.
      await fs.copyFile(file, target, constants.COPYFILE_EXCL).catch((copyError: unknown) => {
        throw isMissing(copyError) ? new ObjectNotFoundError(key, { cause: copyError }) : copyError;
      });
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const stat = await fs.stat(this.objectPath(key)).catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
    if (!stat?.isFile()) return null;
    const { contentType } = await this.readMeta(key);
    // Like nginx: size and mtime change whenever a put replaces the file, without hashing gigabytes.
    return { size: stat.size, contentType, etag: `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}` };
  }

  async delete(key: string): Promise<void> {
    const file = this.objectPath(key);
    const meta = this.metaPath(key);
    await Promise.all([removeFile(file), removeFile(meta)]);
    await Promise.all([pruneEmptyDirs(path.dirname(file), this.root), pruneEmptyDirs(path.dirname(meta), this.root)]);
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    keys.forEach(assertValidKey);
    // A few at a time: enough to overlap syscalls without exhausting file descriptors.
    for (let i = 0; i < keys.length; i += 16) {
      await Promise.all(keys.slice(i, i + 16).map((key) => this.delete(key)));
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    return deleteListed(prefix, this.list(prefix), (keys) => this.deleteMany(keys));
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    assertValidPrefix(prefix);
    assertNotReserved(prefix.slice(0, prefix.indexOf('/') + 1), prefix);
    // Walk only the deepest folder the prefix names, then filter on the partial last segment.
    const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const start = folder ? path.join(this.root, ...folder.split('/').filter(Boolean)) : this.root;
    const isReserved = (key: string) => RESERVED.has(key);
    for await (const file of walkFiles(start, folder, isReserved)) {
      if (file.key.startsWith(prefix)) yield file;
    }
  }

  async presignGet(key: string, _expiresInSeconds: number): Promise<string | null> {
    assertValidKey(key);
    return null;
  }

  async presignPut(key: string, _expiresInSeconds: number, _options?: PresignPutOptions): Promise<string | null> {
    assertValidKey(key);
    return null;
  }

  async createMultipart(key: string, contentType?: string): Promise<string> {
    this.objectPath(key);
    return this.uploads.create(key, contentType);
  }

  async presignPart(key: string, _uploadId: string, partNumber: number, _expiresInSeconds: number): Promise<string | null> {
    this.objectPath(key);
    assertPartNumber(partNumber);
    return null;
  }

  async uploadPart(key: string, uploadId: string, partNumber: number, body: ObjectBody, contentLength?: number): Promise<{ etag: string }> {
    const upload = await this.uploads.open(this.checkedKey(key), uploadId);
    return this.uploads.writePart(upload, partNumber, body, contentLength);
  }

  async listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    return this.uploads.listParts(await this.uploads.open(this.checkedKey(key), uploadId));
  }

  async completeMultipart(key: string, uploadId: string, parts?: readonly CompletedPart[]): Promise<void> {
    const file = this.objectPath(key);
    const upload = await this.uploads.open(key, uploadId);
    const partFiles = await this.uploads.partFilesToJoin(upload, uploadId, parts);
    // Joined through streams into a temp file: a 4 GB video never sits in memory.
    await this.writeObject(key, file, concatFiles(partFiles), upload.manifest.contentType);
    await this.uploads.remove(uploadId);
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    assertValidKey(key);
    await this.uploads.remove(uploadId);
  }

  async check(): Promise<void> {
    try {
      // Created here so a fresh checkout is healthy before its first upload.
      await fs.mkdir(this.root, { recursive: true });
      await fs.access(this.root, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new StorageError(`Object store root ${this.root} is not a writable directory`, { cause: error });
    }
  }

  async close(): Promise<void> {}

  private async writeObject(
    key: string,
    file: string,
    source: AsyncIterable<Buffer>,
    contentType: string | undefined,
    expectedLength?: number,
  ): Promise<void> {
    const tmpDir = path.join(this.root, TMP_DIR);
    await fs.mkdir(tmpDir, { recursive: true });
    await writeAtomically(source, file, {
      tmpDir,
      expectedLength,
      beforeRename: () => this.recordType(key, contentType),
    });
  }

  /** The type is recorded just before the bytes appear; without one, an older type must go. */
  private async recordType(key: string, contentType: string | undefined): Promise<void> {
    const meta = this.metaPath(key);
    if (contentType === undefined) return fs.rm(meta, { force: true });
    await fs.mkdir(path.dirname(meta), { recursive: true });
    await writeJsonAtomically(meta, { contentType } satisfies ObjectMeta);
  }

  private async readMeta(key: string): Promise<ObjectMeta> {
    return (await readJson<ObjectMeta>(this.metaPath(key))) ?? {};
  }

  private checkedKey(key: string): string {
    this.objectPath(key);
    return key;
  }

  /** The file of `key`, after checking the key cannot escape the root or reach bookkeeping folders. */
  private objectPath(key: string): string {
    assertValidKey(key);
    assertNotReserved(key.split('/', 1)[0] ?? '', key);
    const file = path.join(this.root, ...key.split('/'));
    // Belt and braces: assertValidKey already rules out every way out of the root.
    if (!file.startsWith(this.root + path.sep)) throw new InvalidObjectKeyError(key, 'resolves outside the store root');
    return file;
  }

  /** `.meta/<key>`: the same tree shape as the objects, so two valid keys never collide there either. */
  private metaPath(key: string): string {
    return path.join(this.root, META_DIR, ...key.split('/'));
  }
}

/** Throws when `firstSegment` (with or without its trailing `/`) names a bookkeeping folder. */
function assertNotReserved(firstSegment: string, key: string): void {
  const name = firstSegment.replace(/\/$/, '');
  if (RESERVED.has(name)) throw new InvalidObjectKeyError(key, `"${name}/" is reserved by the filesystem store`);
}
