import { Readable } from 'node:stream';
import { routes } from '@platform/contracts';
import { contentDisposition, csvChunks, type ExportTable } from '@platform/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cjkFontLoader } from '../exports/cjk-font.ts';
import { evidencePdf } from '../exports/evidence-pdf.ts';
import { xlsxStream } from '../exports/xlsx.ts';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a table as a CSV or XLSX download; both are streamed, rows read as the client takes them. */
export function sendTable(reply: FastifyReply, table: ExportTable, format: 'csv' | 'xlsx') {
  const body = format === 'xlsx' ? xlsxStream(table.sheetName, table.columns, table.rows) : Readable.from(csvChunks(table));
  // The contract gives no 200 schema (the body is a file), hence the cast.
  return reply
    .header('content-type', format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition(`${table.fileName}.${format}`, `export.${format}`))
    .header('cache-control', 'no-store')
    .send(body as never);
}

/** Lists as CSV / Excel files, and an enterprise's evidence report as JSON (for the printable page) and PDF. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { exports, evidenceReports } = app.platform.services;
  const font = cjkFontLoader(app.platform.config.reportFont);

  app.route({
    ...contractRoute(app, routes.exportMeetings),
    handler: async (request, reply) => sendTable(reply, await exports.meetings(actorOf(request), request.query), request.query.format),
  });

  app.route({
    ...contractRoute(app, routes.exportMissingMeetings),
    handler: async (request, reply) => sendTable(reply, await exports.missing(actorOf(request), request.query), request.query.format),
  });

  app.route({
    ...contractRoute(app, routes.getEvidenceReport),
    handler: (request) => evidenceReports.report(actorOf(request), request.params.id, request.query, 'json'),
  });

  app.route({
    ...contractRoute(app, routes.getEvidenceReportPdf),
    handler: async (request, reply) => {
      // The font before the report: without one there is nothing to print, and nothing to audit.
      const cjk = await font();
      const report = await evidenceReports.report(actorOf(request), request.params.id, request.query, 'pdf');
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`${report.enterprise.name}_班前会证据报告_${report.from}至${report.to}.pdf`, 'evidence-report.pdf'),
        )
        .header('cache-control', 'no-store')
        .send(evidencePdf(report, cjk) as never);
    },
  });
};
