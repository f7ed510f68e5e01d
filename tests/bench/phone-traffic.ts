// What a benchmark's phone page sends to the API, seen from the browser side: every request
// body's size (Content-Length of the request as sent, which CDP reports for binary bodies too,
// where postData is missing), upload parts with their timings, upload completions and the
// meeting creation. Times are epoch milliseconds taken when Playwright reports the event.
import type { Page, Request } from 'playwright-core';

export interface UploadSeen {
  id: string;
  assetId: string;
  fileName: string;
  contentType: string;
  /** Bytes the phone declared it will send for this file (after compression, if any). */
  size: number;
  partSize: number;
  partSizes: Map<number, number>;
  createdAt: number;
  completedAt: number | null;
}

export interface PartSeen {
  uploadId: string;
  partNumber: number;
  bytes: number;
  startedAt: number;
  endedAt: number;
  ok: boolean;
}

export interface MeetingSeen {
  at: number;
  status: number;
  id: string | null;
  body: string;
}

export interface PhaseSeen {
  key: string;
  phase: string;
  size: string;
  at: number;
}

/**
 * Installed in the phone's pages: `window.__phases` lists every change of a file tile's phase
 * (composer and outbox; keyed by kind and name without extension, which compression keeps) with
 * its size text, and `window.__submitAt` is when 上报 was clicked. Plain JavaScript, as FRAME_PROBE.
 */
export const PHASE_PROBE = `(() => {
  const seen = [];
  const last = new Map();
  const scan = () => {
    for (const el of document.querySelectorAll('[data-testid="report-file"]')) {
      const name = (el.querySelector('.tile__name')?.textContent ?? '').trim().replace(/\\.\\w+$/, '');
      const key = el.dataset.kind + ':' + name;
      const size = (el.querySelector('[data-testid="report-file-size"]')?.textContent ?? '').trim();
      const prev = last.get(key);
      if (prev && prev.phase === el.dataset.phase) { prev.size = size; continue; }
      const entry = { key, phase: el.dataset.phase, size, at: Date.now() };
      last.set(key, entry);
      seen.push(entry);
    }
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid="report-submit"]')) window.__submitAt ??= Date.now();
  }, true);
  window.__phases = seen;
  window.__sizes = () => [...last.values()].map((e) => e.key + ' ' + e.size);
})();`;
const UPLOADS = /^\/api\/uploads$/;
const PART = /^\/api\/uploads\/([^/]+)\/parts\/(\d+)$/;
const COMPLETE = /^\/api\/uploads\/([^/]+)\/complete$/;

/** Records the phone page's API traffic from construction on. */
export class PhoneTraffic {
  readonly uploads = new Map<string, UploadSeen>();
  readonly parts: PartSeen[] = [];
  /** Request bodies of every API request that finished or failed, in bytes. */
  bodyBytes = 0;
  requests = 0;
  failed = 0;
  meeting: MeetingSeen | null = null;
  readonly #started = new Map<Request, number>();
  readonly #pending: Promise<void>[] = [];
  #onMeeting: ((m: MeetingSeen) => void)[] = [];

  constructor(page: Page) {
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) this.#started.set(request, Date.now());
    });
    page.on('requestfinished', (request) => this.#track(this.#finished(request, true)));
    page.on('requestfailed', (request) => this.#track(this.#finished(request, false)));
  }

  /** Resolves with the answer to the phone's POST /api/meetings (whatever its status). */
  meetingAnswer(): Promise<MeetingSeen> {
    if (this.meeting && this.meeting.status < 500) return Promise.resolve(this.meeting);
    return new Promise((resolve) => this.#onMeeting.push(resolve));
  }

  /** Waits for the handlers of requests seen so far (they read bodies asynchronously). */
  async settled(): Promise<void> {
    await Promise.all(this.#pending);
  }

  #track(work: Promise<void>): void {
    this.#pending.push(work.catch((error: unknown) => console.warn('phone traffic:', error)));
  }

  async #finished(request: Request, ok: boolean): Promise<void> {
    const startedAt = this.#started.get(request);
    if (startedAt === undefined) return;
    const endedAt = Date.now();
    this.#started.delete(request);
    const pathname = new URL(request.url()).pathname;
    const method = request.method();
    this.requests += 1;
    if (!ok) this.failed += 1;
    const part = PART.exec(pathname);
    const headers = await request.allHeaders().catch(() => ({}) as Record<string, string>);
    const declared = part ? this.uploads.get(part[1]!)?.partSizes.get(Number(part[2])) : undefined;
    // A failed part may have sent only some of its bytes; count what it declared, the upper bound.
    const bytes = headers['content-length'] ? Number(headers['content-length']) : (declared ?? request.postDataBuffer()?.length ?? 0);
    this.bodyBytes += bytes;
    if (part && method === 'PUT') {
      this.parts.push({ uploadId: part[1]!, partNumber: Number(part[2]), bytes, startedAt, endedAt, ok });
      return;
    }
    const response = ok ? await request.response() : null;
    if (!response) return;
    if (method === 'POST' && UPLOADS.test(pathname) && response.status() === 201) {
      const asked = request.postDataJSON() as { fileName: string; size: number; contentType: string };
      const upload = (await response.json()) as {
        id: string;
        assetId: string;
        partSize: number;
        parts: { partNumber: number; size: number }[];
      };
      this.uploads.set(upload.id, {
        id: upload.id,
        assetId: upload.assetId,
        fileName: asked.fileName,
        contentType: asked.contentType,
        size: asked.size,
        partSize: upload.partSize,
        partSizes: new Map(upload.parts.map((p) => [p.partNumber, p.size])),
        createdAt: endedAt,
        completedAt: null,
      });
      return;
    }
    const complete = COMPLETE.exec(pathname);
    if (complete && method === 'POST' && response.ok()) {
      const upload = this.uploads.get(complete[1]!);
      if (upload) upload.completedAt = endedAt;
      return;
    }
    if (pathname === '/api/meetings' && method === 'POST') {
      const body = await response.text();
      const id = response.status() === 201 ? ((JSON.parse(body) as { id: string }).id ?? null) : null;
      // A repeated create (the answer was lost) must not replace the first answer's time; a 5xx is retried.
      if (this.meeting?.id) return;
      this.meeting = { at: endedAt, status: response.status(), id, body };
      if (response.status() < 500) for (const resolve of this.#onMeeting.splice(0)) resolve(this.meeting);
    }
  }
}
