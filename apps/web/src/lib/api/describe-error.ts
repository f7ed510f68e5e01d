import { t, translateError } from '$lib/i18n/index.ts';
import { ApiError } from './api-error.ts';

/**
 * What to tell the user about a failed request, in their language: the translation of the
 * error's code and params. The server's English message and a thrown Error's text are never shown.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.unknown;
  if (error.code === 'NETWORK') return t.errors.network;
  if (error.code.startsWith('HTTP_')) return t.errors.http(error.status);
  return translateError(error.code, error.params);
}
