import type { Media, MeetingInput } from '@platform/contracts';
import type { Api } from '../api/client.ts';
import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import type { MeetingDraft } from '../components/meetings/meeting-form-model.ts';
import { contentTypeOf, isRetryable, sendUpload } from '../uploads/resumable-upload.ts';
import { compressPhoto } from './compress-photo.ts';
import { compressVideo } from './compress-video.ts';
import { estimateSeconds, type FileProgress } from './file-progress.ts';
import {
  nextNetworkStep,
  nextPreparation,
  pendingOriginals,
  type NetworkStep,
  type ReportFile,
  type StoredReport,
} from './report-model.ts';
import * as store from './report-store.ts';

// How long a delivered report stays listed on the device ("已发送") before it is forgotten.
const KEEP_SENT_MS = 24 * 3_600_000;
// After a failed request with no answer, try again after this (or at once when the browser says it is online).
const OFFLINE_RETRY_MS = 15_000;
const PROCESSING_POLL_MS = 3_000;

/**
 * Compression can be switched off per device (localStorage `platform.report.compress` = `off`):
 * for a phone whose encoder misbehaves, and for the benchmark's uncompressed baseline.
 */
function compressionWanted(): boolean {
  try {
    return localStorage.getItem('platform.report.compress') !== 'off';
  } catch {
    return true;
  }
}

/** On Wi-Fi or a wired network, where sending originals costs the officer nothing (unknown: no). */
function onWifi(): boolean {
  const connection = (navigator as Navigator & { connection?: { type?: string } }).connection;
  return connection?.type === 'wifi' || connection?.type === 'ethernet';
}

/** A delivered report past its day on the list, with no originals left to send. */
const isForgotten = (report: StoredReport, now: number) =>
  report.status === 'sent' && now - report.updatedAt > KEEP_SENT_MS && pendingOriginals(report).length === 0;

const isVideo = (file: File) => file.type.startsWith('video/') || /\.(mp4|mov|m4v|3gp|mkv|webm)$/i.test(file.name);

/**
 * The officer's reports on this device and the work of getting them to the server: compress the
 * picked files, upload them while the report is written, create the meeting when it is submitted,
 * and keep going across reloads and lost networks. One per signed-in officer and tab.
 */
export class ReportSender {
  reports = $state<StoredReport[]>([]);
  progress = $state<Record<string, FileProgress>>({});
  online = $state(true);
  /** Set while requests fail without an answer: the network is down or the server unreachable. */
  waitingForNetwork = $state(false);
  loaded = $state(false);

  readonly #api: Api;
  readonly #user: { id: string; enterpriseId: string };
  #preparing = false;
  readonly #busy = { requests: false, bytes: false };
  /** Lanes waiting out a lost network; woken when the browser says it is back. */
  readonly #sleepers: (() => void)[] = [];
  #stopped = false;
  readonly #abort = new AbortController();

  constructor(api: Api, user: { id: string; enterpriseId: string }) {
    this.#api = api;
    this.#user = user;
  }

  /** Loads the device's reports and starts sending; returns the function that stops it. */
  start(): () => void {
    this.online = navigator.onLine;
    const online = () => {
      this.online = true;
      this.#wakeAll();
      void this.#send();
    };
    const offline = () => (this.online = false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const connection = (navigator as Navigator & { connection?: EventTarget }).connection;
    connection?.addEventListener('change', online);
    void this.#load();
    return () => {
      this.#stopped = true;
      this.#abort.abort(new DOMException('page closed', 'AbortError'));
      this.#wakeAll();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      connection?.removeEventListener('change', online);
    };
  }

  /** The report being written, if any. */
  get draft(): StoredReport | undefined {
    return this.reports.find((r) => r.status === 'draft');
  }

  /** Reports submitted and not yet delivered, oldest first. */
  get waiting(): StoredReport[] {
    return this.reports.filter((r) => r.status === 'queued').sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
  }

  async startDraft(form: MeetingDraft): Promise<StoredReport> {
    const now = Date.now();
    const report: StoredReport = {
      id: crypto.randomUUID(),
      userId: this.#user.id,
      enterpriseId: this.#user.enterpriseId,
      form,
      input: null,
      label: '',
      files: [],
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      queuedAt: null,
      meetingId: null,
      problem: null,
    };
    await this.#save(report);
    return report;
  }

  /** Saves what was typed; called on every change (the page debounces). */
  async saveForm(id: string, form: MeetingDraft): Promise<void> {
    const report = this.#find(id);
    if (report) await this.#save({ ...report, form: $state.snapshot(form) as MeetingDraft, updatedAt: Date.now() });
  }

  /** Adds picked or captured files: stored on the device first, then compressed and sent. */
  async addFiles(id: string, files: Iterable<File>): Promise<void> {
    for (const original of files) {
      const key = crypto.randomUUID();
      await store.saveFileBytes(key, { original, prepared: null });
      const report = this.#find(id);
      if (!report) return;
      const file: ReportFile = {
        key,
        kind: isVideo(original) ? 'VIDEO' : 'PHOTO',
        name: original.name || (isVideo(original) ? 'video.mp4' : 'photo.jpg'),
        originalSize: original.size,
        preparedSize: null,
        sendsOriginal: false,
        uploadId: null,
        assetId: null,
        uploaded: false,
        problem: null,
      };
      this.progress[key] = { phase: 'waiting', fraction: 0, etaSeconds: null };
      await this.#save({ ...report, files: [...report.files, file], updatedAt: Date.now() });
    }
    void this.#prepare();
  }

  /** Takes a file out of the report; an unfinished upload of it is abandoned. */
  async removeFile(id: string, key: string): Promise<void> {
    const report = this.#find(id);
    const file = report?.files.find((f) => f.key === key);
    if (!report || !file) return;
    if (file.uploadId && !file.uploaded) await this.#api.uploads.abort(file.uploadId).catch(() => undefined);
    await this.#save({ ...report, files: report.files.filter((f) => f.key !== key), updatedAt: Date.now() });
    await store.deleteFileBytes(key);
  }

  /** 上报: the report joins the queue and is delivered as soon as the network allows. */
  async submit(id: string, input: MeetingInput, label: string): Promise<void> {
    const report = this.#find(id);
    if (!report) return;
    await this.#save({ ...report, input, label, status: 'queued', queuedAt: Date.now(), problem: null, updatedAt: Date.now() });
    void this.#send();
  }

  /** Whether the originals of compressed files follow the report (on Wi-Fi). */
  async setSendOriginals(id: string, value: boolean): Promise<void> {
    const report = this.#find(id);
    if (report) await this.#save({ ...report, sendOriginals: value });
  }

  /** Sends a delivered report's originals now, whatever the connection. */
  async sendOriginalsNow(id: string): Promise<void> {
    const report = this.#find(id);
    if (!report) return;
    await this.#save({ ...report, originalsNow: true });
    void this.#send();
  }

  /** Gives up sending a delivered report's originals and frees their space on the phone. */
  async skipOriginals(id: string): Promise<void> {
    const report = this.#find(id);
    if (!report) return;
    for (const file of pendingOriginals(report)) await store.deleteFileBytes(file.key);
    await this.#save({ ...report, sendOriginals: false });
  }

  /** A refused report goes back to being written, with the server's reasons kept for the form. */
  async reopen(id: string): Promise<void> {
    const report = this.#find(id);
    if (!report) return;
    const draft = this.draft;
    if (draft && draft.id !== id) await this.discard(draft.id);
    await this.#save({ ...report, status: 'draft', queuedAt: null, updatedAt: Date.now() });
  }

  async discard(id: string): Promise<void> {
    const report = this.#find(id);
    if (!report) return;
    for (const file of report.files)
      if (file.uploadId && !file.uploaded) await this.#api.uploads.abort(file.uploadId).catch(() => undefined);
    this.reports = this.reports.filter((r) => r.id !== id);
    await store.deleteReport(report);
  }

  #find(id: string): StoredReport | undefined {
    return this.reports.find((r) => r.id === id);
  }

  async #save(report: StoredReport): Promise<void> {
    const plain = $state.snapshot(report) as StoredReport;
    const index = this.reports.findIndex((r) => r.id === plain.id);
    if (index < 0) this.reports.push(plain);
    else this.reports[index] = plain;
    await store.saveReport(plain);
  }

  async #patchFile(reportId: string, key: string, change: Partial<ReportFile>): Promise<void> {
    const report = this.#find(reportId);
    if (!report) return;
    await this.#save({ ...report, files: report.files.map((f) => (f.key === key ? { ...f, ...change } : f)) });
  }

  async #load(): Promise<void> {
    await store.sweepOrphanFiles().catch(() => 0);
    const mine = await store.reportsOf(this.#user.id);
    const now = Date.now();
    for (const report of mine) {
      if (isForgotten(report, now)) await store.deleteReport(report);
    }
    this.reports = mine.filter((r) => !isForgotten(r, now));
    for (const file of this.reports.flatMap((r) => r.files)) {
      this.progress[file.key] = file.uploaded
        ? { phase: 'processing', fraction: 0, etaSeconds: null }
        : { phase: file.preparedSize === null ? 'waiting' : 'ready', fraction: 0, etaSeconds: null };
      if (file.uploaded && file.assetId) void this.#followProcessing(file);
    }
    this.loaded = true;
    void this.#prepare();
    void this.#send();
  }

  /** Compresses files one at a time (it is the phone's CPU), then lets the sender know. */
  async #prepare(): Promise<void> {
    if (this.#preparing) return;
    this.#preparing = true;
    try {
      for (let step = nextPreparation(this.reports); step && !this.#stopped; step = nextPreparation(this.reports)) {
        await this.#prepareFile(step.report.id, step.file);
        void this.#send();
      }
    } finally {
      this.#preparing = false;
    }
  }

  async #prepareFile(reportId: string, file: ReportFile): Promise<void> {
    const bytes = await store.loadFileBytes(file.key);
    if (!bytes) {
      await this.#patchFile(reportId, file.key, { problem: 'FILE_LOST_ON_DEVICE' });
      return;
    }
    const started = Date.now();
    const onProgress = (fraction: number) => {
      this.progress[file.key] = { phase: 'compressing', fraction, etaSeconds: estimateSeconds(started, Date.now(), fraction) };
    };
    onProgress(0);
    let prepared: File | null = null;
    try {
      if (compressionWanted())
        prepared =
          file.kind === 'VIDEO' ? await compressVideo(bytes.original, onProgress, this.#abort.signal) : await compressPhoto(bytes.original);
    } catch {
      if (this.#stopped) return; // The page is closing: compress again next time.
    }
    if (prepared) await store.saveFileBytes(file.key, { original: bytes.original, prepared });
    this.progress[file.key] = { phase: 'ready', fraction: 1, etaSeconds: null };
    await this.#patchFile(reportId, file.key, {
      preparedSize: prepared?.size ?? bytes.original.size,
      sendsOriginal: !prepared,
      name: prepared?.name ?? file.name,
    });
  }

  /** Talks to the server one request at a time, in order; waits out lost networks. */
  async #send(): Promise<void> {
    await Promise.all([this.#lane('requests'), this.#lane('bytes')]);
  }

  /** One lane's steps, one at a time, in order; each step done may give the other lane work. */
  async #lane(lane: 'requests' | 'bytes'): Promise<void> {
    if (this.#busy[lane]) return;
    this.#busy[lane] = true;
    const next = () => nextNetworkStep(this.reports, onWifi(), lane);
    try {
      for (let step = next(); step && !this.#stopped; step = next()) {
        try {
          await this.#perform(step);
          void this.#lane(lane === 'requests' ? 'bytes' : 'requests');
          this.waitingForNetwork = false;
        } catch (error) {
          if (this.#stopped) return;
          if (!isRetryable(error)) {
            // Every expected refusal is recorded on its report or file; this is a defect.
            console.error('report sending stopped', error);
            return;
          }
          this.waitingForNetwork = true;
          await this.#pause();
        }
        await this.#markDelivered();
      }
    } finally {
      this.#busy[lane] = false;
    }
  }

  #pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, OFFLINE_RETRY_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#sleepers.push(done);
    });
  }

  #wakeAll(): void {
    for (const wake of this.#sleepers.splice(0)) wake();
  }

  async #perform(step: NetworkStep): Promise<void> {
    if (step.kind === 'create') return this.#create(step.report);
    if (step.kind === 'open') return this.#open(step.report, step.file);
    if (step.kind === 'original') return this.#sendOriginal(step.report, step.file);
    return this.#upload(step.report, step.file);
  }

  async #open(report: StoredReport, file: ReportFile): Promise<void> {
    const bytes = await store.loadFileBytes(file.key);
    const sent = bytes?.prepared ?? bytes?.original;
    if (!sent) return this.#patchFile(report.id, file.key, { problem: 'FILE_LOST_ON_DEVICE' });
    try {
      const upload = await this.#createUpload(sent, file.name, report.meetingId);
      await this.#patchFile(report.id, file.key, { uploadId: upload.id, assetId: upload.assetId });
    } catch (error) {
      if (isRetryable(error)) throw error;
      await this.#patchFile(report.id, file.key, { problem: error instanceof ApiError ? error.code : 'UNKNOWN' });
    }
  }

  async #create(report: StoredReport): Promise<void> {
    if (!report.input) return;
    const input = {
      ...report.input,
      mediaIds: report.files.filter((f) => f.assetId && !f.problem).map((f) => f.assetId!),
      clientRef: report.id,
    };
    try {
      const meeting = await this.#api.meetings.create(input);
      await this.#save({ ...this.#find(report.id)!, meetingId: meeting.id, updatedAt: Date.now() });
    } catch (error) {
      if (isRetryable(error)) throw error;
      const problem =
        error instanceof ApiError
          ? { code: error.code, message: describeError(error), fields: error.fieldErrors }
          : { code: 'UNKNOWN', message: describeError(error), fields: {} };
      await this.#save({ ...this.#find(report.id)!, status: 'refused', problem, updatedAt: Date.now() });
    }
  }

  async #upload(report: StoredReport, file: ReportFile): Promise<void> {
    const bytes = await store.loadFileBytes(file.key);
    const sent = bytes?.prepared ?? bytes?.original;
    if (!sent || !file.uploadId) return this.#patchFile(report.id, file.key, { problem: 'FILE_LOST_ON_DEVICE' });
    const started = Date.now();
    let uploadId = file.uploadId;
    const open = async () => {
      try {
        return await this.#api.uploads.get(uploadId);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
        // Expired while the phone was offline for a day: a new upload, for the meeting if it exists by now.
        const meetingId = this.#find(report.id)?.meetingId ?? undefined;
        const fresh = await this.#createUpload(sent, file.name, meetingId ?? null);
        uploadId = fresh.id;
        await this.#patchFile(report.id, file.key, { uploadId: fresh.id, assetId: fresh.assetId });
        return fresh;
      }
    };
    try {
      const { assetId } = await sendUpload(
        sent,
        open,
        this.#api.uploads,
        {
          onProgress: (done, total) => {
            const fraction = total ? done / total : 0;
            this.progress[file.key] = { phase: 'uploading', fraction, etaSeconds: estimateSeconds(started, Date.now(), fraction) };
          },
          onPhase: (phase) => {
            if (phase === 'retrying') this.progress[file.key] = { ...this.progress[file.key]!, phase: 'retrying', etaSeconds: null };
          },
        },
        this.#abort.signal,
      );
      await this.#patchFile(report.id, file.key, { uploaded: true, assetId });
      this.progress[file.key] = { phase: 'processing', fraction: 0, etaSeconds: null };
      void this.#followProcessing({ ...file, assetId });
    } catch (error) {
      if (this.#stopped || isRetryable(error)) throw error;
      this.progress[file.key] = { phase: 'failed', fraction: 0, etaSeconds: null };
      await this.#patchFile(report.id, file.key, { problem: error instanceof ApiError ? error.code : 'UNKNOWN' });
    }
  }

  /** An upload of `bytes`: held for the enterprise until the report exists, else for its meeting. */
  #createUpload(bytes: File, name: string, meetingId: string | null, originalOf?: string | null) {
    return this.#api.uploads.create({
      meetingId: meetingId ?? undefined,
      originalOf: originalOf ?? undefined,
      fileName: bytes.name || name,
      size: bytes.size,
      contentType: contentTypeOf(bytes),
    });
  }

  /** Sends the original of a compressed file to the meeting, linked to its copy; then frees it. */
  async #sendOriginal(report: StoredReport, file: ReportFile): Promise<void> {
    const bytes = await store.loadFileBytes(file.key);
    if (!bytes || !report.meetingId || !file.assetId) return this.#patchFile(report.id, file.key, { originalSent: true });
    const original = bytes.original;
    const create = () => this.#createUpload(original, file.name, report.meetingId, file.assetId);
    const open = async () => {
      const existing = this.#find(report.id)?.files.find((f) => f.key === file.key)?.originalUploadId;
      if (existing) {
        const found = await this.#api.uploads.get(existing).catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        });
        if (found) return found;
      }
      const created = await create();
      await this.#patchFile(report.id, file.key, { originalUploadId: created.id });
      return created;
    };
    try {
      await sendUpload(original, open, this.#api.uploads, {}, this.#abort.signal);
    } catch (error) {
      if (this.#stopped || isRetryable(error)) throw error;
      // Refused (the meeting was reviewed, the file rejected): the compressed copy stands as the evidence.
    }
    await store.deleteFileBytes(file.key);
    await this.#patchFile(report.id, file.key, { originalSent: true });
  }

  /** Polls a sent file until the server has processed it, for its row. */
  async #followProcessing(file: ReportFile): Promise<void> {
    while (!this.#stopped && file.assetId) {
      const media: Media | null = await this.#api.media.get(file.assetId).catch(() => null);
      if (media) {
        const done = media.status === 'READY' || media.status === 'PLAYABLE';
        const failed = media.status === 'FAILED';
        this.progress[file.key] = {
          phase: done ? 'done' : failed ? 'failed' : 'processing',
          fraction: media.progress / 100,
          etaSeconds: null,
        };
        if (done || failed) return;
      }
      await new Promise((resolve) => setTimeout(resolve, PROCESSING_POLL_MS));
    }
  }

  /** Reports on the server with every file sent: listed as sent, their bytes freed. */
  async #markDelivered(): Promise<void> {
    for (const report of this.reports) {
      if (report.status !== 'queued' || !report.meetingId) continue;
      if (!report.files.every((f) => f.uploaded || f.problem)) continue;
      // Originals still to be sent keep their bytes; the rest of the phone's space is freed.
      const keep = report.sendOriginals ? report.files.filter((f) => !f.sendsOriginal && !f.problem).map((f) => f.key) : [];
      for (const file of report.files) {
        const bytes = keep.includes(file.key) ? await store.loadFileBytes(file.key) : undefined;
        if (bytes) await store.saveFileBytes(file.key, { original: bytes.original, prepared: null });
        else await store.deleteFileBytes(file.key);
      }
      await this.#save({ ...report, status: 'sent', updatedAt: Date.now() });
    }
  }
}
