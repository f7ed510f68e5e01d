import { contentTypeOf, rememberedUpload, sendUpload, type UploadCallbacks, type UploadEndpoints } from './resumable-upload.ts';

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
  // Some systems give a PDF no type; the server checks the bytes whatever is declared.
  const contentType = !file.type && /\.pdf$/i.test(file.name) ? 'application/pdf' : contentTypeOf(file);
  const open = rememberedUpload(CONTENT_UPLOADS, file, api, callbacks, () =>
    api.create({ purpose: 'content', fileName: file.name, size: file.size, contentType }),
  );
  return sendUpload(file, open, api, callbacks, signal);
}
