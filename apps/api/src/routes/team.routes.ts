import { IdParams, Shift, ShiftInput, Team, TeamInput } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.ts';
import { AUTHED, errorResponses } from './responses.ts';

/** An enterprise's teams (班组) with rosters, and its shifts (班次). */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { teams, shifts } = app.platform.services;
  app.addHook('onRequest', app.authenticate);

  app.get('/api/enterprises/:id/teams', {
    schema: { tags: ['teams'], operationId: 'listTeams', params: IdParams, response: { 200: z.array(Team), ...errorResponses(400, 401, 404) } },
  }, (request) => teams.list(actorOf(request), request.params.id));

  app.post('/api/enterprises/:id/teams', {
    schema: { tags: ['teams'], operationId: 'createTeam', params: IdParams, body: TeamInput, response: { 201: Team, ...errorResponses(400, ...AUTHED, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await teams.create(actorOf(request), request.params.id, request.body)));

  app.get('/api/teams/:id', {
    schema: { tags: ['teams'], operationId: 'getTeam', params: IdParams, response: { 200: Team, ...errorResponses(400, 401, 404) } },
  }, (request) => teams.get(actorOf(request), request.params.id));

  app.put('/api/teams/:id', {
    schema: { tags: ['teams'], operationId: 'updateTeam', summary: 'Replace a team, its roster and its shifts', params: IdParams, body: TeamInput, response: { 200: Team, ...errorResponses(400, ...AUTHED, 404, 409) } },
  }, (request) => teams.update(actorOf(request), request.params.id, request.body));

  app.get('/api/enterprises/:id/shifts', {
    schema: { tags: ['shifts'], operationId: 'listShifts', params: IdParams, response: { 200: z.array(Shift), ...errorResponses(400, 401, 404) } },
  }, (request) => shifts.list(actorOf(request), request.params.id));

  app.post('/api/enterprises/:id/shifts', {
    schema: { tags: ['shifts'], operationId: 'createShift', params: IdParams, body: ShiftInput, response: { 201: Shift, ...errorResponses(400, ...AUTHED, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await shifts.create(actorOf(request), request.params.id, request.body)));

  app.put('/api/shifts/:id', {
    schema: { tags: ['shifts'], operationId: 'updateShift', params: IdParams, body: ShiftInput, response: { 200: Shift, ...errorResponses(400, ...AUTHED, 404, 409) } },
  }, (request) => shifts.update(actorOf(request), request.params.id, request.body));
};
