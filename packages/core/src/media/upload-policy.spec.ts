import { describe, expect, it } from 'vitest';
import { checkUploadRequest, expectedPartSize, partCount } from './upload-policy.ts';

const limits = {
  maxVideoBytes: 4 * 1024 ** 3,
  maxPhotoBytes: 30 * 1024 ** 2,
  maxDocumentBytes: 100 * 1024 ** 2,
  partSizeBytes: 8 * 1024 ** 2,
};

describe('upload policy', () => {
  it('claims the kind from the content type and enforces per-kind limits', () => {
    expect(checkUploadRequest({ contentType: 'video/mp4', size: 10, fileName: 'a.mp4' }, limits)).toEqual({ kind: 'VIDEO' });
    expect(checkUploadRequest({ contentType: 'image/jpeg', size: 10, fileName: 'a.jpg' }, limits)).toEqual({ kind: 'PHOTO' });
    expect(checkUploadRequest({ contentType: 'image/jpeg', size: 31 * 1024 ** 2, fileName: 'a.jpg' }, limits)).toMatchObject({
      tooLarge: true,
      issues: [{ field: 'size', message: expect.stringContaining('30.0 MB') }],
    });
    expect(checkUploadRequest({ contentType: 'video/mp4', size: 5 * 1024 ** 3, fileName: 'a.mp4' }, limits)).toMatchObject({
      tooLarge: true,
    });
    expect(checkUploadRequest({ contentType: 'application/pdf', size: 10, fileName: 'a.pdf' }, limits)).toMatchObject({
      tooLarge: false,
      issues: [{ field: 'contentType', code: 'UPLOAD_TYPE_NOT_MEDIA' }],
    });
    expect(checkUploadRequest({ contentType: 'text/plain', size: 10, fileName: 'a.txt' }, limits)).toMatchObject({
      issues: [{ field: 'contentType' }],
    });
  });

  it('leaves types it cannot place (a camera file the browser does not know) to the bytes, with the video limit', () => {
    expect(checkUploadRequest({ contentType: 'application/octet-stream', size: 10, fileName: '00001.MTS' }, limits)).toEqual({
      kind: 'UNKNOWN',
    });
    expect(checkUploadRequest({ contentType: 'application/mxf', size: 10, fileName: 'a.mxf' }, limits)).toEqual({ kind: 'UNKNOWN' });
    expect(checkUploadRequest({ contentType: 'application/octet-stream', size: 3 * 1024 ** 3, fileName: 'nvr.dav' }, limits)).toEqual({
      kind: 'UNKNOWN',
    });
    expect(checkUploadRequest({ contentType: 'application/octet-stream', size: 5 * 1024 ** 3, fileName: 'nvr.dav' }, limits)).toMatchObject(
      { tooLarge: true, issues: [{ code: 'UPLOAD_VIDEO_TOO_LARGE' }] },
    );
  });

  it('takes a PDF only as content (training and library material), under the document limit', () => {
    const pdf = { contentType: 'application/pdf', size: 10, fileName: '手册.pdf' };
    expect(checkUploadRequest(pdf, limits, 'content')).toEqual({ kind: 'DOCUMENT' });
    expect(checkUploadRequest(pdf, limits, 'evidence')).toMatchObject({ issues: [{ code: 'UPLOAD_TYPE_NOT_MEDIA' }] });
    expect(checkUploadRequest({ ...pdf, size: 101 * 1024 ** 2 }, limits, 'content')).toMatchObject({
      tooLarge: true,
      issues: [{ field: 'size', code: 'UPLOAD_DOCUMENT_TOO_LARGE', params: { limit: '100.0 MB' } }],
    });
    // Other documents stay refused whatever the purpose.
    expect(checkUploadRequest({ ...pdf, contentType: 'application/msword' }, limits, 'content')).toMatchObject({
      issues: [{ code: 'UPLOAD_TYPE_NOT_MEDIA' }],
    });
    expect(checkUploadRequest({ contentType: 'video/mp4', size: 10, fileName: 'a.mp4' }, limits, 'content')).toEqual({ kind: 'VIDEO' });
  });

  it('splits a file into parts with a shorter last part', () => {
    expect(partCount(20, 8)).toBe(3);
    expect([1, 2, 3].map((n) => expectedPartSize(n, 20, 8))).toEqual([8, 8, 4]);
    expect(partCount(8, 8)).toBe(1);
    expect(expectedPartSize(1, 3, 8)).toBe(3);
  });
});
