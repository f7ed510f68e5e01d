import type { HandleClientError } from '@sveltejs/kit';
import { ApiError } from '$lib/api/client.ts';
import { describeError } from '$lib/api/describe-error.ts';
import { t } from '$lib/i18n/index.ts';

/** A failed API call inside a load function becomes a readable error page instead of "Internal Error". */
export const handleError: HandleClientError = ({ error, status }) => {
  if (error instanceof ApiError) {
    // A 400 while loading a page means the id in the address is malformed: to the user that is "not found".
    if (error.code === 'VALIDATION_FAILED') return { message: t.errors.NOT_FOUND, code: 'NOT_FOUND' };
    return { message: describeError(error), code: error.code };
  }
  if (status === 404) return { message: t.errors.pageNotFound, code: 'NOT_FOUND' };
  console.error(error);
  // SvelteKit's own message ("Internal Error") and the thrown error's text are English: say it in Chinese.
  return { message: t.errors.unknown };
};
