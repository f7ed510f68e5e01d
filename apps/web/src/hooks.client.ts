import type { HandleClientError } from '@sveltejs/kit';
import { ApiError } from '$lib/api/client.ts';
import { describeError } from '$lib/api/describe-error.ts';

/** A failed API call inside a load function becomes a readable error page instead of "Internal Error". */
export const handleError: HandleClientError = ({ error, message }) => {
  if (error instanceof ApiError) return { message: describeError(error), code: error.code };
  console.error(error);
  return { message };
};
