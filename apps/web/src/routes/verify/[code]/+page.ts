import { ApiError, apiFor } from '$lib/api/client.ts';
import type { PageLoad } from './$types';

// Public: whoever holds a printed certificate (an inspector, an employer) scans its QR code here,
// logged in or not.
export const load: PageLoad = async ({ fetch, params }) => {
  try {
    return { code: params.code, result: await apiFor(fetch).learn.verify(params.code), failure: null };
  } catch (failure) {
    if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) {
      return { code: params.code, result: null, failure: failure.status === 404 ? ('notFound' as const) : ('badCode' as const) };
    }
    throw failure;
  }
};
