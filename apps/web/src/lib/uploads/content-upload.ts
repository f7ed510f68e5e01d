import type { Upload } from '@platform/contracts';
// Relative so the root vitest run (no $lib alias) can load it.
import { ApiError } from '../api/api-error.ts';
import { contentTypeOf, sendUpload, type UploadCallbacks, type UploadEndpoints } from './resumable-upload.ts';
import { findRecord, fingerprintOf, removeRecord, saveRecord } from './upload-records.ts';

/** Where unfinished content uploads are remembered (upload records are kept per meeting, or per this key). */
export const CONTENT_UPLOADS = 'content';

/**
 * Uploads `file` as platform material (purpose `content`: a lesson's video, PDF or poster, a
 * library resource) in resumable parts and completes it, exactly like a meeting's evidence: the
 * same file picked again after a reload or a dropped connection continues where it stopped.
 * Administrators only; resolves with the media asset id.
 */
export async function uploadContentFile(
  file: File,
  api: UploadEndpoints,
  callbacks: UploadCallbacks,
  signal: AbortSignal,
): Promise<{ assetId: string }> {
  const fingerprint = fingerprintOf(file);
  const open = async (): Promise<Upload> => {
    const previous = findRecord(CONTENT_UPLOADS, fingerprint);
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
      removeRecord(previous.uploadId);
    }
    // Some systems give a PDF no type; the server checks the bytes whatever is declared.
    const contentType = !file.type && /\.pdf$/i.test(file.name) ? 'application/pdf' : contentTypeOf(file);
    const created = await api.create({ purpose: 'content', fileName: file.name, size: file.size, contentType });
    saveRecord({
      uploadId: created.id,
      meetingId: CONTENT_UPLOADS,
      fingerprint,
      fileName: file.name,
      size: file.size,
      expiresAt: created.expiresAt,
    });
    return created;
  };
  return sendUpload(file, open, api, callbacks, signal);
}
