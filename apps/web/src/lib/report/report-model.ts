import type { MeetingInput } from '@platform/contracts';
import type { MeetingDraft } from '../components/meetings/meeting-form-model.ts';

/**
 * Where one report stands on the device: being written; submitted and waiting to be sent (no
 * network, or files still being prepared); delivered; or refused by the server (the officer
 * must correct it, nothing is lost).
 */
export type ReportStatus = 'draft' | 'queued' | 'sent' | 'refused';

/** What became of one picked photo or video; the bytes live in the file store under `key`. */
export interface ReportFile {
  key: string;
  kind: 'VIDEO' | 'PHOTO';
  name: string;
  originalSize: number;
  /** Compressed size once prepared; equal to originalSize when the original is sent. */
  preparedSize: number | null;
  /** Compression was not possible or not worth it: the original is sent. */
  sendsOriginal: boolean;
  uploadId: string | null;
  assetId: string | null;
  uploaded: boolean;
  /** A server code for why the file cannot be sent (MEDIA_REJECTED…); the officer removes it. */
  problem: string | null;
  /** The original of a compressed file, sent after the report when the officer asked for it. */
  originalUploadId?: string | null;
  originalSent?: boolean;
}

export interface StoredReport {
  /** Also the report's clientRef: a resent report finds the meeting it created. */
  id: string;
  userId: string;
  enterpriseId: string;
  form: MeetingDraft;
  /** What is sent, fixed when the officer pressed 上报 (times placed on the right day then). */
  input: MeetingInput | null;
  /** How the queue names it: team, shift and day ("甲班 · 早班 · 12月1日"). */
  label: string;
  /** Also send the originals of compressed files once delivered, on Wi-Fi (or when asked to now). */
  sendOriginals?: boolean;
  /** The officer asked to send the originals now, whatever the connection. */
  originalsNow?: boolean;
  files: ReportFile[];
  status: ReportStatus;
  createdAt: number;
  updatedAt: number;
  /** When the officer pressed 上报; reports are delivered in this order. */
  queuedAt: number | null;
  meetingId: string | null;
  /** Why the server refused it: a stable code, its Chinese explanation and the fields it named. */
  problem: { code: string; message: string; fields: Record<string, string> } | null;
}

/** Work on the device: compressing a picked file, which needs no network. */
export type PrepareStep = { kind: 'prepare'; report: StoredReport; file: ReportFile };

/**
 * The sender runs two lanes side by side, so that a report is created while a large file of an
 * earlier one is still uploading: small requests (opening uploads, creating meetings) and bytes.
 */
export type NetworkLane = 'requests' | 'bytes' | 'all';

/** Work with the server, in the order it must happen. */
export type NetworkStep =
  | { kind: 'original'; report: StoredReport; file: ReportFile }
  | { kind: 'open'; report: StoredReport; file: ReportFile }
  | { kind: 'create'; report: StoredReport }
  | { kind: 'send'; report: StoredReport; file: ReportFile };

const isReady = (f: ReportFile) => f.preparedSize !== null && !f.problem;

/** Submitted reports, oldest first, then the report being written (its files go up while the officer types). */
function inOrder(reports: readonly StoredReport[]): StoredReport[] {
  return [
    ...reports.filter((r) => r.status === 'queued').sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0)),
    ...reports.filter((r) => r.status === 'draft').sort((a, b) => a.createdAt - b.createdAt),
  ];
}

/** The next file to compress. Pure. */
export function nextPreparation(reports: readonly StoredReport[]): PrepareStep | null {
  for (const report of inOrder(reports)) {
    // Photos first: they take a moment and can be on their way while a video compresses.
    const waiting = report.files.filter((f) => f.preparedSize === null && !f.problem);
    const file = waiting.find((f) => f.kind === 'PHOTO') ?? waiting[0];
    if (file) return { kind: 'prepare', report, file };
  }
  return null;
}

/**
 * The next request. Small requests go before bytes: every submitted report is created on the
 * server, in order, as soon as each of its files has an upload (so it names all its evidence and
 * arrives on time, even while a video is still compressing elsewhere or uploading); the bytes
 * follow in the same order. Pure.
 */
export function nextNetworkStep(reports: readonly StoredReport[], onWifi = false, lane: NetworkLane = 'all'): NetworkStep | null {
  const order = inOrder(reports);
  for (const report of lane === 'bytes' ? [] : order) {
    const unopened = report.files.find((f) => isReady(f) && !f.assetId);
    if (unopened) return { kind: 'open', report, file: unopened };
    const settled = report.files.every((f) => f.problem || f.assetId);
    if (report.status === 'queued' && !report.meetingId && settled) return { kind: 'create', report };
  }
  if (lane === 'requests') return null;
  for (const report of order) {
    const unsent = report.files.find((f) => isReady(f) && f.assetId && !f.uploaded);
    if (unsent) return { kind: 'send', report, file: unsent };
  }
  // Originals last, on Wi-Fi or when the officer asks: they are large and nothing waits for them.
  for (const report of reports.filter((r) => r.status === 'sent')) {
    const [file] = onWifi || report.originalsNow ? pendingOriginals(report) : [];
    if (file) return { kind: 'original', report, file };
  }
  return null;
}

/** Files of a delivered report whose originals are still to be sent. Pure. */
export function pendingOriginals(report: StoredReport): ReportFile[] {
  if (!report.sendOriginals || !report.meetingId) return [];
  return report.files.filter((f) => f.uploaded && f.assetId && !f.sendsOriginal && !f.problem && !f.originalSent);
}
