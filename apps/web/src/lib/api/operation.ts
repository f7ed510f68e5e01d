// Turns "operation X with these arguments" into method, URL and body, all typed by the contract.
// Only `endpoints` (plain data) is imported at run time; the schemas are types, so zod stays out
// of the browser bundle.
import type { RouteBody, RouteQuery, RouteResponse } from '@platform/contracts';
import { endpoints, fillPath, type OperationId, type PathParamNames } from '@platform/contracts/endpoints';
import type { QueryValue } from './http.ts';

export type { OperationId };

/** The path params of operation `K`, by name: `{ id: string }` for `/api/teams/:id`. */
export type PathParams<K extends OperationId> = { [P in PathParamNames<(typeof endpoints)[K]['path']>]: string };

/** What a client sends as the body of operation `K`. */
export type Body<K extends OperationId> = RouteBody<K>;

/** The query of operation `K`, every key optional. */
export type Query<K extends OperationId> = RouteQuery<K>;

/** What a successful call of operation `K` answers. */
export type Result<K extends OperationId> = RouteResponse<K>;

/**
 * The arguments of operation `K`: `params` when its path has any, `body` when it takes one,
 * `query` when it accepts one. Anything the operation does not take is a type error.
 */
export type OperationArgs<K extends OperationId> = ([PathParamNames<(typeof endpoints)[K]['path']>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<K> }) &
  (Body<K> extends undefined ? { body?: undefined } : { body: Body<K> }) &
  (Query<K> extends undefined ? { query?: undefined } : { query?: Query<K> });

/** An operation resolved to what `fetch` needs. */
export interface ResolvedCall {
  method: string;
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** Method and filled-in path of operation `id`, with its query and body passed through. */
export function resolveOperation<K extends OperationId>(id: K, args: OperationArgs<K>): ResolvedCall {
  const { method, path } = endpoints[id];
  const { params, query, body } = args as { params?: Record<string, string>; query?: Record<string, QueryValue>; body?: unknown };
  return { method, path: fillPath(path, params), query, body };
}
