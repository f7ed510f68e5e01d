import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI document generated from the zod route schemas, at /api/openapi.json, with a UI at /api/docs. */
export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: '滨海新区班前会与安全技能提升平台 API',
          description:
            'Pre-shift meeting reporting, command centre and 百千万 training. Authenticate with the session cookie from POST /api/auth/login, or `Authorization: Bearer <API token>` for enterprise systems.',
          version: '1.0.0',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'bhs_session' },
            apiToken: { type: 'http', scheme: 'bearer' },
          },
        },
        security: [{ session: [] }, { apiToken: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
