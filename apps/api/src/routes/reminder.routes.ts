import { routes } from '@platform/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { contractRoute } from './contract-route.ts';

/** An enterprise's group robots for missing-meeting reminders, and each user's notifications. */
export const reminderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { webhooks, notifications } = app.platform.services;

  app.route({ ...contractRoute(app, routes.listWebhooks), handler: (request) => webhooks.list(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.createWebhook),
    handler: async (request, reply) => reply.status(201).send(await webhooks.create(actorOf(request), request.params.id, request.body)),
  });

  app.route({
    ...contractRoute(app, routes.updateWebhook),
    handler: (request) => webhooks.update(actorOf(request), request.params.id, request.body),
  });

  app.route({
    ...contractRoute(app, routes.deleteWebhook),
    handler: async (request, reply) => {
      await webhooks.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.route({ ...contractRoute(app, routes.testWebhook), handler: (request) => webhooks.test(actorOf(request), request.params.id) });

  app.route({
    ...contractRoute(app, routes.listNotifications),
    handler: (request) => notifications.list(actorOf(request), request.query),
  });

  app.route({
    ...contractRoute(app, routes.markNotificationRead),
    handler: (request) => notifications.markRead(actorOf(request), request.params.id),
  });

  app.route({ ...contractRoute(app, routes.markAllNotificationsRead), handler: (request) => notifications.markAllRead(actorOf(request)) });
};
