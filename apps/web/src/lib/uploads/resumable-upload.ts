import type { CreateUploadBody, Upload } from '@platform/contracts';
// Relative so the root vitest run (no $lib alias) can load it.
import { ApiError } from '../api/api-error.ts';
import { PartUploadError, putPart } from './put-part.ts';
import { findRecord, fingerprintOf, removeRecord, saveRecord } from './upload-records.ts';

/** The upload endpoints the engine needs (the typed client's `api.uploads`). */
export interface UploadEndpoints {
  create(body: CreateUploadBody): Promise<Upload>;
  get(id: string): Promise<Upload>;
  complete(id: string): Promise<{ assetId: string }>;
  abort(id: string): Promise<void>;
}

export type UploadPhase = 'starting' | 'uploading' | 'retrying' | 'completing';

export interface UploadCallbacks {
  onPhase?(phase: UploadPhase, detail?: { retryInMs?: number; resumed?: boolean }): void;
  /** Bytes the server holds plus bytes of the part in flight, out of the file size. */
  onProgress?(sent: number, total: number): void;
  /** The server id of the upload, as soon as it is known (so it can be aborted). */
  onUploadId?(uploadId: string): void;
}

// Consecutive failures without a single part getting through. Any stored part resets the count,
// so a long video on a flaky network keeps going while a dead server gives up after ~4 minutes.
const MAX_FAILURES = 10;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

const TYPES_BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  '3gp': 'video/3gpp',
  mkv: 'video/x-matroska',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  heif: 'image/heif',
  webp: 'image/webp',
};

/** The file's MIME type; some Android galleries give none, and the API requires one (it trusts the bytes anyway). */
export function contentTypeOf(file: Pick<File, 'name' | 'type'>): string {
  if (/^[\w.+-]+\/[\w.+-]+$/.test(file.type)) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** True for failures that another attempt may fix: no connection, timeouts, server overload. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof PartUploadError) return error.retryable;
  if (error instanceof ApiError) return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
  return false;
}

/** Exponential backoff with jitter, capped. */
export function backoffMs(failures: number): number {
  const base = Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1), MAX_DELAY_MS);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Waits `ms`, but wakes early when the browser comes back online; rejects when aborted. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      reject(signal.reason);
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
    signal.addEventListener('abort', aborted, { once: true });
  });
}

/**
 * Uploads `file` as evidence of meeting `meetingId` in resumable parts and completes it. Resumes a
 * previous upload of the same file (found in localStorage) instead of starting again; after a
 * network failure asks the server which parts it holds and sends only the rest. Resolves with the
 * media asset id; rejects with an ApiError (415 MEDIA_REJECTED, 4xx) or after too many failures.
 */
export async function uploadFile(
  file: File,
  meetingId: string,
  api: UploadEndpoints,
  callbacks: UploadCallbacks,
  signal: AbortSignal,
  delayOf: (failures: number) => number = backoffMs,
): Promise<{ assetId: string }> {
  const open = rememberedUpload(meetingId, file, api, callbacks, () =>
    api.create({ meetingId, fileName: file.name, size: file.size, contentType: contentTypeOf(file) }),
  );
  return sendUpload(file, open, api, callbacks, signal, delayOf);
}

/**
 * How to open the upload of `file` remembered under `key` (a meeting, or another kind of owner):
 * the same file picked again after a reload or a dropped connection continues the upload the
 * server still holds; otherwise `create` makes a new one, which is remembered in turn.
 */
export function rememberedUpload(
  key: string,
  file: File,
  api: UploadEndpoints,
  callbacks: UploadCallbacks,
  create: () => Promise<Upload>,
): () => Promise<Upload> {
  const fingerprint = fingerprintOf(file);
  return async () => {
    const previous = findRecord(key, fingerprint);
    if (previous) {
      try {
        const found = await api.get(previous.uploadId);
        if (found.size === file.size && (found.status === 'ACTIVE' || found.status === 'COMPLETED')) {
          callbacks.onPhase?.('starting', { resumed: true });
          return found;
        }
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
      }
      removeRecord(previous.uploadId); // Expired, aborted or gone: start afresh.
    }
    const created = await create();
    saveRecord({ uploadId: created.id, meetingId: key, fingerprint, fileName: file.name, size: file.size, expiresAt: created.expiresAt });
    return created;
  };
}

/**
 * Sends the bytes of an upload opened by `open` (created, or found again after a reload) and
 * completes it. `open` runs again after the server gave up on the upload (expired while offline).
 */
export async function sendUpload(
  file: File,
  open: () => Promise<Upload>,
  api: UploadEndpoints,
  callbacks: UploadCallbacks,
  signal: AbortSignal,
  delayOf: (failures: number) => number = backoffMs,
): Promise<{ assetId: string }> {
  let upload: Upload | null = null;
  let stale = false; // Targets must be fetched again (after a failure, or because presigned URLs may have expired).
  let failures = 0;

  callbacks.onPhase?.('starting');
  for (;;) {
    signal.throwIfAborted();
    try {
      if (!upload) upload = await open();
      else if (stale) upload = await api.get(upload.id);
      stale = false;
      callbacks.onUploadId?.(upload.id);
      if (upload.status === 'COMPLETED') return finished(upload.id, upload.assetId);
      if (upload.status !== 'ACTIVE') {
        // The server gave up on it (expired while we were offline): the parts are gone.
        removeRecord(upload.id);
        upload = null;
        continue;
      }
      await sendMissingParts(file, upload, callbacks, signal, () => (failures = 0));
      callbacks.onPhase?.('completing');
      return await complete(api, upload);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (error instanceof ApiError && error.status === 415) removeRecord(upload?.id ?? '');
      if (!isRetryable(error) || ++failures > MAX_FAILURES) throw error;
      stale = true;
      const delay = delayOf(failures);
      callbacks.onPhase?.('retrying', { retryInMs: delay });
      await pause(delay, signal);
      callbacks.onPhase?.('uploading');
    }
  }
}

function finished(uploadId: string, assetId: string): { assetId: string } {
  removeRecord(uploadId);
  return { assetId };
}

async function sendMissingParts(
  file: File,
  upload: Upload,
  callbacks: UploadCallbacks,
  signal: AbortSignal,
  onPartStored: () => void,
): Promise<void> {
  let stored = upload.received.reduce((sum, part) => sum + part.size, 0);
  callbacks.onProgress?.(stored, file.size);
  callbacks.onPhase?.('uploading');
  // One part at a time: on a weak uplink parallel parts only slow each other down, and a drop
  // then loses one part's worth of bytes at most.
  for (const part of [...upload.parts].sort((a, b) => a.partNumber - b.partNumber)) {
    const start = (part.partNumber - 1) * upload.partSize;
    const bytes = file.slice(start, start + part.size);
    await putPart(part.url, bytes, { signal, onProgress: (loaded) => callbacks.onProgress?.(stored + loaded, file.size) });
    stored += part.size;
    onPartStored();
  }
}

async function complete(api: UploadEndpoints, upload: Upload): Promise<{ assetId: string }> {
  try {
    const result = await api.complete(upload.id);
    return finished(upload.id, result.assetId);
  } catch (error) {
    // The first complete may have succeeded with its answer lost on the way back: the retry then
    // sees 409, and the upload itself says whether it went through.
    if (error instanceof ApiError && error.status === 409) {
      const current = await api.get(upload.id);
      if (current.status === 'COMPLETED') return finished(upload.id, current.assetId);
    }
    throw error;
  }
}

/** Abandons an upload on the server and forgets it locally. Best effort: an unreachable server lets it expire. */
export async function abandonUpload(api: UploadEndpoints, uploadId: string): Promise<void> {
  removeRecord(uploadId);
  await api.abort(uploadId).catch(() => undefined);
}
