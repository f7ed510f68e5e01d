import { t } from '$lib/i18n/index.ts';
import { ApiError } from './api-error.ts';

/** What to tell the user about a failed request, in their language. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? `${t.errors.unknown}：${error.message}` : t.errors.unknown;
  switch (error.code) {
    case 'NETWORK':
      return t.errors.network;
    case 'INVALID_CREDENTIALS':
      return t.auth.invalidCredentials;
    case 'ACCOUNT_LOCKED':
      return t.auth.locked(Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)));
    case 'RATE_LIMITED':
      return t.auth.rateLimited;
    case 'SESSION_EXPIRED':
    case 'SESSION_INVALID':
    case 'UNAUTHORIZED':
      return t.auth.sessionExpired;
    case 'VALIDATION_FAILED':
    case 'NOT_FOUND':
    case 'ORIGIN_REJECTED':
      return t.errors[error.code];
    // The server's own sentence says which rule (own account, which credit code or username) or gives the request id.
    case 'FORBIDDEN':
    case 'CONFLICT':
    case 'INTERNAL':
      return `${t.errors[error.code]}（${error.message}）`;
    default:
      return error.message || `${t.errors.unknown}（HTTP ${error.status}）`;
  }
}
