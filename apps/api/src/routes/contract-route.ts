import { ErrorBody, type RouteDefinition, type RouteSchemas } from '@platform/contracts';
import type { FastifyInstance } from 'fastify';

/** The Fastify schema of a contract route, typed so the zod type provider infers params, body and replies. */
type SchemaOf<R extends RouteDefinition> = {
  tags: string[];
  operationId: R['operationId'];
  summary?: string;
  description?: string;
  security?: [];
  params: R extends { params: infer P } ? P : undefined;
  querystring: R extends { query: infer Q } ? Q : undefined;
  body: R extends { body: infer B } ? B : undefined;
  response: R['response'] & { [S in R['errors'][number]]: typeof ErrorBody };
};

/**
 * Method, URL, schema and authentication of one route of the contract, for
 * `app.route({ ...contractRoute(app, routes.getMeeting), handler })`. Everything a client relies
 * on comes from `@platform/contracts`; the route file adds only the handler and server-side
 * options (rate limits, body limits). Routes not marked `public` require a session or API token.
 */
export function contractRoute<R extends RouteDefinition>(app: Pick<FastifyInstance, 'authenticate'>, route: R) {
  const def: RouteSchemas & { operationId: string } = route;
  const schema: Record<string, unknown> = {
    tags: [...def.tags],
    operationId: def.operationId,
    summary: def.summary,
    description: def.description,
    security: def.public ? [] : undefined,
    params: def.params,
    querystring: def.query,
    body: def.body,
    response: { ...def.response, ...Object.fromEntries(def.errors.map((status) => [status, ErrorBody])) },
  };
  // Absent keys stay absent, so the OpenAPI document shows only what the contract says.
  for (const key of Object.keys(schema)) if (schema[key] === undefined) delete schema[key];
  return {
    method: route.method,
    url: route.path,
    onRequest: def.public ? [] : [app.authenticate],
    schema: schema as SchemaOf<R>,
  };
}
