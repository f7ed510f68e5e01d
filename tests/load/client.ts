// The load runs' HTTP client: plain fetch (undici, keep-alive) with a session cookie, every call
// named by its contract operation so figures are kept per route pattern (`GET /api/meetings/:id`),
// never per raw URL, and timed from when it was due (open loop) or sent.
import { endpoints, type PlatformEvent } from '@platform/contracts';

type Operation = keyof typeof endpoints;

/** Answers and latencies per route, and errors by status and error code. */
export class Recorder {
  readonly routes = new Map<string, { latencies: number[]; ok: number; errors: Map<string, number> }>();
  /** The first answer body of each route × error, to tell what went wrong. */
  readonly errorSamples = new Map<string, string>();
  /** performance.now() of the first due time and the last answer: the span throughput is over. */
  first = Number.POSITIVE_INFINITY;
  last = 0;

  record(route: string, dueAt: number, status: number, code: string | null, body = ''): void {
    const now = performance.now();
    let r = this.routes.get(route);
    if (!r) this.routes.set(route, (r = { latencies: [], ok: 0, errors: new Map() }));
    r.latencies.push(now - dueAt);
    if (status >= 200 && status < 400) r.ok++;
    else {
      const key = code ? `${status} ${code}` : String(status);
      r.errors.set(key, (r.errors.get(key) ?? 0) + 1);
      if (!this.errorSamples.has(`${route} ${key}`)) this.errorSamples.set(`${route} ${key}`, body.slice(0, 300));
    }
    this.first = Math.min(this.first, dueAt);
    this.last = Math.max(this.last, now);
  }

  /** Forgets everything recorded so far (the end of a warm-up). */
  clear(): void {
    this.routes.clear();
    this.errorSamples.clear();
    this.first = Number.POSITIVE_INFINITY;
    this.last = 0;
  }
}

/** A non-2xx answer (already recorded); the actor's flow stops at it. */
export class CallError extends Error {
  override name = 'CallError';
  constructor(
    readonly route: string,
    readonly status: number,
    readonly code: string | null,
    readonly body: string,
  ) {
    super(`${route}: ${status} ${code ?? ''} ${body.slice(0, 200)}`);
  }
}

export interface CallOptions {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
  /** performance.now() the call was due at (open loop); default: when it is sent. */
  dueAt?: number;
}

const TIMEOUT_MS = 60_000;

/** One logged-in user (cookie) talking to one API instance. */
export class ApiClient {
  constructor(
    readonly base: string,
    readonly cookie: string,
    readonly recorder: Recorder,
  ) {}

  /** Calls contract operation `op`; resolves with its JSON (or null), rejects with CallError on non-2xx. */
  async call<T = unknown>(op: Operation, options: CallOptions = {}): Promise<T> {
    const { method, path } = endpoints[op];
    const route = `${method} ${path}`;
    let url = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(options.params?.[name] ?? `:${name}`)));
    if (options.query) url += `?${new URLSearchParams(options.query)}`;
    const dueAt = options.dueAt ?? performance.now();
    const headers: Record<string, string> = { cookie: this.cookie };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const text = await this.send(route, dueAt, `${this.base}${url}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return (text ? JSON.parse(text) : null) as T;
  }

  /** PUTs a part's bytes to `url`: a presigned object-store URL (no cookie) or the API's part route. */
  async putPart(url: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const direct = /^https?:/.test(url);
    const route = direct ? 'PUT (object store, presigned part)' : `${endpoints.uploadPart.method} ${endpoints.uploadPart.path}`;
    await this.send(route, performance.now(), direct ? url : `${this.base}${url}`, {
      method: 'PUT',
      headers: direct ? {} : { cookie: this.cookie, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
  }

  /**
   * Sends one request (timing out after TIMEOUT_MS) and records its outcome under `route`, due at
   * `dueAt`; resolves with the body text of a 2xx answer, rejects with CallError otherwise.
   */
  private async send(route: string, dueAt: number, url: string, init: RequestInit): Promise<string> {
    let status = 0;
    let text = '';
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
      status = res.status;
      text = await res.text();
    } catch (error) {
      this.recorder.record(route, dueAt, 0, errorName(error));
      throw new CallError(route, 0, errorName(error), String(error));
    }
    const ok = status >= 200 && status < 300;
    const code = ok ? null : errorCode(text);
    this.recorder.record(route, dueAt, status, code, text);
    if (!ok) throw new CallError(route, status, code, text);
    return text;
  }

  /**
   * Follows /api/events as EventSource does, reconnecting 3 s after the stream ends, until
   * `signal` aborts. `onEvent` gets each event with performance.now() at its arrival.
   * Resolves once the first connection is open.
   */
  async follow(onEvent: (event: PlatformEvent, at: number) => void, signal: AbortSignal, onReconnect?: () => void): Promise<void> {
    const route = `${endpoints.streamEvents.method} ${endpoints.streamEvents.path}`;
    const open = async (): Promise<ReadableStream<Uint8Array>> => {
      const dueAt = performance.now();
      const res = await fetch(`${this.base}/api/events`, { headers: { cookie: this.cookie, accept: 'text/event-stream' }, signal });
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => '');
        this.recorder.record(route, dueAt, res.status, errorCode(text));
        throw new CallError(route, res.status, errorCode(text), text);
      }
      this.recorder.record(route, dueAt, res.status, null);
      return res.body;
    };
    const read = async (body: ReadableStream<Uint8Array>) => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        const at = performance.now();
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of message.split('\n'))
            if (line.startsWith('data:')) onEvent(JSON.parse(line.slice(5).trimStart()) as PlatformEvent, at);
        }
      }
    };
    const first = await open();
    void (async () => {
      let body: ReadableStream<Uint8Array> | null = first;
      while (!signal.aborted) {
        try {
          if (!body) body = await open();
          await read(body);
        } catch {
          // Aborted, or the stream broke: reconnect below unless aborted.
        }
        body = null;
        if (signal.aborted) break;
        onReconnect?.();
        await new Promise((r) => setTimeout(r, 3_000));
      }
    })();
  }
}

function errorCode(text: string): string | null {
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

function errorName(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).name ?? 'ERROR';
}
