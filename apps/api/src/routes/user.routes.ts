import { AuditEntry, AuditQuery, IdParams, pageOf, User, UserInput, UserQuery, UserUpdate } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { AUTHED, errorResponses } from './responses.ts';

/** Accounts and the audit log. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users } = app.platform.services;
  app.addHook('onRequest', app.authenticate);

  app.get('/api/users', {
    schema: { tags: ['users'], operationId: 'listUsers', querystring: UserQuery, response: { 200: pageOf(User), ...errorResponses(400, ...AUTHED) } },
  }, (request) => users.list(actorOf(request), request.query));

  app.get('/api/users/:id', {
    schema: { tags: ['users'], operationId: 'getUser', params: IdParams, response: { 200: User, ...errorResponses(400, ...AUTHED, 404) } },
  }, (request) => users.get(actorOf(request), request.params.id));

  app.post('/api/users', {
    schema: { tags: ['users'], operationId: 'createUser', body: UserInput, response: { 201: User, ...errorResponses(400, ...AUTHED, 409) } },
  }, async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)));

  app.patch('/api/users/:id', {
    schema: { tags: ['users'], operationId: 'updateUser', params: IdParams, body: UserUpdate, response: { 200: User, ...errorResponses(400, ...AUTHED, 404) } },
  }, (request) => users.update(actorOf(request), request.params.id, request.body));

  app.get('/api/audit', {
    schema: { tags: ['audit'], operationId: 'listAuditLog', summary: 'Audit trail, newest first (admins)', querystring: AuditQuery, response: { 200: pageOf(AuditEntry), ...errorResponses(400, ...AUTHED) } },
  }, (request) => app.platform.services.audit.list(actorOf(request), request.query));
};
