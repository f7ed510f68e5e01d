import { routes } from '@platform/contracts';
import { canSeeEvent } from '@platform/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { StreamSlots } from '../stream-slots.ts';
import { contractRoute } from './contract-route.ts';

// Comments every 15 s keep proxies from closing an idle stream and let clients notice a dead one.
const HEARTBEAT_MS = 15_000;
// When this instance stops: clients reconnect (to another instance) after 1 to 3 s.
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_SPREAD_MS = 2_000;

/** Server-Sent Events: meetings reported and media status changes, scoped like everything else. */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const bus = app.platform.runtime.events;
  const { sessions } = app.platform.services;
  const open = new Set<(farewell?: string) => void>();
  // Streams by session, so a session ended on any instance (logout, revocation, deactivation)
  // closes its streams here at once instead of at the next heartbeat.
  const bySession = new Map<string, Set<() => void>>();
  const stopNotices = bus.onSessionsEnded(({ sessionIds }) => {
    for (const id of sessionIds) for (const close of bySession.get(id) ?? []) close();
  });
  // Streams never end on their own: ended before the server stops listening (preClose), else its
  // close would wait on them. Each gets a reconnection delay spread over a few seconds first, so the
  // screens of a stopping instance come back to the others, not all in the same instant.
  app.addHook('preClose', async () => {
    stopNotices();
    for (const close of open) close(`retry: ${RECONNECT_MIN_MS + Math.floor(Math.random() * RECONNECT_SPREAD_MS)}\n\n`);
  });

  const slots = new StreamSlots(app.platform.config.eventStreams);
  // Read at each scrape: the open streams of this instance.
  const uncount = app.metrics.countEventStreams(() => open.size);
  app.addHook('onClose', async () => uncount());
  app.route({
    ...contractRoute(app, routes.streamEvents),
    preHandler: slots.guard,
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
      const sessionId = request.sessionId;
      // The safety net under the notices (one lost in a listener reconnect, an API token revoked):
      // each heartbeat asks whether the credential still holds, without counting as activity.
      const stillLive = () =>
        sessionId ? sessions.isLive(sessionId) : actor.apiTokenId ? sessions.isApiTokenLive(actor.apiTokenId) : Promise.resolve(false);
      const heartbeat = setInterval(() => {
        stillLive().then(
          (live) => (live ? res.write(': keep-alive\n\n') : close()),
          // Closed when it cannot be checked: EventSource reconnects and authentication decides.
          () => close(),
        );
      }, HEARTBEAT_MS);
      const close = (farewell?: string) => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(close);
        if (sessionId) {
          bySession.get(sessionId)?.delete(close);
          if (!bySession.get(sessionId)?.size) bySession.delete(sessionId);
        }
        if (!res.writableEnded) res.end(farewell);
      };
      open.add(close);
      if (sessionId) bySession.set(sessionId, (bySession.get(sessionId) ?? new Set()).add(close));
      request.raw.on('close', () => close());
    },
  });
};
