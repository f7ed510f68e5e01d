import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidObjectKeyError } from './errors/invalid-object-key-error.ts';
import { InvalidPartError } from './errors/invalid-part-error.ts';
import { ObjectNotFoundError } from './errors/object-not-found-error.ts';
import { StorageError } from './errors/storage-error.ts';
import { UploadNotFoundError } from './errors/upload-not-found-error.ts';
import { FilesystemObjectStore } from './filesystem-store.ts';
import { describeObjectStoreContract, listed } from './object-store.contract.ts';
import { MIN_PART_SIZE } from './object-store.ts';

describeObjectStoreContract('filesystem', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-store-contract-'));
  const store = new FilesystemObjectStore({ root: path.join(dir, 'objects') });
  return { store, presigns: false, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
});

describe('FilesystemObjectStore', () => {
  let dir: string;
  let root: string;
  let store: FilesystemObjectStore;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-store-'));
    root = path.join(dir, 'objects');
    store = new FilesystemObjectStore({ root });
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  /** Files left in the bookkeeping folders that only hold in-flight writes. */
  const leftovers = async () => (await fs.readdir(path.join(root, '.tmp')).catch(() => [])).length;

  it('creates its root on the health check', async () => {
    await store.check();
    expect((await fs.stat(root)).isDirectory()).toBe(true);
  });

  it('stores a key as a plain file under the root', async () => {
    await store.put('media/1/source.mp4', Buffer.from('bytes'));
    expect(await fs.readFile(path.join(root, 'media', '1', 'source.mp4'), 'utf8')).toBe('bytes');
  });

  it('writes nothing outside the root and keeps its bookkeeping folders unreachable', async () => {
    await expect(store.put('../outside', Buffer.from('x'))).rejects.toThrow(/"\.\." segment/);
    await expect(fs.access(path.join(dir, 'outside'))).rejects.toThrow();
    for (const key of ['.multipart/x', '.tmp/x', '.meta/x']) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
    }
    await expect(listed(store, '.meta/')).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await store.put('visible', Buffer.from('x'), { contentType: 'text/plain' });
    expect((await listed(store, '')).map((o) => o.key)).not.toContainEqual(expect.stringMatching(/^\./));
  });

  it('keeps a folder-like key apart from an object of the same name', async () => {
    await store.put('nested/a/b', Buffer.from('inner'));
    await store.delete('nested/a');
    await expect(store.put('nested/a', Buffer.from('x'))).rejects.toBeInstanceOf(StorageError);
    expect(await store.head('nested/a')).toBeNull();
    await expect(store.get('nested/a')).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect((await listed(store, 'nested/')).map((o) => o.key)).toEqual(['nested/a/b']);
    expect(await leftovers()).toBe(0);
  });

  it('leaves no temp files after a put, a failed put and a completed upload', async () => {
    await store.put('tmp-check/ok', Buffer.from('fine'));
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('partial');
        throw new Error('client went away');
      })(),
    );
    await expect(store.put('tmp-check/failed', failing)).rejects.toBeInstanceOf(StorageError);
    await expect(store.put('tmp-check/short', Readable.from([Buffer.from('abc')]), { contentLength: 10 })).rejects.toThrow(
      /3 bytes but 10/,
    );
    const uploadId = await store.createMultipart('tmp-check/joined');
    await store.uploadPart('tmp-check/joined', uploadId, 1, Buffer.from('one'));
    await store.completeMultipart('tmp-check/joined', uploadId);

    expect(await leftovers()).toBe(0);
    expect((await listed(store, 'tmp-check/')).map((o) => o.key)).toEqual(['tmp-check/joined', 'tmp-check/ok']);
    await expect(fs.readdir(path.join(root, '.multipart', uploadId))).rejects.toThrow(/ENOENT/);
  });

  it('never shows a half-written object', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = Readable.from(
      (async function* () {
        yield Buffer.alloc(1024, 1);
        await gate;
        yield Buffer.alloc(1024, 2);
      })(),
    );
    const writing = store.put('atomic/video', slow, { contentLength: 2048 });
    await sleep(50);
    expect(await store.head('atomic/video')).toBeNull();
    release();
    await writing;
    expect(await store.head('atomic/video')).toMatchObject({ size: 2048 });
  });

  it('keeps an upload open when completing fails on its parts', async () => {
    const key = 'checked/upload';
    const uploadId = await store.createMultipart(key);
    const small = await store.uploadPart(key, uploadId, 1, Buffer.alloc(1000));
    await store.uploadPart(key, uploadId, 2, Buffer.alloc(10));
    await expect(store.completeMultipart(key, uploadId)).rejects.toThrow(/part 1 is 1000 bytes/);
    await expect(store.completeMultipart(key, uploadId, [{ partNumber: 1, etag: 'wrong' }])).rejects.toBeInstanceOf(InvalidPartError);
    await expect(store.completeMultipart(key, uploadId, [{ partNumber: 7, etag: small.etag }])).rejects.toThrow(/part 7 was not received/);

    await store.uploadPart(key, uploadId, 1, Buffer.alloc(MIN_PART_SIZE, 7));
    expect((await store.listParts(key, uploadId)).map((p) => p.size)).toEqual([MIN_PART_SIZE, 10]);
    await store.completeMultipart(key, uploadId);
    expect(await store.head(key)).toMatchObject({ size: MIN_PART_SIZE + 10 });
  });

  it('treats a path-like upload id as unknown', async () => {
    await expect(store.listParts('k', '../../etc')).rejects.toBeInstanceOf(UploadNotFoundError);
    await expect(store.uploadPart('k', '../x', 1, Buffer.from('x'))).rejects.toBeInstanceOf(UploadNotFoundError);
  });

  it('answers null to every presign call, since the API streams instead', async () => {
    expect(await store.presignGet('k', 60)).toBeNull();
    expect(await store.presignPut('k', 60)).toBeNull();
    expect(await store.presignPart('k', 'any', 1, 60)).toBeNull();
  });
});
