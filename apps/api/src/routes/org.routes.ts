import { Enterprise, EnterpriseInput, EnterpriseQuery, IdParams, Industry, pageOf, Zone, ZoneInput } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.ts';
import { AUTHED, errorResponses } from './responses.ts';

/** Zones, industries and enterprises. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { zones, enterprises } = app.platform.services;
  app.addHook('onRequest', app.authenticate);

  app.get('/api/zones', {
    schema: { tags: ['organisation'], operationId: 'listZones', summary: 'Development zones, streets and towns', response: { 200: z.array(Zone), ...errorResponses(401) } },
  }, () => zones.listZones());

  app.post('/api/zones', {
    schema: { tags: ['organisation'], operationId: 'createZone', body: ZoneInput, response: { 201: Zone, ...errorResponses(400, ...AUTHED, 409) } },
  }, async (request, reply) => reply.status(201).send(await zones.create(actorOf(request), request.body)));

  app.put('/api/zones/:id', {
    schema: { tags: ['organisation'], operationId: 'updateZone', params: IdParams, body: ZoneInput, response: { 200: Zone, ...errorResponses(400, ...AUTHED, 404, 409) } },
  }, (request) => zones.update(actorOf(request), request.params.id, request.body));

  app.get('/api/industries', {
    schema: { tags: ['organisation'], operationId: 'listIndustries', summary: 'Industry categories', response: { 200: z.array(Industry), ...errorResponses(401) } },
  }, () => zones.listIndustries());

  app.get('/api/enterprises', {
    schema: {
      tags: ['organisation'],
      operationId: 'listEnterprises',
      summary: 'Enterprises in your scope (all, your zone, or your own)',
      querystring: EnterpriseQuery,
      response: { 200: pageOf(Enterprise), ...errorResponses(400, 401) },
    },
  }, (request) => enterprises.list(actorOf(request), request.query));

  app.get('/api/enterprises/:id', {
    schema: { tags: ['organisation'], operationId: 'getEnterprise', params: IdParams, response: { 200: Enterprise, ...errorResponses(400, 401, 404) } },
  }, (request) => enterprises.get(actorOf(request), request.params.id));

  app.post('/api/enterprises', {
    schema: { tags: ['organisation'], operationId: 'createEnterprise', body: EnterpriseInput, response: { 201: Enterprise, ...errorResponses(400, ...AUTHED, 409) } },
  }, async (request, reply) => reply.status(201).send(await enterprises.create(actorOf(request), request.body)));

  app.put('/api/enterprises/:id', {
    schema: { tags: ['organisation'], operationId: 'updateEnterprise', params: IdParams, body: EnterpriseInput, response: { 200: Enterprise, ...errorResponses(400, ...AUTHED, 404, 409) } },
  }, (request) => enterprises.update(actorOf(request), request.params.id, request.body));
};
