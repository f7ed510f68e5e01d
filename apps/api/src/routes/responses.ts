import { ErrorBody } from '@platform/contracts';

/** Error responses to document on a route, all with the common error body. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as Record<number, typeof ErrorBody>;
}

/** The usual errors of an authenticated route. */
export const AUTHED = [401, 403] as const;
