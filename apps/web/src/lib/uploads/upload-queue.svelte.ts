import { ApiError } from '$lib/api/api-error.ts';
import { describeError } from '$lib/api/describe-error.ts';
import { PartUploadError } from './put-part.ts';
import { abandonUpload, uploadFile, type UploadEndpoints } from './resumable-upload.ts';
import { recordsOf, removeRecord, type UploadRecord } from './upload-records.ts';

/**
 * Where one picked file stands. After `uploaded` the media pipeline takes over and the row shows
 * the media status instead (see MediaTracker).
 */
export type UploadItemPhase =
  'queued' | 'starting' | 'uploading' | 'retrying' | 'completing' | 'uploaded' | 'rejected' | 'error' | 'cancelled';

let nextKey = 0;

/** One file the user picked, with live progress for its row. */
export class UploadItem {
  readonly key = nextKey++;
  readonly file: File;
  phase = $state<UploadItemPhase>('queued');
  sent = $state(0);
  /** Milliseconds until the next attempt while `retrying`. */
  retryInMs = $state(0);
  /** True when the upload continued one started before (same file picked again). */
  resumed = $state(false);
  /** The server's reason for a rejection, or what went wrong. */
  message = $state<string | null>(null);
  assetId = $state<string | null>(null);
  uploadId: string | null = null;
  controller: AbortController | null = null;

  constructor(file: File) {
    this.file = file;
  }

  get total(): number {
    return this.file.size;
  }

  get percent(): number {
    return this.total === 0 ? 0 : Math.min(100, Math.floor((this.sent / this.total) * 100));
  }

  get active(): boolean {
    return this.phase === 'starting' || this.phase === 'uploading' || this.phase === 'retrying' || this.phase === 'completing';
  }
}

/**
 * The files being uploaded to one meeting. Files go one after another so that on a weak uplink
 * the first video finishes (and starts processing) instead of all of them crawling together.
 */
export class UploadQueue {
  items = $state<UploadItem[]>([]);
  /** Unfinished uploads from an earlier visit that no picked file has matched yet. */
  unfinished = $state<UploadRecord[]>([]);
  readonly #meetingId: string;
  readonly #api: UploadEndpoints;
  readonly #onUploaded: (assetId: string) => void;
  #running = false;

  constructor(meetingId: string, api: UploadEndpoints, onUploaded: (assetId: string) => void) {
    this.#meetingId = meetingId;
    this.#api = api;
    this.#onUploaded = onUploaded;
    this.unfinished = recordsOf(meetingId);
  }

  /** Queues picked files (input change, camera capture) and starts sending them. */
  add(files: Iterable<File>): void {
    for (const file of files) this.items.push(new UploadItem(file));
    void this.#drain();
  }

  /** Starts a failed upload again; it resumes from the parts the server already has. */
  retry(item: UploadItem): void {
    if (item.active) return;
    item.phase = 'queued';
    item.message = null;
    void this.#drain();
  }

  /** Stops an upload and discards its parts on the server. */
  async cancel(item: UploadItem): Promise<void> {
    const wasQueued = item.phase === 'queued';
    item.controller?.abort(new DOMException('cancelled', 'AbortError'));
    item.phase = 'cancelled';
    if (!wasQueued && item.uploadId) await abandonUpload(this.#api, item.uploadId);
  }

  /** Forgets an unfinished upload from an earlier visit (the user will not pick that file again). */
  async forget(record: UploadRecord): Promise<void> {
    this.unfinished = this.unfinished.filter((r) => r.uploadId !== record.uploadId);
    removeRecord(record.uploadId);
    await abandonUpload(this.#api, record.uploadId);
  }

  /** Stops sending when the page goes away; the server keeps the parts for a later resume. */
  stop(): void {
    for (const item of this.items) item.controller?.abort(new DOMException('page closed', 'AbortError'));
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let item = this.#next(); item; item = this.#next()) await this.#run(item);
    } finally {
      this.#running = false;
    }
  }

  #next(): UploadItem | undefined {
    return this.items.find((i) => i.phase === 'queued');
  }

  async #run(item: UploadItem): Promise<void> {
    const controller = new AbortController();
    item.controller = controller;
    item.phase = 'starting';
    try {
      const { assetId } = await uploadFile(
        item.file,
        this.#meetingId,
        this.#api,
        {
          onPhase: (phase, detail) => {
            if (controller.signal.aborted) return;
            item.phase = phase;
            if (detail?.resumed) item.resumed = true;
            if (detail?.retryInMs !== undefined) item.retryInMs = detail.retryInMs;
          },
          onProgress: (sent) => (item.sent = sent),
          onUploadId: (id) => {
            item.uploadId = id;
            // The picked file matched an earlier unfinished upload: the hint for it is done.
            this.unfinished = this.unfinished.filter((r) => r.uploadId !== id);
          },
        },
        controller.signal,
      );
      item.sent = item.total;
      item.assetId = assetId;
      item.phase = 'uploaded';
      this.#onUploaded(assetId);
    } catch (error) {
      // Cancelled (the row already says so) or the page is going away.
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 415) {
        item.phase = 'rejected';
        item.message = describeError(error);
      } else {
        item.phase = 'error';
        item.message = error instanceof PartUploadError ? error.userMessage : describeError(error);
      }
    } finally {
      item.controller = null;
    }
  }
}
