// The fault runs' client: a logged-in user talking plain HTTP to whichever API instance is up, the
// way a phone would (its session lives in the database, so any instance accepts its cookie).
import { createHash } from 'node:crypto';
import type { Media, Upload } from '@platform/contracts';
import { passwordLogin, reportMeetingOnNewTeam } from '../support/http-session.ts';

const PASSWORD = 'Demo@2021';

/** What an HTTP call answered: status 0 when no answer came (refused, reset, timed out). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  /** The error body's `code`, or the network error's code (ECONNREFUSED …) when there was no answer. */
  code?: string;
}

export class FaultClient {
  constructor(
    /** The API instance the next calls go to; switch it to resume elsewhere. */
    public base: string,
    readonly cookie: string,
  ) {}

  static async login(base: string, username: string): Promise<FaultClient> {
    return new FaultClient(base, await passwordLogin(base, username, PASSWORD));
  }

  /** One call; never throws for an HTTP or network failure (the answer says which). */
  async call<T = unknown>(method: string, url: string, body?: unknown, timeoutMs = 15_000): Promise<Answer<T>> {
    try {
      const res = await fetch(`${this.base}${url}`, {
        method,
        headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return answerOf<T>(res);
    } catch (error) {
      return { status: 0, body: null as T, code: networkCode(error) };
    }
  }

  /** Like {@link call} but throws unless the answer is 2xx. */
  async json<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, url, body);
    if (answer.status < 200 || answer.status > 299) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Reports a meeting on a new team of the officer's enterprise (a demo enterprise has few team × shift slots a day). */
  async reportMeeting(label: string): Promise<string> {
    return reportMeetingOnNewTeam(this, label);
  }

  createUpload(meetingId: string, fileName: string, size: number): Promise<Upload> {
    return this.json<Upload>('POST', '/api/uploads', { meetingId, fileName, size, contentType: 'video/mp4' });
  }

  /**
   * PUTs one part, through the API's part route (`via: 'api'`) or straight to the store with the
   * presigned URL the upload gave (`via: 'direct'`). `body` may be a stream (one that stalls, to be
   * cut by a kill).
   */
  async sendPart(
    upload: Upload,
    partNumber: number,
    bytes: Buffer | ReadableStream<Uint8Array>,
    via: 'api' | 'direct',
    timeoutMs = 30_000,
  ): Promise<Answer> {
    const target = upload.parts.find((p) => p.partNumber === partNumber);
    const url =
      via === 'direct' && target?.url.startsWith('http') ? target.url : `${this.base}/api/uploads/${upload.id}/parts/${partNumber}`;
    const size = expectedPartSize(upload, partNumber);
    try {
      const res = await fetch(url, {
        method: 'PUT',
        headers: {
          ...(via === 'api' ? { cookie: this.cookie } : {}),
          'content-type': 'application/octet-stream',
          'content-length': String(size),
        },
        body: bytes,
        // Needed for a stream body.
        duplex: 'half',
        signal: AbortSignal.timeout(timeoutMs),
      } as RequestInit);
      return answerOf(res);
    } catch (error) {
      return { status: 0, body: null, code: networkCode(error) };
    }
  }

  /** Polls the asset until its status is one of `statuses` (or FAILED); returns the last answer. */
  async waitForMedia(assetId: string, statuses: string[], timeoutMs: number): Promise<Media | null> {
    const deadline = Date.now() + timeoutMs;
    let last: Media | null = null;
    while (Date.now() < deadline) {
      const answer = await this.call<Media>('GET', `/api/media/${assetId}`);
      if (answer.status === 200) {
        last = answer.body;
        if (statuses.includes(last.status) || last.status === 'FAILED') return last;
      }
      await sleep(500);
    }
    return last;
  }
}

export function expectedPartSize(upload: Pick<Upload, 'size' | 'partSize'>, partNumber: number): number {
  return Math.min(upload.partSize, upload.size - (partNumber - 1) * upload.partSize);
}

export function partBytes(upload: Pick<Upload, 'size' | 'partSize'>, bytes: Buffer, partNumber: number): Buffer {
  const start = (partNumber - 1) * upload.partSize;
  return bytes.subarray(start, start + expectedPartSize(upload, partNumber));
}

/**
 * A part body that sends `head` bytes at once and then stalls until `release` is called (which
 * sends the rest): the kill lands while the part is streaming.
 */
export function stallingBody(bytes: Buffer, head: number): { stream: ReadableStream<Uint8Array>; release(): void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array(bytes.subarray(0, head)));
      await released;
      controller.enqueue(new Uint8Array(bytes.subarray(head)));
      controller.close();
    },
  });
  return { stream, release: () => release() };
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The web app's backoff (apps/web/src/lib/uploads/resumable-upload.ts): 1 s doubling to 30 s, ±20 %. */
export function backoffMs(failures: number): number {
  const base = Math.min(1_000 * 2 ** Math.max(0, failures - 1), 30_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

async function answerOf<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (the store's XML); kept as text.
  }
  const code = (body as { error?: { code?: string } } | null)?.error?.code;
  return { status: res.status, body: body as T, ...(code ? { code } : {}) };
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).name ?? 'NETWORK';
}
