import { randomUUID, createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageError } from './errors/storage-error.ts';
import type { ObjectBody } from './object-store.ts';

/** Options for {@link writeAtomically}. */
export interface AtomicWriteOptions {
  /** Existing directory on the same filesystem as the destination, so the final rename is atomic. */
  tmpDir: string;
  /** When set, a body of any other length is refused (a truncated upload must not become an object). */
  expectedLength?: number;
  /** Also compute the MD5 of the body (multipart part ETags). */
  md5?: boolean;
  /** Create the destination's directory if missing (default true). */
  createParent?: boolean;
  /** Runs after the body is fully written and before it becomes visible. */
  beforeRename?: () => Promise<void>;
}

/** True for the errors that mean "nothing at that path". */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A Buffer as a one-chunk stream (Readable.from would iterate a Buffer byte by byte in old Nodes). */
export function toReadable(body: ObjectBody): Readable {
  return Buffer.isBuffer(body) ? Readable.from([body]) : body;
}

/** Yields the contents of `files` one after another, reading each as a stream. */
export async function* concatFiles(files: readonly string[]): AsyncGenerator<Buffer> {
  for (const file of files) {
    // 1 MiB reads: a 4 GB video in 4,000 chunks rather than 65,000 trips through the generator.
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
  }
}

/**
 * Streams `source` into a temp file and renames it to `destination`, so readers see the old
 * file or the whole new one and a failed write leaves nothing behind. Never buffers the body.
 */
export async function writeAtomically(
  source: Readable | AsyncIterable<Buffer>,
  destination: string,
  options: AtomicWriteOptions,
): Promise<{ size: number; md5?: string }> {
  const tmp = path.join(options.tmpDir, `.${randomUUID()}.tmp`);
  const hash = options.md5 ? createHash('md5') : undefined;
  let size = 0;
  try {
    await pipeline(
      source,
      async function* measure(chunks: AsyncIterable<Buffer | string>) {
        for await (const chunk of chunks) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          size += bytes.length;
          hash?.update(bytes);
          yield bytes;
        }
      },
      createWriteStream(tmp, { flags: 'wx' }),
    );
    if (options.expectedLength !== undefined && size !== options.expectedLength) {
      throw new StorageError(`Body was ${size} bytes but ${options.expectedLength} were announced; nothing was stored`);
    }
    await options.beforeRename?.();
    await rename(tmp, destination, options.createParent ?? true);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    if (error instanceof StorageError) throw error;
    throw new StorageError(`Could not write ${destination}: ${(error as Error).message}`, { cause: error });
  }
  return { size, md5: hash?.digest('hex') };
}

/** Removes the file at `file` if there is one; a folder of that name (key `a` when `a/b` exists) is not touched. */
export async function removeFile(file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if (isMissing(error)) return;
    // Linux says EISDIR, macOS EPERM: only a folder in the way is fine, not a real permission problem.
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isDirectory()) throw error;
  }
}

/** Writes a small JSON file atomically (temp file in the same directory, then rename). */
export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${randomUUID()}.tmp`);
  try {
    await fs.writeFile(tmp, JSON.stringify(value), { flag: 'wx' });
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

/** Parsed JSON at `file`, or undefined when there is no such file. */
export async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

async function rename(from: string, to: string, createParent: boolean): Promise<void> {
  if (createParent) await fs.mkdir(path.dirname(to), { recursive: true });
  try {
    await fs.rename(from, to);
  } catch (error) {
    // A concurrent delete may have pruned the freshly created (still empty) parent: retry once.
    if (!createParent || !isMissing(error)) throw error;
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.rename(from, to);
  }
}

/**
 * Removes `dir` and its parents while they are empty, stopping at `stopAt` (kept). Keeps the
 * tree from filling with empty folders after deletes; a folder that is not empty stays.
 */
export async function pruneEmptyDirs(dir: string, stopAt: string): Promise<void> {
  for (let current = dir; current.startsWith(stopAt + path.sep); current = path.dirname(current)) {
    try {
      await fs.rmdir(current);
    } catch (error) {
      if (!isMissing(error)) return;
    }
  }
}

/** A regular file found by {@link walkFiles}, with its key relative to the walk's root. */
export interface WalkedFile {
  key: string;
  size: number;
}

/**
 * Regular files under `dir`, depth first in name order, keyed `keyPrefix + relative path`.
 * `skip(key)` hides entries (the store's own bookkeeping folders). Files removed while
 * walking are left out instead of failing the walk.
 */
export async function* walkFiles(dir: string, keyPrefix: string, skip: (key: string) => boolean): AsyncGenerator<WalkedFile> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const key = keyPrefix + entry.name;
    if (skip(key)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walkFiles(full, `${key}/`, skip);
    } else if (entry.isFile()) {
      const stat = await fs.stat(full).catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
      if (stat) yield { key, size: stat.size };
    }
  }
}
