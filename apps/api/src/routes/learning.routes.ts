import { Readable } from 'node:stream';
import { routes } from '@platform/contracts';
import { contentDisposition, csvChunks } from '@platform/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** A learner's own courses, lessons, heartbeats, quizzes and certificates; public certificate verification. */
export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  const { learning, heartbeats, quizzes, certificates } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listMyCourses), handler: (request) => learning.listCourses(actorOf(request)) });
  app.route({ ...contractRoute(app, routes.getMyCourse), handler: (request) => learning.getCourse(actorOf(request), request.params.id) });
  app.route({ ...contractRoute(app, routes.getMyLesson), handler: (request) => learning.getLesson(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.startViewing),
    handler: async (request, reply) => {
      // How long the request has waited since Fastify took it (auth, a busy database pool): the
      // viewing starts at its arrival, not when the service gets to it (see startViewing).
      const waitedMs = reply.elapsedTime;
      const userAgent = request.headers['user-agent'] ?? '';
      return reply.status(201).send(await learning.startViewing(actorOf(request), request.params.id, request.body, userAgent, waitedMs));
    },
  });

  app.route({
    ...contractRoute(app, routes.markLessonRead),
    handler: (request) => learning.markRead(actorOf(request), request.params.id, request.body.sessionId),
  });

  app.route({
    ...contractRoute(app, routes.sendHeartbeats),
    config: { cachedSession: true },
    handler: (request) => heartbeats.submit(actorOf(request), request.params.id, request.body.beats),
  });

  app.route({
    ...contractRoute(app, routes.answerPresenceCheck),
    handler: (request) => learning.answerCheck(actorOf(request), request.params.id, request.params.checkId, request.body.answer),
  });

  app.route({ ...contractRoute(app, routes.startQuizAttempt), handler: (request) => quizzes.start(actorOf(request), request.params.id) });
  app.route({
    ...contractRoute(app, routes.submitQuizAttempt),
    handler: (request) => quizzes.submit(actorOf(request), request.params.id, request.body),
  });

  app.route({ ...contractRoute(app, routes.listMyCertificates), handler: (request) => certificates.listOwn(actorOf(request)) });
  app.route({
    ...contractRoute(app, routes.getMyCertificate),
    handler: (request) => certificates.getOwn(actorOf(request), request.params.id),
  });
  app.route({ ...contractRoute(app, routes.verifyCertificate), handler: (request) => certificates.verify(request.params.code) });

  app.route({
    ...contractRoute(app, routes.exportLearningRecords),
    handler: async (request, reply) => {
      const table = await learning.records(actorOf(request), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`${table.fileName}.csv`, 'learning-records.csv'))
        .header('cache-control', 'no-store')
        .send(Readable.from(csvChunks(table)) as never);
    },
  });
};
