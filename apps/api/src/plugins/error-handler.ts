import { codeOfZodIssue, type ErrorCode, type FieldIssue as FieldIssueBody, type ZodIssueFacts } from '@platform/contracts';
import {
  AppError,
  ConflictError,
  ExportTooLargeError,
  FileNotReadyError,
  ForbiddenError,
  MediaRejectedError,
  NotFoundError,
  PartsIncompleteError,
  PayloadTooLargeError,
  QuotaExceededError,
  RangeNotSatisfiableError,
  ServiceUnavailableError,
  TooManyAttemptsError,
  UnauthorizedError,
  UploadGoneError,
  ValidationError,
  type FieldIssue,
} from '@platform/core';
import { isDatabaseUnavailable } from '@platform/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS_OF: [new (...args: never[]) => AppError, number][] = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [FileNotReadyError, 404],
  [ConflictError, 409],
  [UploadGoneError, 409],
  [PartsIncompleteError, 409],
  [PayloadTooLargeError, 413],
  [MediaRejectedError, 415],
  [RangeNotSatisfiableError, 416],
  [TooManyAttemptsError, 429],
  [QuotaExceededError, 429],
  [ExportTooLargeError, 400],
  [ServiceUnavailableError, 503],
];

type Params = Record<string, string | number>;

function statusOf(error: AppError): number {
  return STATUS_OF.find(([type]) => error instanceof type)?.[1] ?? 400;
}

interface RequestValidationError {
  validation: { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

/** The part of the request a validation context names (`body`, `querystring`, `params`, `headers`). */
function validatedInput(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

function valueAt(input: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
    input,
  );
}

/**
 * Zod issues from request validation as coded field issues, the field named like `creditCode`
 * (the path inside the validated part). The zod message stays as the English `message`.
 */
function fieldIssues(error: RequestValidationError, request: FastifyRequest): FieldIssue[] {
  const input = validatedInput(request, error.validationContext);
  return error.validation.flatMap((v): FieldIssue[] => {
    const path = v.instancePath.split('/').filter(Boolean);
    const field = path.join('.') || (error.validationContext ?? 'body');
    const message = v.message ?? 'is invalid';
    // One issue per unknown key, so each names its own field.
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params?.keys)) {
      return (v.params.keys as string[]).map((key) => ({ field: [...path, key].join('.'), code: 'FIELD_UNKNOWN', message }));
    }
    const value = valueAt(input, path);
    const { code, params } = codeOfZodIssue({ ...v.params, code: v.keyword } as ZodIssueFacts, value !== undefined && value !== null);
    return [{ field, code, ...(params ? { params } : {}), message }];
  });
}

/** Codes of framework and plugin 4xx errors (not AppErrors), by status. */
function frameworkCode(status: number): ErrorCode {
  if (status === 404) return 'ROUTE_NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  return 'BAD_REQUEST';
}

/** Sends `{ error: { code, message, params?, details? } }`; `message` is English for integrators, never for end users. */
function send(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  params?: Params,
  details?: FieldIssueBody[] | unknown,
) {
  const hasParams = params && Object.keys(params).length > 0;
  return reply.status(status).send({ error: { code, message, ...(hasParams ? { params } : {}), details } });
}

/** One place that turns every failure into `{ error: { code, message, params?, details? } }`. */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(async (error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        if (error instanceof TooManyAttemptsError || error instanceof QuotaExceededError)
          reply.header('retry-after', Math.ceil(error.retryAfterSeconds));
        if (error instanceof ForbiddenError) {
          await app.audit(request, {
            action: 'access.forbidden',
            outcome: 'DENIED',
            // Which rule refused it (e.g. ADMINISTRATOR_ACCOUNT_RESERVED), for the audit administrator.
            details: { method: request.method, url: request.url, reason: error.code },
          });
        }
        return send(reply, statusOf(error), error.code, error.message, error.params, error.details);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = fieldIssues(error as never, request);
        return send(
          reply,
          400,
          'VALIDATION_FAILED',
          `Invalid ${error.validationContext ?? 'request'}: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
          undefined,
          issues,
        );
      }
      // PostgreSQL restarting or failing over: a 503 with a code clients retry on, not a 500 that reads as a bug.
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', 5);
        return send(reply, 503, 'DATABASE_UNAVAILABLE', 'The database is not answering right now; try again shortly.');
      }
      const status = (error as FastifyError).statusCode ?? 500;
      if (status < 500) {
        // Framework and plugin errors (bad JSON, body too large, rate limit) keep their status; the
        // rate limiter's error carries its own params.
        return send(reply, status, frameworkCode(status), error.message, (error as { params?: Params }).params);
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(reply, 500, 'INTERNAL', `Something went wrong on our side. Quote request id ${request.id} when reporting it.`, {
        requestId: request.id,
      });
    });

    app.setNotFoundHandler({}, (request, reply) =>
      send(reply, 404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
    );
  },
  { name: 'error-handler', dependencies: ['audit'] },
);
