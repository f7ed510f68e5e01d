import http, { type IncomingMessage } from 'node:http';
import { isErrorCode, type LiveEndReason } from '@platform/contracts';
import { ConflictError, NotFoundError, ServiceUnavailableError, type CameraCheckResult, type LiveIngest } from '@platform/core';
import type { FastifyBaseLogger } from 'fastify';
import { INGEST_SECRET_HEADER, type IngestEndpoint } from './ingest-endpoint.ts';

/** How long a control call may take; a camera check probes for up to ~10 s. */
const CONTROL_TIMEOUT_MS = 10_000;
const CHECK_TIMEOUT_MS = 20_000;
/** Until the first byte of a stream's answer: a camera's pull starts on demand and may take ~10 s. */
const STREAM_HEADERS_TIMEOUT_MS = 15_000;

/** An ingest stream being relayed to a viewer. */
export interface IngestStream {
  status: number;
  contentType: string;
  body: IncomingMessage;
  /** Drops the upstream request (the viewer went away); idempotent. */
  abort(): void;
}

/**
 * The API's side of the ingest's internal HTTP: control calls for the services and streams for
 * the viewer proxy. Every request carries the shared secret. An ingest that is off (LIVE_ENABLED=0)
 * or does not answer is LIVE_INGEST_UNAVAILABLE (503), logged here with its cause; codes the
 * ingest answers with (LIVE_NOT_LIVE, CAMERA_UNREACHABLE) pass on as themselves.
 */
export class IngestClient implements LiveIngest {
  constructor(
    private readonly endpoint: IngestEndpoint | undefined,
    private readonly log: Pick<FastifyBaseLogger, 'warn'>,
  ) {}

  assertEnabled(): void {
    this.required();
  }

  async endLive(liveId: string, reason: LiveEndReason): Promise<void> {
    await this.control(`/control/lives/${liveId}/end`, { reason });
  }

  async disconnect(liveId: string): Promise<void> {
    await this.control(`/control/lives/${liveId}/disconnect`);
  }

  async startLive(liveId: string): Promise<void> {
    await this.control(`/control/lives/${liveId}/start`);
  }

  async checkCamera(cameraId: string): Promise<CameraCheckResult> {
    const res = await this.control(`/control/cameras/${cameraId}/check`, undefined, CHECK_TIMEOUT_MS);
    const body = (await res.json().catch(() => ({}))) as Partial<CameraCheckResult>;
    return { status: body.status ?? 'UNKNOWN', reason: body.reason ?? null, videoCodec: body.videoCodec ?? null };
  }

  /**
   * Opens `path` (`/streams/…`) on the ingest and answers once its headers arrive, the body still
   * flowing: nothing is buffered, and an FLV body never ends until `abort()` or the live does.
   * `signal` (the viewer's request going away) aborts it at any time.
   */
  async stream(path: string, signal: AbortSignal): Promise<IngestStream> {
    const endpoint = this.required();
    const url = new URL(path, endpoint.url);
    return new Promise<IngestStream>((resolve, reject) => {
      const request = http.get(url, { headers: { [INGEST_SECRET_HEADER]: endpoint.secret }, signal });
      const headersTimer = setTimeout(
        () => request.destroy(new Error(`no answer within ${STREAM_HEADERS_TIMEOUT_MS} ms`)),
        STREAM_HEADERS_TIMEOUT_MS,
      );
      const abort = () => request.destroy();
      request.on('error', (error) => {
        clearTimeout(headersTimer);
        if (signal.aborted)
          return reject(new ServiceUnavailableError('LIVE_INGEST_UNAVAILABLE', 'The viewer went away.', { cause: error }));
        reject(this.unavailable(`GET ${path}`, error));
      });
      request.on('response', (res) => {
        clearTimeout(headersTimer);
        const status = res.statusCode ?? 502;
        if (status >= 200 && status < 300) {
          resolve({ status, contentType: String(res.headers['content-type'] ?? 'application/octet-stream'), body: res, abort });
          return;
        }
        readSmall(res)
          .then((text) => reject(this.refusal(`GET ${path}`, status, text)))
          .catch((error: unknown) => reject(this.unavailable(`GET ${path}`, error)));
      });
    });
  }

  private required(): IngestEndpoint {
    if (!this.endpoint)
      throw new ServiceUnavailableError('LIVE_INGEST_UNAVAILABLE', 'Live meetings are off on this platform (LIVE_ENABLED=0).');
    return this.endpoint;
  }

  private async control(path: string, body?: unknown, timeoutMs = CONTROL_TIMEOUT_MS): Promise<Response> {
    const endpoint = this.required();
    let res: Response;
    try {
      res = await fetch(new URL(path, endpoint.url), {
        method: 'POST',
        headers: { [INGEST_SECRET_HEADER]: endpoint.secret, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw this.unavailable(`POST ${path}`, error);
    }
    if (res.ok) return res;
    throw this.refusal(`POST ${path}`, res.status, await res.text().catch(() => ''));
  }

  /** A non-2xx answer of the ingest as the error the viewer or officer should see. */
  private refusal(what: string, status: number, text: string): Error {
    let answer: { code?: unknown; params?: Record<string, string | number> } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // Not JSON: a proxy or a crash page, treated as unavailable below.
    }
    if (answer.code === 'CAMERA_UNREACHABLE')
      return new ServiceUnavailableError('CAMERA_UNREACHABLE', 'The camera does not answer.', {
        params: { reason: String(answer.params?.reason ?? 'UNREACHABLE') },
      });
    if (answer.code === 'LIVE_NOT_LIVE') {
      // A viewer's file not (yet) there is a 404 (hls.js retries); a control call on a live not on air a 409.
      return what.startsWith('GET') ? new NotFoundError('live') : new ConflictError('LIVE_NOT_LIVE', 'The live is not on air.');
    }
    if (status === 404 && what.startsWith('GET')) return new NotFoundError('file');
    if (isErrorCode(answer.code) && status === 409)
      return new ConflictError(answer.code, `The ingest refused ${what}.`, { params: answer.params });
    return this.unavailable(what, new Error(`the ingest answered ${status}: ${text.slice(0, 200)}`));
  }

  private unavailable(what: string, cause: unknown): ServiceUnavailableError {
    this.log.warn({ err: cause, ingest: this.endpoint?.url, call: what }, 'live ingest unavailable');
    return new ServiceUnavailableError('LIVE_INGEST_UNAVAILABLE', `The live ingest did not answer ${what}.`, { cause });
  }
}

/** The first few KB of an error answer (a JSON body), then the rest is dropped. */
async function readSmall(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > 8192) break;
  }
  res.destroy();
  return Buffer.concat(chunks).toString('utf8');
}
