import { routes } from '@platform/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiConfig } from '../config.ts';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/**
 * Where encoders push: LIVE_RTMP_PUBLIC_URL, or this host's name on the RTMP port (the officer
 * reached the site by a name the encoder can reach too).
 */
export function rtmpServerOf(config: ApiConfig, request: Pick<FastifyRequest, 'hostname'>): string {
  return config.live.rtmp.publicUrl ?? `rtmp://${request.hostname}:${config.live.rtmp.port}/live`;
}

/** 直播: lives, their publish keys, signed playback, and the relay of the streams behind those links. */
export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  const { lives, ingest } = app.platform.services;
  const { config } = app.platform;
  // Streams being relayed: an FLV never ends by itself, so closing the server ends them.
  const relays = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const stop of relays) stop();
  });

  app.route({ ...contractRoute(app, routes.listLives), handler: (request) => lives.list(actorOf(request), request.query) });

  app.route({
    ...contractRoute(app, routes.createLive),
    handler: async (request, reply) =>
      reply.status(201).send(await lives.create(actorOf(request), request.body, rtmpServerOf(config, request))),
  });

  app.route({ ...contractRoute(app, routes.getLive), handler: (request) => lives.get(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.rotateLiveKey),
    handler: (request) => lives.rotateKey(actorOf(request), request.params.id, rtmpServerOf(config, request)),
  });

  app.route({ ...contractRoute(app, routes.revokeLiveKey), handler: (request) => lives.revokeKey(actorOf(request), request.params.id) });

  app.route({ ...contractRoute(app, routes.endLive), handler: (request) => lives.end(actorOf(request), request.params.id) });

  app.route({ ...contractRoute(app, routes.playLive), handler: (request) => lives.play(actorOf(request), request.params.id) });

  // Public: the signed token in the path is the credential. Relayed as it comes, never buffered.
  app.route({
    ...contractRoute(app, routes.streamLiveFile),
    handler: async (request, reply) => {
      const source = await lives.openStream(request.params.id, request.params.token, request.params['*']);
      const viewer = new AbortController();
      const stop = () => viewer.abort();
      // The viewer may go before the ingest answers (a camera's pull takes seconds to start).
      request.raw.once('close', stop);
      reply.raw.once('close', stop);
      relays.add(stop);
      viewer.signal.addEventListener('abort', () => relays.delete(stop), { once: true });
      const upstream = await ingest.stream(source.path, viewer.signal);
      viewer.signal.addEventListener('abort', upstream.abort, { once: true });
      upstream.body.once('end', () => relays.delete(stop));
      reply.statusCode = upstream.status;
      reply.header('content-type', upstream.contentType);
      // A live changes every moment: neither the browser nor a proxy may keep any of it.
      reply.header('cache-control', 'no-store');
      reply.header('x-accel-buffering', 'no');
      // A stream is sent as is; the contract describes only the error bodies.
      return reply.send(upstream.body as never);
    },
  });
};
