import type { Media } from '@platform/contracts';
import { ApiError } from '$lib/api/api-error.ts';
import { api } from '$lib/api/client.ts';
import { describeError } from '$lib/api/describe-error.ts';
import { isSettled } from '$lib/media/media-tracker.svelte.ts';
import { uploadContentFile } from '$lib/uploads/content-upload.ts';
import { PartUploadError } from '$lib/uploads/put-part.ts';
import { abandonUpload } from '$lib/uploads/resumable-upload.ts';
import { UploadItem } from '$lib/uploads/upload-queue.svelte.ts';

const POLL_MS = 3_000;

/**
 * One lesson file being uploaded as platform material, then followed while it is processed: the
 * row shows bytes sent, then the media status (polled: platform material belongs to no
 * enterprise, so no event stream carries it). `assetId` is set once the upload completes, which
 * is when the lesson can be saved; processing may go on afterwards.
 */
export class ContentUpload {
  item = $state<UploadItem | null>(null);
  media = $state<Media | null>(null);
  #timer: ReturnType<typeof setInterval> | null = null;

  get assetId(): string | null {
    return this.item?.assetId ?? null;
  }

  /** Starts sending `file`, replacing whatever was picked before. */
  async start(file: File): Promise<void> {
    await this.cancel();
    const item = new UploadItem(file);
    const controller = new AbortController();
    item.controller = controller;
    this.item = item;
    this.media = null;
    try {
      const { assetId } = await uploadContentFile(
        file,
        api.uploads,
        {
          onPhase: (phase, detail) => {
            if (controller.signal.aborted) return;
            item.phase = phase;
            if (detail?.resumed) item.resumed = true;
            if (detail?.retryInMs !== undefined) item.retryInMs = detail.retryInMs;
          },
          onProgress: (sent) => (item.sent = sent),
          onUploadId: (id) => (item.uploadId = id),
        },
        controller.signal,
      );
      item.sent = item.total;
      item.assetId = assetId;
      item.phase = 'uploaded';
      this.#follow(assetId);
    } catch (error) {
      if (controller.signal.aborted) return;
      item.phase = error instanceof ApiError && error.status === 415 ? 'rejected' : 'error';
      item.message = error instanceof PartUploadError ? error.userMessage : describeError(error);
    } finally {
      item.controller = null;
    }
  }

  /** Stops an upload in progress (its parts are discarded) and stops following the file. */
  async cancel(): Promise<void> {
    const item = this.item;
    const active = !!item?.active;
    this.stop();
    if (item && active) {
      item.phase = 'cancelled';
      if (item.uploadId) await abandonUpload(api.uploads, item.uploadId);
    }
    this.item = null;
    this.media = null;
  }

  /** Stops polling and sending (the page goes away); the server keeps the parts, so picking the file again resumes. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    if (this.item?.active) this.item.controller?.abort(new DOMException('page closed', 'AbortError'));
  }

  #follow(assetId: string): void {
    const poll = async () => {
      try {
        this.media = await api.media.get(assetId);
        if (isSettled(this.media.status)) this.stop();
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    void poll();
    this.#timer = setInterval(() => void poll(), POLL_MS);
  }
}
