// Which unfinished upload belongs to which local file, kept in localStorage so that a reload (or a
// browser that killed the tab to save memory) does not throw away the parts already sent. A File
// cannot be stored, so the user picks it again and we recognise it by name, size and mtime.

const KEY = 'platform.uploads.v1';

/** One unfinished upload: enough to find it again when the same file is picked. */
export interface UploadRecord {
  uploadId: string;
  meetingId: string;
  fingerprint: string;
  fileName: string;
  size: number;
  /** When the server forgets the upload; after that the record is useless. */
  expiresAt: string;
}

/** Identifies a local file across page loads without reading its bytes (hashing a 1 GB video on a phone is too slow). */
export function fingerprintOf(file: Pick<File, 'name' | 'size' | 'lastModified'>): string {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Private mode or disabled storage: uploads still work, they just cannot resume after a reload.
  }
}

function readAll(): UploadRecord[] {
  const raw = storage()?.getItem(KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const now = Date.now();
    return (parsed as UploadRecord[]).filter((r) => typeof r?.uploadId === 'string' && new Date(r.expiresAt).getTime() > now);
  } catch {
    return [];
  }
}

function writeAll(records: UploadRecord[]): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(records));
  } catch {
    // Quota exceeded: losing resume-after-reload is better than failing the upload.
  }
}

/** The unfinished upload of this file for this meeting, if one was started before. */
export function findRecord(meetingId: string, fingerprint: string): UploadRecord | undefined {
  return readAll().find((r) => r.meetingId === meetingId && r.fingerprint === fingerprint);
}

/** Unfinished uploads of a meeting, for the "pick the same file to continue" hint. */
export function recordsOf(meetingId: string): UploadRecord[] {
  return readAll().filter((r) => r.meetingId === meetingId);
}

export function saveRecord(record: UploadRecord): void {
  writeAll([...readAll().filter((r) => r.uploadId !== record.uploadId), record]);
}

export function removeRecord(uploadId: string): void {
  writeAll(readAll().filter((r) => r.uploadId !== uploadId));
}
