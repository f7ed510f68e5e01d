import { Readable } from 'node:stream';
import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditCsv } from '../audit-csv.ts';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** The audit log: reading and exporting it, the audit administrator's alone. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { audit } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listAuditLog), handler: (request) => audit.list(actorOf(request), request.query) });

  app.route({
    ...contractRoute(app, routes.exportAuditLog),
    handler: async (request, reply) => {
      const entries = await audit.export(actorOf(request), request.query);
      const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      // Streamed in batches: a year of rows never sits in memory. The contract gives no 200 schema
      // (the body is CSV), hence the cast.
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(auditCsv(entries)) as never);
    },
  });
};
