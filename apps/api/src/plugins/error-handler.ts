import {
  AppError, ConflictError, ForbiddenError, MediaRejectedError, NotFoundError, PayloadTooLargeError, TooManyAttemptsError, UnauthorizedError, ValidationError, type FieldIssue,
} from '@platform/core';
import { InvalidPartError, InvalidRangeError, ObjectNotFoundError, UploadNotFoundError } from '@platform/storage';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS_OF: [new (...args: never[]) => AppError, number][] = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [MediaRejectedError, 415],
  [TooManyAttemptsError, 429],
];

/** Storage failures that are the caller's doing, with what to tell them. */
function storageFailure(error: Error): [number, string, string] | null {
  if (error instanceof ObjectNotFoundError) return [404, 'NOT_FOUND', 'The file does not exist (yet); wait until processing has published it.'];
  if (error instanceof InvalidRangeError) return [416, 'RANGE_NOT_SATISFIABLE', error.message];
  if (error instanceof UploadNotFoundError) return [409, 'UPLOAD_GONE', 'This upload no longer exists in storage; start a new upload for the file.'];
  if (error instanceof InvalidPartError) return [409, 'PARTS_INCOMPLETE', error.message];
  return null;
}

function statusOf(error: AppError): number {
  return STATUS_OF.find(([type]) => error instanceof type)?.[1] ?? 400;
}

/** Zod issues from request validation as `{ field, message }`, the field named like `body.creditCode`. */
function fieldIssues(error: { validation: { instancePath: string; message?: string }[]; validationContext?: string }): FieldIssue[] {
  return error.validation.map((v) => {
    const pathParts = v.instancePath.split('/').filter(Boolean);
    return { field: pathParts.join('.') || (error.validationContext ?? 'body'), message: v.message ?? 'is invalid' };
  });
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, details } });
}

/** One place that turns every failure into `{ error: { code, message, details } }`. */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(async (error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        if (error instanceof TooManyAttemptsError) reply.header('retry-after', Math.ceil(error.retryAfterSeconds));
        if (error instanceof ForbiddenError) {
          await app.audit(request, { action: 'access.forbidden', outcome: 'DENIED', details: { method: request.method, url: request.url } });
        }
        return send(reply, statusOf(error), error.code, error.message, error.details);
      }
      const storage = storageFailure(error);
      if (storage) return send(reply, storage[0], storage[1], storage[2]);
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = fieldIssues(error as never);
        return send(reply, 400, 'VALIDATION_FAILED', `Invalid ${error.validationContext ?? 'request'}: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`, issues);
      }
      const status = (error as FastifyError).statusCode ?? 500;
      if (status < 500) {
        const code = (error as FastifyError).code?.replace(/^FST_(ERR_)?/, '') || 'BAD_REQUEST';
        return send(reply, status, code, error.message);
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(reply, 500, 'INTERNAL', `Something went wrong on our side. Quote request id ${request.id} when reporting it.`);
    });

    app.setNotFoundHandler({}, (request, reply) => send(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  },
  { name: 'error-handler', dependencies: ['audit'] },
);
