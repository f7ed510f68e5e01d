import { routes } from '@platform/contracts';
import { contentDisposition } from '@platform/core';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { workerTemplateCsv, workerTemplateXlsx } from '../imports/worker-template.ts';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** Largest import file accepted: 2,000 rows of a worker list are well under 1 MB in either format. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Worker accounts of an enterprise (its safety officer), their import, and their enrolment in courses. */
export const workerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { workers, workerEnrolments } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listWorkers), handler: (request) => workers.list(actorOf(request), request.query) });

  app.route({
    ...contractRoute(app, routes.createWorker),
    handler: async (request, reply) => reply.status(201).send(await workers.create(actorOf(request), request.body)),
  });

  app.route({ ...contractRoute(app, routes.getWorker), handler: (request) => workers.get(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.updateWorker),
    handler: (request) => workers.setActive(actorOf(request), request.params.id, request.body.active),
  });

  app.route({
    ...contractRoute(app, routes.resetWorkerPassword),
    handler: (request) => workers.resetPassword(actorOf(request), request.params.id),
  });

  app.route({
    ...contractRoute(app, routes.getWorkerImportTemplate),
    handler: async (request, reply) => {
      const xlsx = request.query.format === 'xlsx';
      return reply
        .header('content-type', xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`职工导入模板.${request.query.format}`, `workers.${request.query.format}`))
        .header('cache-control', 'no-store')
        .send((xlsx ? await workerTemplateXlsx() : workerTemplateCsv()) as never);
    },
  });

  // The file is the body, whatever type the browser gives it (text/csv, the xlsx type, or none):
  // the service decides by its bytes.
  app.register(async (scope) => {
    const files = scope.withTypeProvider<ZodTypeProvider>();
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    files.route({
      ...contractRoute(app, routes.importWorkers),
      bodyLimit: IMPORT_BODY_LIMIT,
      handler: async (request, reply) => {
        const body = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
        return reply.status(201).send(await workers.import(actorOf(request), body));
      },
    });
  });

  app.route({ ...contractRoute(app, routes.listEnrolmentCourses), handler: (request) => workerEnrolments.courses(actorOf(request)) });

  app.route({
    ...contractRoute(app, routes.listEnrolments),
    handler: (request) => workerEnrolments.list(actorOf(request), request.query),
  });

  app.route({
    ...contractRoute(app, routes.enrolWorkers),
    handler: (request) => workerEnrolments.enrol(actorOf(request), request.body),
  });

  app.route({
    ...contractRoute(app, routes.deleteEnrolment),
    handler: async (request, reply) => {
      await workerEnrolments.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
};
