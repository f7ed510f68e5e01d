import { Board, BoardQuery, IdParams, Meeting, MeetingInput, MeetingQuery, MeetingSummary, pageOf, WallQuery, WallStats } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { AUTHED, errorResponses } from './responses.ts';

/** 班前会 reports, the enterprise's daily board and the command centre's counts. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { meetings } = app.platform.services;
  app.addHook('onRequest', app.authenticate);

  app.post('/api/meetings', {
    schema: {
      tags: ['meetings'],
      operationId: 'reportMeeting',
      summary: 'Report a pre-shift meeting (safety officer, or an enterprise system with an API token)',
      description: 'Attach photos and videos afterwards with POST /api/uploads using the returned id. Enterprise systems authenticate with `Authorization: Bearer <API token>`.',
      body: MeetingInput,
      response: { 201: Meeting, ...errorResponses(400, ...AUTHED, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await meetings.create(actorOf(request), request.body)));

  app.put('/api/meetings/:id', {
    schema: { tags: ['meetings'], operationId: 'updateMeeting', summary: 'Edit a meeting until it is reviewed; every change is audited', params: IdParams, body: MeetingInput, response: { 200: Meeting, ...errorResponses(400, ...AUTHED, 404, 409) } },
  }, (request) => meetings.update(actorOf(request), request.params.id, request.body));

  app.get('/api/meetings/:id', {
    schema: { tags: ['meetings'], operationId: 'getMeeting', summary: 'A meeting with its record, attendance and media (signed links)', params: IdParams, response: { 200: Meeting, ...errorResponses(400, 401, 404) } },
  }, (request) => meetings.get(actorOf(request), request.params.id));

  app.get('/api/meetings', {
    schema: { tags: ['meetings'], operationId: 'listMeetings', summary: 'Reported meetings in your scope, newest first', querystring: MeetingQuery, response: { 200: pageOf(MeetingSummary), ...errorResponses(400, 401) } },
  }, (request) => meetings.list(actorOf(request), request.query));

  app.get('/api/enterprises/:id/board', {
    schema: { tags: ['meetings'], operationId: 'getBoard', summary: "An enterprise's day: each team and shift due, reported, late or missing", params: IdParams, querystring: BoardQuery, response: { 200: Board, ...errorResponses(400, 401, 404) } },
  }, (request) => meetings.board(actorOf(request), request.params.id, request.query.date));

  app.get('/api/wall/stats', {
    schema: { tags: ['command'], operationId: 'getWallStats', summary: "Today's due / reported / late / missing counts over the filtered enterprises", querystring: WallQuery, response: { 200: WallStats, ...errorResponses(400, 401) } },
  }, (request) => meetings.wallStats(actorOf(request), request.query));
};
