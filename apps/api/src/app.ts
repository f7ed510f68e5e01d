import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Lifecycle } from './lifecycle.ts';
import type { Platform } from './platform.ts';
import { authPlugin } from './plugins/auth.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { inputGuardPlugin } from './plugins/input-guard.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { originCheckPlugin } from './plugins/origin-check.ts';
import { platformPlugin } from './plugins/platform.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { requestIdGenerator, requestIdPlugin } from './plugins/request-id.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { RequestLogController } from './request-log.ts';
import { metricsPlugin } from './metrics/metrics.plugin.ts';
import { webPlugin } from './plugins/web.ts';
import { accountLockRoutes } from './routes/account-lock.routes.ts';
import { accountSecurityRoutes } from './routes/account-security.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { eventRoutes } from './routes/events.routes.ts';
import { exportRoutes } from './routes/export.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { learningRoutes } from './routes/learning.routes.ts';
import { mediaRoutes } from './routes/media.routes.ts';
import { complianceRoutes } from './routes/compliance.routes.ts';
import { courseRoutes } from './routes/course.routes.ts';
import { libraryRoutes } from './routes/library.routes.ts';
import { liveRoutes } from './routes/live.routes.ts';
import { cameraRoutes } from './routes/camera.routes.ts';
import { meetingRoutes } from './routes/meeting.routes.ts';
import { orgRoutes } from './routes/org.routes.ts';
import { programmeRoutes } from './routes/programme.routes.ts';
import { reminderRoutes } from './routes/reminder.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';
import { teamRoutes } from './routes/team.routes.ts';
import { uploadRoutes } from './routes/upload.routes.ts';
import { userRoutes } from './routes/user.routes.ts';
import { workerRoutes } from './routes/worker.routes.ts';

export interface BuildAppOptions {
  /** Serve the built web app for non-API paths (off in API-only tests). */
  serveWeb?: boolean;
  /** The process's shutdown state (server.ts drains it at SIGTERM); a fresh one when omitted. */
  lifecycle?: Lifecycle;
}

/** The whole HTTP application over an open platform. Tests build it directly and use `inject`. */
export async function buildApp(platform: Platform, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    loggerInstance: platform.log,
    // One line per finished request, at a level set by its outcome and time.
    logController: new RequestLogController(config.slowRequestMs),
    trustProxy: config.trustProxy,
    // Every log line of a request carries it as `reqId`: a trusted proxy's x-request-id, else a UUID.
    genReqId: requestIdGenerator(config.trustProxy),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Signed media tokens travel as a path segment.
    routerOptions: { maxParamLength: 500 },
    // On close, idle keep-alive sockets are dropped at once instead of holding the close until the
    // client hangs up; sockets with a request in flight finish it first.
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(platformPlugin, { platform });
  await app.register(requestIdPlugin);
  // Before the plugins that may refuse a request, so refusals are timed too.
  await app.register(metricsPlugin);
  // First, so every answer (refusals and errors included) carries the headers.
  await app.register(securityHeadersPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(originCheckPlugin);
  await app.register(authPlugin);
  await app.register(rateLimitPlugin);
  await app.register(inputGuardPlugin);
  // Before the docs and routes, whose replies it compresses.
  await app.register(compressionPlugin);
  if (config.openApiDocs) await app.register(openApiPlugin);

  await app.register(healthRoutes, { lifecycle: options.lifecycle ?? new Lifecycle() });
  await app.register(authRoutes);
  await app.register(accountSecurityRoutes);
  await app.register(sessionRoutes);
  await app.register(orgRoutes);
  await app.register(teamRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(accountLockRoutes);
  await app.register(uploadRoutes);
  await app.register(mediaRoutes);
  await app.register(meetingRoutes);
  await app.register(complianceRoutes);
  await app.register(exportRoutes);
  await app.register(eventRoutes);
  await app.register(learningRoutes);
  await app.register(reminderRoutes);
  await app.register(workerRoutes);
  await app.register(courseRoutes);
  await app.register(libraryRoutes);
  await app.register(programmeRoutes);
  await app.register(liveRoutes);
  await app.register(cameraRoutes);

  if (options.serveWeb !== false && config.webDir) {
    const served = await webPlugin(app, { webDir: config.webDir });
    if (!served) app.log.warn(`no built web app in ${config.webDir}; run "npm run build" to serve the pages`);
  }
  return app;
}
