import { createStore, del, get, keys, set, values, type UseStore } from 'idb-keyval';
import type { StoredReport } from './report-model.ts';

// Reports and their files live in IndexedDB, which survives a reload, a closed browser and a
// phone that died mid-report. The files are written once each (a video can be 100 MB) and the
// small report record on every change.

/** The bytes of one picked file: the original and, once compressed, what is sent. */
export interface StoredFileBytes {
  original: File;
  prepared: File | null;
}

let reportsDb: UseStore | null = null;
let filesDb: UseStore | null = null;
const reportStore = () => (reportsDb ??= createStore('platform-reports', 'reports'));
const fileStore = () => (filesDb ??= createStore('platform-report-files', 'files'));

export async function saveReport(report: StoredReport): Promise<void> {
  await set(report.id, report, reportStore());
}

export async function loadReport(id: string): Promise<StoredReport | undefined> {
  return get<StoredReport>(id, reportStore());
}

/** Every report of this user on this device (another account on a shared phone sees none of them). */
export async function reportsOf(userId: string): Promise<StoredReport[]> {
  return (await values<StoredReport>(reportStore())).filter((r) => r.userId === userId);
}

export async function saveFileBytes(key: string, bytes: StoredFileBytes): Promise<void> {
  await set(key, bytes, fileStore());
}

export async function loadFileBytes(key: string): Promise<StoredFileBytes | undefined> {
  return get<StoredFileBytes>(key, fileStore());
}

export async function deleteFileBytes(key: string): Promise<void> {
  await del(key, fileStore());
}

/** Removes a report and its files' bytes. */
export async function deleteReport(report: StoredReport): Promise<void> {
  for (const file of report.files) await deleteFileBytes(file.key);
  await del(report.id, reportStore());
}

/** Bytes of files no report names any more (a crash between the two writes): removed. */
export async function sweepOrphanFiles(): Promise<number> {
  const named = new Set((await values<StoredReport>(reportStore())).flatMap((r) => r.files.map((f) => f.key)));
  let removed = 0;
  for (const key of await keys<string>(fileStore())) {
    if (!named.has(key)) {
      await deleteFileBytes(key);
      removed++;
    }
  }
  return removed;
}
