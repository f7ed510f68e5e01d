import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ObjectNotFoundError } from './errors/object-not-found-error.ts';
import { StorageUnavailableError } from './errors/storage-unavailable-error.ts';
import { isStoreUnavailable, toStorageError } from './s3-errors.ts';

const s3Error = (name: string, httpStatusCode: number) =>
  new S3ServiceException({ name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode }, message: name });

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:9000`), { code, $metadata: { attempts: 3 } });

describe('isStoreUnavailable', () => {
  it('is true when the store did not answer or answered 503', () => {
    expect(isStoreUnavailable(socketError('ECONNREFUSED'))).toBe(true);
    expect(isStoreUnavailable(socketError('ECONNRESET'))).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(true);
    expect(isStoreUnavailable(Object.assign(new Error('fetch failed'), { cause: { code: 'EHOSTUNREACH' } }))).toBe(true);
    expect(isStoreUnavailable(s3Error('SlowDown', 503))).toBe(true);
  });

  it('is false for answers about the request and for other failures', () => {
    expect(isStoreUnavailable(s3Error('NoSuchKey', 404))).toBe(false);
    expect(isStoreUnavailable(s3Error('AccessDenied', 403))).toBe(false);
    expect(isStoreUnavailable(s3Error('InternalError', 500))).toBe(false);
    expect(isStoreUnavailable(new Error('something else'))).toBe(false);
    expect(isStoreUnavailable(undefined)).toBe(false);
  });
});

describe('toStorageError', () => {
  it('makes an unreachable store a StorageUnavailableError keeping the cause, and a missing key what it was', () => {
    const refused = socketError('ECONNREFUSED');
    const error = toStorageError(refused, { operation: 'UploadPart', key: 'media/a/source' });
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(error.message).toContain('UploadPart of "media/a/source"');
    expect((error as Error).cause).toBe(refused);
    expect(toStorageError(s3Error('NoSuchKey', 404), { operation: 'GetObject', key: 'k' })).toBeInstanceOf(ObjectNotFoundError);
  });
});
