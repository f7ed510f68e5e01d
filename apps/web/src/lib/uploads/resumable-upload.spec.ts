import type { CreateUploadBody, Upload } from '@platform/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { PartUploadError } from './put-part.ts';

// Parts go through this stand-in for XHR; everything else (resume, retry, records) is the real code.
const sent: number[] = [];
let failPart: ((partNumber: number) => PartUploadError | null) | null = null;
let server: FakeUploads;
vi.mock('./put-part.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./put-part.ts')>();
  return {
    ...actual,
    putPart: async (url: string, body: Blob, options: { onProgress?: (n: number) => void }) => {
      const partNumber = Number(url.split('/').pop());
      const failure = failPart?.(partNumber);
      if (failure) throw failure;
      sent.push(partNumber);
      options.onProgress?.(body.size);
      server.receive(url, partNumber, body.size);
    },
  };
});

const { uploadFile } = await import('./resumable-upload.ts');
const { findRecord, fingerprintOf, recordsOf } = await import('./upload-records.ts');

/** The upload endpoints of the API, in memory: 4-byte parts, received parts remembered. */
class FakeUploads {
  uploads = new Map<string, Upload>();
  calls: string[] = [];
  rejectComplete = false;
  #next = 1;

  async create(body: CreateUploadBody): Promise<Upload> {
    this.calls.push('create');
    const id = `u${this.#next++}`;
    const partCount = Math.ceil(body.size / 4);
    const upload: Upload = {
      id,
      assetId: `a-${id}`,
      status: 'ACTIVE',
      fileName: body.fileName,
      size: body.size,
      partSize: 4,
      partCount,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      received: [],
      parts: [],
      direct: false,
    };
    this.uploads.set(id, upload);
    return this.#view(upload);
  }

  async get(id: string): Promise<Upload> {
    this.calls.push('get');
    const upload = this.uploads.get(id);
    if (!upload) throw new ApiError({ code: 'NOT_FOUND', message: 'no such upload', status: 404 });
    return this.#view(upload);
  }

  async complete(id: string): Promise<{ assetId: string }> {
    this.calls.push('complete');
    const upload = this.uploads.get(id)!;
    if (this.rejectComplete) throw new ApiError({ code: 'MEDIA_REJECTED', message: 'not a video', status: 415 });
    if (upload.received.length !== upload.partCount) throw new ApiError({ code: 'CONFLICT', message: 'parts missing', status: 409 });
    upload.status = 'COMPLETED';
    return { assetId: upload.assetId };
  }

  async abort(id: string): Promise<void> {
    this.uploads.get(id)!.status = 'ABORTED';
  }

  receive(url: string, partNumber: number, size: number): void {
    const upload = this.uploads.get(url.split('/')[3]!)!;
    if (!upload.received.some((p) => p.partNumber === partNumber)) upload.received.push({ partNumber, size });
  }

  /** What the API answers: received parts, and targets for the missing ones only. */
  #view(upload: Upload): Upload {
    const parts = [];
    for (let n = 1; n <= upload.partCount; n++) {
      if (upload.received.some((p) => p.partNumber === n)) continue;
      parts.push({
        partNumber: n,
        url: `/api/uploads/${upload.id}/parts/${n}`,
        method: 'PUT' as const,
        size: Math.min(4, upload.size - (n - 1) * 4),
      });
    }
    return structuredClone({ ...upload, received: [...upload.received], parts });
  }
}

const file = () => new File(['0123456789'], 'meeting.mp4', { type: 'video/mp4', lastModified: 1_700_000_000_000 });
const noDelay = () => 0;

beforeEach(() => {
  const store = new Map<string, string>();
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  });
  server = new FakeUploads();
  sent.length = 0;
  failPart = null;
});

afterEach(() => vi.unstubAllGlobals());

describe('uploadFile', () => {
  it('sends every part in order, completes, reports full progress and forgets the upload', async () => {
    const progress: number[] = [];
    const result = await uploadFile(file(), 'm1', server, { onProgress: (n) => progress.push(n) }, new AbortController().signal, noDelay);
    expect(result).toEqual({ assetId: 'a-u1' });
    expect(sent).toEqual([1, 2, 3]);
    expect(progress.at(-1)).toBe(10);
    expect(recordsOf('m1')).toEqual([]);
  });

  it('after a dropped connection asks the server what it has and sends only the rest', async () => {
    let drops = 1;
    failPart = (n) => (n === 2 && drops-- > 0 ? new PartUploadError('network error', 0, true) : null);
    const phases: string[] = [];
    await uploadFile(file(), 'm1', server, { onPhase: (p) => phases.push(p) }, new AbortController().signal, noDelay);
    expect(sent).toEqual([1, 2, 3]);
    expect(server.calls).toEqual(['create', 'get', 'complete']);
    expect(phases).toContain('retrying');
  });

  it('resumes an unfinished upload of the same file after a reload instead of starting again', async () => {
    failPart = (n) => (n === 3 ? new PartUploadError('Forbidden', 403, false) : null);
    await expect(uploadFile(file(), 'm1', server, {}, new AbortController().signal, noDelay)).rejects.toThrow('Forbidden');
    expect(findRecord('m1', fingerprintOf(file()))?.uploadId).toBe('u1');

    sent.length = 0;
    failPart = null;
    let resumed = false;
    const result = await uploadFile(
      file(),
      'm1',
      server,
      { onPhase: (_, d) => (resumed ||= !!d?.resumed) },
      new AbortController().signal,
      noDelay,
    );
    expect(result.assetId).toBe('a-u1');
    expect(sent).toEqual([3]);
    expect(resumed).toBe(true);
    expect(server.calls.filter((c) => c === 'create')).toHaveLength(1);
  });

  it('starts afresh when the remembered upload is gone on the server', async () => {
    failPart = () => new PartUploadError('Bad Request', 400, false);
    await expect(uploadFile(file(), 'm1', server, {}, new AbortController().signal, noDelay)).rejects.toThrow();
    server.uploads.clear();
    failPart = null;
    const result = await uploadFile(file(), 'm1', server, {}, new AbortController().signal, noDelay);
    expect(result.assetId).toBe('a-u2');
  });

  it('gives up after repeated failures without progress', async () => {
    failPart = () => new PartUploadError('network error', 0, true);
    await expect(uploadFile(file(), 'm1', server, {}, new AbortController().signal, noDelay)).rejects.toThrow('network error');
    expect(server.calls.filter((c) => c === 'get')).toHaveLength(10);
  });

  it('passes a 415 rejection through and forgets the upload', async () => {
    server.rejectComplete = true;
    const error = await uploadFile(file(), 'm1', server, {}, new AbortController().signal, noDelay).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(415);
    expect(recordsOf('m1')).toEqual([]);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    failPart = () => {
      controller.abort(new Error('cancelled'));
      return new PartUploadError('network error', 0, true);
    };
    await expect(uploadFile(file(), 'm1', server, {}, controller.signal, noDelay)).rejects.toThrow('cancelled');
  });
});
