import { goto } from '$app/navigation';
import { navigating } from '$app/state';
import { endedCodeOf } from '$lib/auth/session-ended.ts';
import { session } from '$lib/session.svelte.ts';
import { ApiError } from './api-error.ts';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * What a 401 means. `redirect` (the default): the session ended, so go to the login page and
   * come back afterwards. `throw`: the caller handles it (the login form, the first session check).
   */
  on401?: 'redirect' | 'throw';
  /** The `fetch` of a load function (see `apiFor`); the browser's otherwise. */
  fetch?: typeof fetch;
}

/** `/api/x?a=1`, leaving out empty values so filters that are not set are not sent. */
export function urlWithQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The login page, remembering where to return to and, when a session ended, the API's code for why
 * (by default the one the last 401 gave), so the page can tell the user.
 */
export function loginUrl(next: URL, ended: string | null = session.ended): string {
  const back = next.pathname === '/login' || (next.pathname === '/' && !next.search) ? undefined : next.pathname + next.search;
  return urlWithQuery('/login', { next: back, ended: endedCodeOf(ended) });
}

// Parallel calls of one page can all see the same expired session; only the first redirects.
let loginRedirect: Promise<void> | null = null;

async function errorFrom(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const base = { status: response.status, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; params?: Record<string, string | number>; details?: unknown };
    };
    if (body.error?.code)
      return new ApiError({
        ...base,
        code: body.error.code,
        message: body.error.message ?? '',
        params: body.error.params,
        details: body.error.details,
      });
  } catch {
    // Not our JSON error body (a proxy error page, say); fall through to a generic error.
  }
  return new ApiError({ ...base, code: `HTTP_${response.status}`, message: response.statusText });
}

function headersFor(body: unknown): Record<string, string> {
  if (body === undefined) return { accept: 'application/json' };
  if (body instanceof Blob) return { accept: 'application/json', 'content-type': body.type || 'application/octet-stream' };
  return { accept: 'application/json', 'content-type': 'application/json' };
}

/**
 * Calls the API and returns the parsed JSON body (undefined for 204). Throws ApiError on any
 * non-2xx answer or network failure.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(urlWithQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(options.body),
      // A file (a Blob) is sent as its own bytes, everything else as JSON.
      body: options.body === undefined ? undefined : options.body instanceof Blob ? options.body : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError({ code: 'NETWORK', message: (cause as Error).message, status: 0 }, { cause });
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && (options.on401 ?? 'redirect') === 'redirect') {
      session.clear(error.code);
      // During a navigation the page being opened is where the user wants to return, not the old one.
      const target = navigating.to?.url ?? new URL(window.location.href);
      if (!loginRedirect && target.pathname !== '/login') {
        loginRedirect = goto(loginUrl(target, error.code), { replaceState: true }).finally(() => (loginRedirect = null));
      }
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
