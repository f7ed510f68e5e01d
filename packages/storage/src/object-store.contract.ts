import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidObjectKeyError } from './errors/invalid-object-key-error.ts';
import { InvalidRangeError } from './errors/invalid-range-error.ts';
import { ObjectNotFoundError } from './errors/object-not-found-error.ts';
import { StorageError } from './errors/storage-error.ts';
import { UploadNotFoundError } from './errors/upload-not-found-error.ts';
import { MIN_PART_SIZE, type ListedObject, type ObjectStore } from './object-store.ts';

/** A store under test and what the contract may expect of it. */
export interface ContractFixture {
  store: ObjectStore;
  /** Whether the driver signs URLs; when false every presign method must answer null. */
  presigns: boolean;
  cleanup(): Promise<void>;
}

// Every byte value first, so an encoding slip (latin1, utf8) shows up as a mismatch.
const BINARY = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(64 * 1024)]);
const UNSAFE_KEYS = ['../escape', 'a/../../escape', '/etc/passwd', 'a\\b', 'a\0b', 'a//b', 'a/', './a', ''];

/**
 * The behaviour every {@link ObjectStore} driver must share, run by each driver's spec against
 * a real backend (a temp directory, an S3 protocol peer).
 */
export function describeObjectStoreContract(name: string, makeStore: () => Promise<ContractFixture>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let fixture: ContractFixture;
    let store: ObjectStore;
    beforeAll(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });
    afterAll(async () => fixture?.cleanup());
    /** A prefix no other test uses, so tests stay independent on a shared store. */
    const fresh = () => `contract/${randomUUID()}/`;

    it('stores, describes, reads and deletes a binary object', async () => {
      const key = `${fresh()}blob.bin`;
      await store.put(key, BINARY, { contentType: 'application/x-test' });
      expect(await store.head(key)).toMatchObject({ size: BINARY.length, contentType: 'application/x-test', etag: expect.any(String) });
      const object = await store.get(key);
      expect(object).toMatchObject({ contentLength: BINARY.length, totalSize: BINARY.length, contentType: 'application/x-test' });
      expect(object.range).toBeUndefined();
      expect((await buffer(object.body)).equals(BINARY)).toBe(true);

      await store.delete(key);
      expect(await store.head(key)).toBeNull();
      await expect(store.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      await store.delete(key);
    });

    it('streams a body in and replaces the previous version', async () => {
      const key = `${fresh()}replaced.bin`;
      await store.put(key, Buffer.from('old'));
      const before = await store.head(key);
      const chunks = [BINARY.subarray(0, 1000), BINARY.subarray(1000)];
      await store.put(key, Readable.from(chunks), { contentLength: BINARY.length });
      expect((await buffer((await store.get(key)).body)).equals(BINARY)).toBe(true);
      expect((await store.head(key))?.etag).not.toBe(before?.etag);
    });

    it('reads byte ranges, clamping the end and refusing a start past the end', async () => {
      const key = `${fresh()}video.mp4`;
      const size = BINARY.length;
      await store.put(key, BINARY, { contentType: 'video/mp4' });

      const middle = await store.get(key, { start: 10, end: 19 });
      expect(middle).toMatchObject({ contentLength: 10, totalSize: size, range: { start: 10, end: 19 }, contentType: 'video/mp4' });
      expect((await buffer(middle.body)).equals(BINARY.subarray(10, 20))).toBe(true);

      const tail = await store.get(key, { start: size - 5 });
      expect(tail).toMatchObject({ contentLength: 5, totalSize: size, range: { start: size - 5, end: size - 1 } });
      expect((await buffer(tail.body)).equals(BINARY.subarray(size - 5))).toBe(true);

      const clamped = await store.get(key, { start: 0, end: size + 100 });
      expect(clamped).toMatchObject({ contentLength: size, range: { start: 0, end: size - 1 } });
      expect((await buffer(clamped.body)).equals(BINARY)).toBe(true);

      await expect(store.get(key, { start: size })).rejects.toMatchObject({ name: 'InvalidRangeError', totalSize: size });
      await expect(store.get(key, { start: size })).rejects.toBeInstanceOf(InvalidRangeError);
    });

    it('downloads an object to a local file that keeps its bytes when the object is replaced', async () => {
      const key = `${fresh()}video.mp4`;
      await store.put(key, BINARY);
      const dir = await mkdtemp(path.join(tmpdir(), 'contract-download-'));
      try {
        await store.downloadTo(key, path.join(dir, 'source'));
        await store.put(key, Buffer.from('a newer version'));
        expect((await readFile(path.join(dir, 'source'))).equals(BINARY)).toBe(true);
        await expect(store.downloadTo(`${fresh()}missing`, path.join(dir, 'other'))).rejects.toBeInstanceOf(ObjectNotFoundError);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('stores a local file with its type, replacing an earlier version', async () => {
      const key = `${fresh()}seg_00000.m4s`;
      const dir = await mkdtemp(path.join(tmpdir(), 'contract-putfile-'));
      try {
        await writeFile(path.join(dir, 'old'), 'old');
        await store.putFile(key, path.join(dir, 'old'), { contentType: 'text/plain' });
        await writeFile(path.join(dir, 'segment'), BINARY);
        await store.putFile(key, path.join(dir, 'segment'), { contentType: 'video/iso.segment' });
        const object = await store.get(key);
        expect((await buffer(object.body)).equals(BINARY)).toBe(true);
        expect(object.contentType).toBe('video/iso.segment');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('reports a missing key as ObjectNotFoundError on get and null on head', async () => {
      const key = `${fresh()}missing`;
      const error = await store.get(key).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ObjectNotFoundError);
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ key });
      expect(await store.head(key)).toBeNull();
    });

    it('lists by plain string prefix, following pages', async () => {
      const base = fresh();
      const sizes: Record<string, number> = { 'a/1': 3, 'a/2': 5, 'a/sub/3': 7, 'ab/4': 1, 'b/5': 2 };
      for (const [key, size] of Object.entries(sizes)) await store.put(base + key, randomBytes(size));

      expect(await listed(store, `${base}a/`)).toEqual([
        { key: `${base}a/1`, size: 3 },
        { key: `${base}a/2`, size: 5 },
        { key: `${base}a/sub/3`, size: 7 },
      ]);
      expect((await listed(store, `${base}a`)).map((o) => o.key.slice(base.length))).toEqual(['a/1', 'a/2', 'a/sub/3', 'ab/4']);
      expect(await listed(store, base)).toHaveLength(5);
      expect(await listed(store, `${base}nothing/`)).toEqual([]);
    });

    it('deletes by prefix and by key list, and refuses to empty the store', async () => {
      const base = fresh();
      for (const key of ['x/1', 'x/2', 'x/3', 'x/deep/4', 'keep/5']) await store.put(base + key, Buffer.from(key));

      expect(await store.deletePrefix(`${base}x/`)).toBe(4);
      expect((await listed(store, base)).map((o) => o.key)).toEqual([`${base}keep/5`]);
      await store.deleteMany([`${base}keep/5`, `${base}never-existed`]);
      expect(await listed(store, base)).toEqual([]);
      await expect(store.deletePrefix('')).rejects.toBeInstanceOf(InvalidObjectKeyError);
    });

    it('rejects keys that could escape the store or mean different things per driver', async () => {
      for (const key of UNSAFE_KEYS) {
        await expect(store.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(store.head(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(store.delete(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(store.createMultipart(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
      }
      await expect(listed(store, '../')).rejects.toBeInstanceOf(InvalidObjectKeyError);
    });

    describe('multipart uploads', () => {
      // S3's minimum for every part but the last; s3rver does not enforce it, real S3 does.
      const part1 = randomBytes(MIN_PART_SIZE);
      const part2 = randomBytes(MIN_PART_SIZE);
      const part3 = randomBytes(1000);

      it('joins parts sent out of order and across a resume', async () => {
        const key = `${fresh()}upload.mp4`;
        const uploadId = await store.createMultipart(key, 'video/mp4');
        const third = await store.uploadPart(key, uploadId, 3, part3);
        const first = await store.uploadPart(key, uploadId, 1, part1);

        // A client resuming after a dropped connection learns which parts arrived.
        expect(await store.listParts(key, uploadId)).toEqual([
          { partNumber: 1, size: MIN_PART_SIZE, etag: first.etag },
          { partNumber: 3, size: part3.length, etag: third.etag },
        ]);
        const chunks = [part2.subarray(0, 1 << 20), part2.subarray(1 << 20)];
        await store.uploadPart(key, uploadId, 2, Readable.from(chunks), part2.length);
        expect((await store.listParts(key, uploadId)).map((p) => p.partNumber)).toEqual([1, 2, 3]);

        await store.completeMultipart(key, uploadId);
        const whole = Buffer.concat([part1, part2, part3]);
        expect(await store.head(key)).toMatchObject({ size: whole.length, contentType: 'video/mp4' });
        expect((await buffer((await store.get(key)).body)).equals(whole)).toBe(true);
        await expect(store.listParts(key, uploadId)).rejects.toBeInstanceOf(UploadNotFoundError);
      });

      it('completes with an explicit part list in any order, leaving unlisted parts out', async () => {
        const key = `${fresh()}explicit.bin`;
        const uploadId = await store.createMultipart(key, 'application/octet-stream');
        const second = await store.uploadPart(key, uploadId, 2, part3);
        const first = await store.uploadPart(key, uploadId, 1, part1);
        await store.uploadPart(key, uploadId, 3, Buffer.from('not listed'));
        await store.completeMultipart(key, uploadId, [
          { partNumber: 2, etag: `"${second.etag}"` },
          { partNumber: 1, etag: first.etag },
        ]);
        expect((await buffer((await store.get(key)).body)).equals(Buffer.concat([part1, part3]))).toBe(true);
      });

      it('aborts an upload so it can neither be resumed nor completed', async () => {
        const key = `${fresh()}aborted.bin`;
        const uploadId = await store.createMultipart(key, 'application/octet-stream');
        await store.uploadPart(key, uploadId, 1, part3);
        await store.abortMultipart(key, uploadId);

        await expect(store.listParts(key, uploadId)).rejects.toBeInstanceOf(UploadNotFoundError);
        await expect(store.uploadPart(key, uploadId, 2, part3)).rejects.toBeInstanceOf(UploadNotFoundError);
        await expect(store.completeMultipart(key, uploadId, [{ partNumber: 1, etag: 'x' }])).rejects.toBeInstanceOf(UploadNotFoundError);
        await store.abortMultipart(key, uploadId);
        expect(await store.head(key)).toBeNull();
      });

      it('knows no upload by a made-up id or under another key', async () => {
        const key = `${fresh()}owned.bin`;
        const uploadId = await store.createMultipart(key);
        for (const id of ['no-such-upload', randomUUID(), randomBytes(16).toString('hex')]) {
          await expect(store.listParts(key, id)).rejects.toBeInstanceOf(UploadNotFoundError);
        }
        await expect(store.listParts(`${key}.other`, uploadId)).rejects.toMatchObject({ name: 'UploadNotFoundError', uploadId });
        await store.abortMultipart(key, uploadId);
      });
    });

    describe('presigned URLs', () => {
      it('PUT and GET an object through fetch, or answer null where the API streams', async () => {
        const key = `${fresh()}presigned.bin`;
        const putUrl = await store.presignPut(key, 60, { contentType: 'video/mp4' });
        const getUrl = await store.presignGet(key, 60);
        if (!fixture.presigns) return expect([putUrl, getUrl]).toEqual([null, null]);

        const put = await fetch(putUrl!, { method: 'PUT', body: BINARY, headers: { 'content-type': 'video/mp4' } });
        expect(put.status).toBe(200);
        expect(await store.head(key)).toMatchObject({ size: BINARY.length, contentType: 'video/mp4' });
        const get = await fetch(getUrl!);
        expect(get.status).toBe(200);
        expect(Buffer.from(await get.arrayBuffer()).equals(BINARY)).toBe(true);
      });

      it('PUT parts through fetch that the store then completes', async () => {
        const key = `${fresh()}parts.bin`;
        const uploadId = await store.createMultipart(key, 'application/octet-stream');
        const url1 = await store.presignPart(key, uploadId, 1, 60);
        const url2 = await store.presignPart(key, uploadId, 2, 60);
        if (!fixture.presigns) {
          await store.abortMultipart(key, uploadId);
          return expect([url1, url2]).toEqual([null, null]);
        }
        const first = randomBytes(MIN_PART_SIZE);
        const responses = [await fetch(url1!, { method: 'PUT', body: first }), await fetch(url2!, { method: 'PUT', body: BINARY })];
        expect(responses.map((r) => r.status)).toEqual([200, 200]);
        const parts = await store.listParts(key, uploadId);
        expect(parts.map((p) => p.etag)).toEqual(responses.map((r) => r.headers.get('etag')?.replace(/"/g, '')));
        await store.completeMultipart(key, uploadId);
        expect((await buffer((await store.get(key)).body)).equals(Buffer.concat([first, BINARY]))).toBe(true);
      });

      it('refuses an expired GET URL with 403', async () => {
        const key = `${fresh()}expiring.bin`;
        await store.put(key, BINARY);
        const url = await store.presignGet(key, 1);
        if (!fixture.presigns) return expect(url).toBeNull();
        // X-Amz-Date has whole seconds, so a 1 s URL is dead for sure after 2 s.
        await sleep(2100);
        expect((await fetch(url!)).status).toBe(403);
      });
    });

    it('passes its health check', async () => {
      await expect(store.check()).resolves.toBeUndefined();
    });
  });
}

/** Everything `store.list(prefix)` yields, sorted by key (drivers promise no order). */
export async function listed(store: ObjectStore, prefix: string): Promise<ListedObject[]> {
  const objects: ListedObject[] = [];
  for await (const object of store.list(prefix)) objects.push(object);
  return objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
