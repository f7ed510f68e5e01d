import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InvalidPartError } from './errors/invalid-part-error.ts';
import { UploadNotFoundError } from './errors/upload-not-found-error.ts';
import { isMissing, readJson, toReadable, writeAtomically, writeJsonAtomically } from './local-files.ts';
import { assertPartNumber, orderCompletedParts } from './multipart-parts.ts';
import { MIN_PART_SIZE, type CompletedPart, type ObjectBody, type UploadedPart } from './object-store.ts';

/** What an upload's directory records about it. */
export interface UploadManifest {
  key: string;
  contentType?: string;
  createdAt: string;
}

/** An upload opened by {@link FilesystemUploads.open}. */
export interface OpenUpload {
  dir: string;
  manifest: UploadManifest;
}

interface PartRecord {
  size: number;
  etag: string;
}

const MANIFEST = 'upload.json';
// Upload ids come back from clients; only ids of the form we issue may become a path.
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PART_FILE = /^[1-9]\d*$/;

/**
 * Multipart uploads of the filesystem driver: `<dir>/<uploadId>/upload.json` names the key,
 * `<partNumber>` holds a part's bytes and `<partNumber>.json` its size and MD5 ETag. A part is
 * received once both exist and agree, so a crash mid-write never shows up as a received part.
 */
export class FilesystemUploads {
  constructor(private readonly dir: string) {}

  /** Starts an upload for `key` and returns its id. */
  async create(key: string, contentType: string | undefined): Promise<string> {
    const uploadId = randomUUID();
    const uploadDir = path.join(this.dir, uploadId);
    await fs.mkdir(uploadDir, { recursive: true });
    const manifest: UploadManifest = { key, contentType, createdAt: new Date().toISOString() };
    await writeJsonAtomically(path.join(uploadDir, MANIFEST), manifest);
    return uploadId;
  }

  /** The upload's directory and manifest; throws {@link UploadNotFoundError} unless it exists for `key`. */
  async open(key: string, uploadId: string): Promise<OpenUpload> {
    if (!UPLOAD_ID.test(uploadId)) throw new UploadNotFoundError(uploadId);
    const dir = path.join(this.dir, uploadId);
    const manifest = await readJson<UploadManifest>(path.join(dir, MANIFEST));
    // S3 also answers NoSuchUpload when the id exists for another key.
    if (!manifest || manifest.key !== key) throw new UploadNotFoundError(uploadId);
    return { dir, manifest };
  }

  /** Streams one part into the upload, replacing an earlier part with the same number. */
  async writePart(upload: OpenUpload, partNumber: number, body: ObjectBody, contentLength?: number): Promise<{ etag: string }> {
    assertPartNumber(partNumber);
    const data = path.join(upload.dir, String(partNumber));
    const record = `${data}.json`;
    try {
      const { size, md5 } = await writeAtomically(toReadable(body), data, {
        tmpDir: upload.dir,
        expectedLength: contentLength,
        md5: true,
        // Without a parent the upload was aborted meanwhile: do not bring its directory back.
        createParent: false,
        // Drop the old record first, so a crash between the two renames leaves "not received".
        beforeRename: () => fs.rm(record, { force: true }),
      });
      const etag = md5 ?? '';
      await writeJsonAtomically(record, { size, etag } satisfies PartRecord);
      return { etag };
    } catch (error) {
      if (isMissing((error as Error).cause) || isMissing(error)) throw new UploadNotFoundError(path.basename(upload.dir), { cause: error });
      throw error;
    }
  }

  /** The parts received so far, by part number. */
  async listParts(upload: OpenUpload): Promise<UploadedPart[]> {
    const names = await fs.readdir(upload.dir).catch((error: unknown) => {
      if (isMissing(error)) throw new UploadNotFoundError(path.basename(upload.dir), { cause: error });
      throw error;
    });
    const parts: UploadedPart[] = [];
    for (const name of names.filter((n) => PART_FILE.test(n))) {
      const data = path.join(upload.dir, name);
      const [record, stat] = await Promise.all([readJson<PartRecord>(`${data}.json`), fs.stat(data).catch(() => undefined)]);
      if (record && stat?.size === record.size) parts.push({ partNumber: Number(name), size: record.size, etag: record.etag });
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  /**
   * The part files to join, in order, after checking the parts as S3 does: each named part was
   * received with that ETag, and all but the last have at least {@link MIN_PART_SIZE} bytes.
   */
  async partFilesToJoin(upload: OpenUpload, uploadId: string, parts?: readonly CompletedPart[]): Promise<string[]> {
    const received = await this.listParts(upload);
    const byNumber = new Map(received.map((part) => [part.partNumber, part]));
    const wanted = orderCompletedParts(uploadId, parts ?? received);
    wanted.forEach((part, index) => {
      const got = byNumber.get(part.partNumber);
      if (!got) throw new InvalidPartError(uploadId, `part ${part.partNumber} was not received`);
      if (got.etag !== part.etag) throw new InvalidPartError(uploadId, `part ${part.partNumber} has ETag ${got.etag}, not ${part.etag}`);
      if (index < wanted.length - 1 && got.size < MIN_PART_SIZE) {
        throw new InvalidPartError(
          uploadId,
          `part ${part.partNumber} is ${got.size} bytes; every part but the last needs ${MIN_PART_SIZE}`,
        );
      }
    });
    return wanted.map((part) => path.join(upload.dir, String(part.partNumber)));
  }

  /** Deletes an upload and its parts; unknown ids are ignored. */
  async remove(uploadId: string): Promise<void> {
    if (UPLOAD_ID.test(uploadId)) await fs.rm(path.join(this.dir, uploadId), { recursive: true, force: true });
  }
}
