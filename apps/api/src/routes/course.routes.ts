import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** 课程管理: the course catalogue, lessons, quiz settings and question banks. */
export const courseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { courses, lessons, quizBank } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listCourses), handler: (request) => courses.list(actorOf(request), request.query) });
  app.route({
    ...contractRoute(app, routes.createCourse),
    handler: async (request, reply) => reply.status(201).send(await courses.create(actorOf(request), request.body)),
  });
  app.route({ ...contractRoute(app, routes.getCourse), handler: (request) => courses.get(actorOf(request), request.params.id) });
  app.route({
    ...contractRoute(app, routes.updateCourse),
    handler: (request) => courses.update(actorOf(request), request.params.id, request.body),
  });

  app.route({
    ...contractRoute(app, routes.createLesson),
    handler: async (request, reply) => reply.status(201).send(await lessons.create(actorOf(request), request.params.id, request.body)),
  });
  app.route({
    ...contractRoute(app, routes.reorderLessons),
    handler: (request) => lessons.reorder(actorOf(request), request.params.id, request.body),
  });
  app.route({
    ...contractRoute(app, routes.updateLesson),
    handler: (request) => lessons.update(actorOf(request), request.params.id, request.body),
  });
  app.route({
    ...contractRoute(app, routes.deleteLesson),
    handler: async (request, reply) => {
      await lessons.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...contractRoute(app, routes.setQuiz),
    handler: (request) => quizBank.setQuiz(actorOf(request), request.params.id, request.body),
  });
  app.route({
    ...contractRoute(app, routes.deleteQuiz),
    handler: async (request, reply) => {
      await quizBank.deleteQuiz(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...contractRoute(app, routes.createQuestion),
    handler: async (request, reply) =>
      reply.status(201).send(await quizBank.createQuestion(actorOf(request), request.params.id, request.body)),
  });
  app.route({
    ...contractRoute(app, routes.updateQuestion),
    handler: (request) => quizBank.updateQuestion(actorOf(request), request.params.id, request.body),
  });
  app.route({
    ...contractRoute(app, routes.deleteQuestion),
    handler: async (request, reply) => {
      await quizBank.deleteQuestion(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
};
