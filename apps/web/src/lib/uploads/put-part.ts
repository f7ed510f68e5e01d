import { t, translateError } from '../i18n/index.ts';

/**
 * A part that could not be stored. `retryable` says whether sending it again may succeed;
 * `code` and `params` are the API's error code when it sent one. `message` is for logs only:
 * show `userMessage`.
 */
export class PartUploadError extends Error {
  override name = 'PartUploadError';
  constructor(
    message: string,
    readonly status: number,
    readonly retryable: boolean,
    readonly code: string | null = null,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }

  /** What to tell the user, in their language. */
  get userMessage(): string {
    if (this.code) return translateError(this.code, this.params);
    return this.status === 0 ? t.errors.network : t.errors.http(this.status);
  }
}

// A phone on a plant floor can sit on a dead connection that never errors; without progress for
// this long the request is dropped and retried.
const STALL_MS = 60_000;

function isSameOrigin(url: string): boolean {
  return new URL(url, window.location.href).origin === window.location.origin;
}

/**
 * PUTs one part's bytes to its target (the API's part endpoint or a presigned object-store URL)
 * and reports bytes sent. XMLHttpRequest rather than fetch because only XHR reports upload
 * progress in every browser.
 */
export function putPart(
  url: string,
  body: Blob,
  options: { onProgress?: (loaded: number) => void; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const { signal, onProgress } = options;
    if (signal?.aborted) return reject(signal.reason);
    const sameOrigin = isSameOrigin(url);
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    // The session cookie goes to our API only; a presigned URL carries its own authorisation, and
    // sending cookies cross-origin would need CORS credentials the store does not grant.
    xhr.withCredentials = false;
    // Presigned URLs sign the headers they expect, so nothing extra is added for them.
    if (sameOrigin) xhr.setRequestHeader('content-type', 'application/octet-stream');

    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    let stalled = false;
    const armStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        stalled = true;
        xhr.abort();
      }, STALL_MS);
    };
    const onAbort = () => xhr.abort();
    const cleanup = () => {
      clearTimeout(stallTimer);
      signal?.removeEventListener('abort', onAbort);
    };

    xhr.upload.onprogress = (event) => {
      armStall();
      onProgress?.(event.loaded);
    };
    xhr.onload = () => {
      cleanup();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(body.size);
        return resolve();
      }
      // 403 from an object store usually means the presigned URL expired: fresh targets fix it.
      const retryable = xhr.status === 408 || xhr.status === 429 || xhr.status >= 500 || (xhr.status === 403 && !sameOrigin);
      const answer = errorOf(xhr);
      reject(new PartUploadError(answer.message, xhr.status, retryable, answer.code, answer.params));
    };
    xhr.onerror = () => {
      cleanup();
      reject(new PartUploadError('network error', 0, true));
    };
    xhr.onabort = () => {
      cleanup();
      if (stalled) reject(new PartUploadError('no progress, connection stalled', 0, true));
      else reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    armStall();
    xhr.send(body);
  });
}

/** The API's `{error: {code, message, params}}`, or the status line for an object store's XML error. */
function errorOf(xhr: XMLHttpRequest): { code: string | null; params: Record<string, string | number>; message: string } {
  try {
    const parsed = JSON.parse(xhr.responseText) as {
      error?: { code?: string; message?: string; params?: Record<string, string | number> };
    };
    if (parsed.error?.code) return { code: parsed.error.code, params: parsed.error.params ?? {}, message: parsed.error.message ?? '' };
  } catch {
    // Not JSON.
  }
  return { code: null, params: {}, message: `HTTP ${xhr.status} ${xhr.statusText}`.trim() };
}
