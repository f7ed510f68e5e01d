import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { StoredReport } from './report-model.ts';
import { deleteReport, loadFileBytes, loadReport, reportsOf, saveFileBytes, saveReport, sweepOrphanFiles } from './report-store.ts';

const report = (id: string, userId: string, fileKeys: string[] = []): StoredReport => ({
  id,
  userId,
  enterpriseId: 'e',
  form: { taskBriefing: '检修二号反应釜' } as StoredReport['form'],
  input: null,
  label: '甲班 · 早班',
  files: fileKeys.map((key) => ({
    key,
    kind: 'PHOTO',
    name: `${key}.jpg`,
    originalSize: 3,
    preparedSize: null,
    sendsOriginal: false,
    uploadId: null,
    assetId: null,
    uploaded: false,
    problem: null,
  })),
  status: 'draft',
  createdAt: 1,
  updatedAt: 1,
  queuedAt: null,
  meetingId: null,
  problem: null,
});

describe('the report store on the device', () => {
  it('keeps reports and their files across loads, per user', async () => {
    await saveFileBytes('f1', { original: new File([new Uint8Array([1, 2, 3])], 'a.jpg', { type: 'image/jpeg' }), prepared: null });
    await saveReport(report('r1', 'officer1', ['f1']));
    await saveReport(report('r2', 'officer2'));
    expect((await loadReport('r1'))?.form.taskBriefing).toBe('检修二号反应釜');
    expect((await reportsOf('officer1')).map((r) => r.id)).toEqual(['r1']);
    const bytes = await loadFileBytes('f1');
    expect(bytes?.original.size).toBe(3);
  });

  it('removes a report with its files, and files no report names', async () => {
    await saveFileBytes('orphan', { original: new File(['x'], 'o.jpg'), prepared: null });
    expect(await sweepOrphanFiles()).toBe(1);
    expect(await loadFileBytes('orphan')).toBeUndefined();
    expect(await loadFileBytes('f1')).toBeDefined();
    await deleteReport((await loadReport('r1'))!);
    expect(await loadReport('r1')).toBeUndefined();
    expect(await loadFileBytes('f1')).toBeUndefined();
  });
});
