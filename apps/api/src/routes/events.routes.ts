import { routes } from '@platform/contracts';
import { canSeeEvent } from '@platform/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

// Comments every 15 s keep proxies from closing an idle stream and let clients notice a dead one.
const HEARTBEAT_MS = 15_000;

/** Server-Sent Events: meetings reported and media status changes, scoped like everything else. */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const bus = app.platform.runtime.events;
  const open = new Set<() => void>();
  // Streams never end on their own; close them so the server can stop.
  app.addHook('onClose', async () => {
    for (const close of open) close();
  });

  app.route({
    ...contractRoute(app, routes.streamEvents),
    handler: (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n: connected\n\n');
      const unsubscribe = bus.subscribe((event) => {
        // Unnamed messages, so a plain EventSource `onmessage` receives every type.
        if (canSeeEvent(actor, event)) res.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        if (!res.writableEnded) res.end();
      };
      open.add(close);
      request.raw.on('close', close);
    },
  });
};
