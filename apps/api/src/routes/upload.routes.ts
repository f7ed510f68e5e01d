import { CreateUploadBody, IdParams, Upload, UploadPartParams } from '@platform/contracts';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.ts';
import { AUTHED, errorResponses } from './responses.ts';

const CompleteResponse = z.object({ assetId: z.string(), kind: z.enum(['VIDEO', 'PHOTO', 'DOCUMENT']), mediaUrl: z.string() });

/** Resumable uploads: create, inspect (resume), send parts through the API, complete, abort. */
export const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  const { uploads } = app.platform.services;
  app.addHook('onRequest', app.authenticate);

  app.post('/api/uploads', {
    schema: {
      tags: ['uploads'],
      operationId: 'createUpload',
      summary: 'Start a resumable upload of a meeting photo or video',
      description: 'Returns the part size and a target for each part. With S3 storage the targets are presigned URLs straight to the store; otherwise they are PUT /api/uploads/{id}/parts/{n}.',
      body: CreateUploadBody,
      response: { 201: Upload, ...errorResponses(400, ...AUTHED, 404, 413) },
    },
  }, async (request, reply) => reply.status(201).send(await uploads.create(actorOf(request), request.body)));

  app.get('/api/uploads/:id', {
    schema: { tags: ['uploads'], operationId: 'getUpload', summary: 'Parts received so far and targets for the rest (resume)', params: IdParams, response: { 200: Upload, ...errorResponses(400, 401, 404) } },
  }, (request) => uploads.get(actorOf(request), request.params.id));

  app.post('/api/uploads/:id/complete', {
    schema: {
      tags: ['uploads'],
      operationId: 'completeUpload',
      summary: 'Join the parts; the bytes decide whether it is a video or a photo; processing starts',
      params: IdParams,
      response: { 200: CompleteResponse, ...errorResponses(400, 401, 404, 409), 415: errorResponses(400)[400]! },
    },
  }, async (request) => {
    const result = await uploads.complete(actorOf(request), request.params.id);
    return { ...result, mediaUrl: `/api/media/${result.assetId}` };
  });

  app.delete('/api/uploads/:id', {
    schema: { tags: ['uploads'], operationId: 'abortUpload', summary: 'Abandon an upload and delete its parts', params: IdParams, response: { 204: z.null(), ...errorResponses(400, 401, 404, 409) } },
  }, async (request, reply) => {
    await uploads.abort(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  // Raw bytes, any content type, streamed to the store: parts are never parsed or buffered whole.
  app.register(async (scope) => {
    const parts = scope.withTypeProvider<ZodTypeProvider>();
    parts.removeAllContentTypeParsers();
    parts.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    parts.put('/api/uploads/:id/parts/:partNumber', {
      bodyLimit: app.platform.config.media.partSizeBytes + 1024,
      schema: {
        tags: ['uploads'],
        operationId: 'uploadPart',
        summary: 'Send one part (filesystem storage); re-sending a part replaces it',
        params: UploadPartParams,
        response: { 200: z.object({ partNumber: z.number().int(), size: z.number().int() }), ...errorResponses(400, 401, 404, 409, 413) },
      },
    }, async (request) => {
      const length = request.headers['content-length'] ? Number(request.headers['content-length']) : undefined;
      return uploads.receivePart(actorOf(request), request.params.id, request.params.partNumber, request.body as Readable, length);
    });
  });
};
