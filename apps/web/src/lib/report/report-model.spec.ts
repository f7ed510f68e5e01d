import { describe, expect, it } from 'vitest';
import { nextNetworkStep, nextPreparation, pendingOriginals, type ReportFile, type StoredReport } from './report-model.ts';

const file = (key: string, change: Partial<ReportFile> = {}): ReportFile => ({
  key,
  kind: 'PHOTO',
  name: `${key}.jpg`,
  originalSize: 1000,
  preparedSize: 400,
  sendsOriginal: false,
  uploadId: null,
  assetId: null,
  uploaded: false,
  problem: null,
  ...change,
});

const report = (id: string, change: Partial<StoredReport> = {}): StoredReport => ({
  id,
  userId: 'u',
  enterpriseId: 'e',
  form: {} as StoredReport['form'],
  input: null,
  label: id,
  files: [],
  status: 'queued',
  createdAt: 1,
  updatedAt: 1,
  queuedAt: 1,
  meetingId: null,
  problem: null,
  ...change,
});

const describeStep = (step: ReturnType<typeof nextNetworkStep>) =>
  step && `${step.kind}:${step.report.id}${'file' in step ? `:${step.file.key}` : ''}`;

describe('the order of work on the device', () => {
  it('compresses submitted reports first, then the one being written', () => {
    const reports = [
      report('draft', { status: 'draft', files: [file('d1', { preparedSize: null })] }),
      report('queued', { queuedAt: 5, files: [file('q1'), file('q2', { preparedSize: null })] }),
    ];
    expect(nextPreparation(reports)?.file.key).toBe('q2');
    expect(nextPreparation([reports[0]!])?.file.key).toBe('d1');
    expect(nextPreparation([report('done', { files: [file('x')] })])).toBeNull();
  });

  it('opens every upload of a report, creates it, and only then sends bytes', () => {
    const first = report('first', { queuedAt: 1, files: [file('a', { assetId: 'A' }), file('b')] });
    expect(describeStep(nextNetworkStep([first]))).toBe('open:first:b');
    first.files[1]!.assetId = 'B';
    expect(describeStep(nextNetworkStep([first]))).toBe('create:first');
    first.meetingId = 'M';
    expect(describeStep(nextNetworkStep([first]))).toBe('send:first:a');
  });

  it('creates later reports before sending the bytes of earlier ones, in the order they were submitted', () => {
    const older = report('older', { queuedAt: 1, meetingId: 'M1', files: [file('a', { assetId: 'A' })] });
    const newer = report('newer', { queuedAt: 2, files: [file('b', { assetId: 'B' })] });
    const oldest = report('oldest', { queuedAt: 0, files: [file('c', { assetId: 'C' })] });
    expect(describeStep(nextNetworkStep([newer, older, oldest]))).toBe('create:oldest');
    oldest.meetingId = 'M0';
    expect(describeStep(nextNetworkStep([newer, older, oldest]))).toBe('create:newer');
    newer.meetingId = 'M2';
    expect(describeStep(nextNetworkStep([newer, older, oldest]))).toBe('send:oldest:c');
  });

  it('uploads a draft’s files while it is written but never creates it; a file with a problem is left out', () => {
    const draft = report('draft', {
      status: 'draft',
      queuedAt: null,
      files: [file('a', { assetId: 'A' }), file('b', { problem: 'MEDIA_REJECTED' })],
    });
    expect(describeStep(nextNetworkStep([draft]))).toBe('send:draft:a');
    draft.files[0]!.uploaded = true;
    expect(nextNetworkStep([draft])).toBeNull();
    const refused = report('refused', { status: 'refused', files: [file('c')] });
    expect(nextNetworkStep([refused])).toBeNull();
  });

  it('waits for compression before opening a file, since the size is not known yet', () => {
    const waiting = report('q', { files: [file('v', { kind: 'VIDEO', preparedSize: null })] });
    expect(nextNetworkStep([waiting])).toBeNull();
  });
});

describe('originals sent later', () => {
  const delivered = (change: Partial<StoredReport> = {}) =>
    report('sent', {
      status: 'sent',
      meetingId: 'M',
      sendOriginals: true,
      files: [file('v', { kind: 'VIDEO', assetId: 'V', uploaded: true }), file('p', { assetId: 'P', uploaded: true, sendsOriginal: true })],
      ...change,
    });

  it('go on Wi-Fi only, after everything else, and only for files that were compressed', () => {
    expect(nextNetworkStep([delivered()], false)).toBeNull();
    expect(describeStep(nextNetworkStep([delivered()], true))).toBe('original:sent:v');
    const waiting = report('queued', { files: [file('q', { assetId: 'Q' })], meetingId: 'M2' });
    expect(describeStep(nextNetworkStep([delivered(), waiting], true))).toBe('send:queued:q');
  });

  it('go on any network when the officer asks, and not at all when not wanted or already sent', () => {
    expect(describeStep(nextNetworkStep([delivered({ originalsNow: true })], false))).toBe('original:sent:v');
    expect(nextNetworkStep([delivered({ sendOriginals: false })], true)).toBeNull();
    const sent = delivered();
    sent.files[0]!.originalSent = true;
    expect(pendingOriginals(sent)).toEqual([]);
  });
});

describe('two lanes', () => {
  it('create a submitted report while an earlier file is still uploading', () => {
    const uploading = report('draft', { status: 'draft', queuedAt: null, files: [file('big', { kind: 'VIDEO', assetId: 'B' })] });
    const submitted = report('queued', { queuedAt: 2, files: [file('p', { assetId: 'P' })] });
    expect(describeStep(nextNetworkStep([uploading, submitted], false, 'requests'))).toBe('create:queued');
    expect(describeStep(nextNetworkStep([uploading, submitted], false, 'bytes'))).toBe('send:queued:p');
    submitted.meetingId = 'M';
    expect(nextNetworkStep([uploading, submitted], false, 'requests')).toBeNull();
  });
});
