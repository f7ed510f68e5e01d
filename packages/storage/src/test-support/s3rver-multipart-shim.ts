import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** Answers a request itself and resolves true, or resolves false to let s3rver answer. */
export type RequestShim = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

// s3rver issues 32 hex characters; anything else cannot be one of its uploads (or a path).
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * Fills the multipart gaps of s3rver 3.7.1 with S3's own wire format, reading s3rver's upload
 * folders (`<directory>/<bucket>/._S3rver_uploads/<uploadId>/{key,<n>,<n>.md5}`):
 * ListParts and AbortMultipartUpload (s3rver answers 405 MethodNotAllowed), and NoSuchUpload
 * for parts or completions of unknown uploads (s3rver stores such parts, or fails with 500).
 * Only these requests skip s3rver's signature check. Test support only.
 */
export function createMultipartShim(directory: string): RequestShim {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://s3rver.invalid');
    const uploadId = url.searchParams.get('uploadId');
    if (uploadId === null) return false;
    const [bucket = '', ...keySegments] = url.pathname.slice(1).split('/').map(decodeURIComponent);
    const key = keySegments.join('/');
    const uploadDir = path.join(directory, bucket, '._S3rver_uploads', uploadId);
    const storedKey = UPLOAD_ID.test(uploadId) ? await fs.readFile(path.join(uploadDir, 'key'), 'utf8').catch(() => undefined) : undefined;
    if (storedKey !== key) {
      sendXml(
        res,
        404,
        `<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${escapeXml(uploadId)}</UploadId></Error>`,
      );
      return true;
    }
    if (req.method === 'DELETE') {
      await fs.rm(uploadDir, { recursive: true, force: true });
      res.writeHead(204).end();
      return true;
    }
    if (req.method === 'GET') {
      sendXml(res, 200, await listPartsXml(uploadDir, bucket, key, uploadId, url.searchParams));
      return true;
    }
    return false;
  };
}

async function listPartsXml(uploadDir: string, bucket: string, key: string, uploadId: string, query: URLSearchParams): Promise<string> {
  const marker = Number(query.get('part-number-marker') ?? 0);
  const maxParts = Math.min(Number(query.get('max-parts') ?? 1000), 1000);
  const numbers = (await fs.readdir(uploadDir))
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((n) => n > marker)
    .sort((a, b) => a - b);
  const page = numbers.slice(0, maxParts);
  const parts: string[] = [];
  for (const n of page) {
    // s3rver writes `<n>.md5` after the bytes: a part without it is still arriving.
    const md5 = await fs.readFile(path.join(uploadDir, `${n}.md5`), 'utf8').catch(() => undefined);
    if (md5 === undefined) continue;
    const stat = await fs.stat(path.join(uploadDir, String(n)));
    parts.push(
      `<Part><PartNumber>${n}</PartNumber><LastModified>${stat.mtime.toISOString()}</LastModified><ETag>"${md5}"</ETag><Size>${stat.size}</Size></Part>`,
    );
  }
  const truncated = numbers.length > page.length;
  return [
    '<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
    `<Bucket>${escapeXml(bucket)}</Bucket><Key>${escapeXml(key)}</Key><UploadId>${uploadId}</UploadId>`,
    `<PartNumberMarker>${marker}</PartNumberMarker><NextPartNumberMarker>${page.at(-1) ?? marker}</NextPartNumberMarker>`,
    `<MaxParts>${maxParts}</MaxParts><IsTruncated>${truncated}</IsTruncated>`,
    ...parts,
    '</ListPartsResult>',
  ].join('');
}

function sendXml(res: ServerResponse, status: number, body: string): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) }).end(xml);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
