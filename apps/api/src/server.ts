import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveLogFormat, startProcess } from '@platform/config';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type ApiConfig } from './config.ts';
import { seedCatalogueMedia } from './demo/catalogue-media.ts';
import { seedDemoActivity } from './demo/demo-activity.ts';
import { Lifecycle } from './lifecycle.ts';
import { openPlatform } from './platform.ts';
import { forceExitAfterMs, shutDown } from './shutdown.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const DEMO_ACCOUNTS: [string, string][] = [
  ['admin', '系统管理员 system administrator: organisation, ordinary accounts'],
  ['secadmin', '安全管理员 security administrator: administrator accounts, unlocking, MFA resets'],
  ['auditor', '审计管理员 audit administrator: the audit log'],
  ['inspector', '执法人员 inspector'],
  ['command', '指挥中心值班员 command-centre operator'],
  ['zone1', '开发区应急管理 zone officer'],
  ['officer1', '企业安全员 safety officer, enterprise A'],
  ['officer2', '企业安全员 safety officer, enterprise B (another zone)'],
  ['worker1', '职工 worker of officer1’s enterprise'],
];
/** The demo accounts that must give a second factor (isPrivilegedRole): their first login shows the enrolment. */
const PRIVILEGED_DEMO_ACCOUNTS = ['admin', 'secadmin', 'auditor', 'inspector', 'command'];

async function serve(config: ApiConfig, log: FastifyBaseLogger): Promise<void> {
  const platform = await openPlatform(config, { log });
  const lifecycle = new Lifecycle();
  const app = await buildApp(platform, { lifecycle });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('the stop took too long; exiting anyway');
      process.exit(1);
    }, forceExitAfterMs(config.shutdownDrainSeconds));
    force.unref();
    await shutDown({ app, platform, lifecycle, drainSeconds: config.shutdownDrainSeconds, log });
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // Before listening: the seeded courses have their media (queued for processing) from the first request.
  if (config.seedDemo)
    await seedCatalogueMedia(platform, log).catch((error: unknown) => log.error({ err: error }, 'catalogue media not stored'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    log.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}; set PORT to a free port`);
    await platform.close();
    process.exit(1);
  }
  if (config.seedDemoActivity) {
    // In the background: the photos go through the job queue, and the platform is usable meanwhile.
    seedDemoActivity(platform, log).catch((error: unknown) => log.error({ err: error }, 'demo meetings could not be written'));
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${shownHost}:${port}/`;
  if (resolveLogFormat(config.log.format, process.stdout) === 'pretty') {
    // A person at a terminal: the banner is the last thing printed, whatever LOG_LEVEL says.
    const lines = config.seedDemo
      ? [
          '',
          'demo accounts, password Demo@2021:',
          ...DEMO_ACCOUNTS.map(([name, what]) => `  ${name.padEnd(10)} ${what}`),
          `  ${PRIVILEGED_DEMO_ACCOUNTS.join(', ')} enrol a TOTP authenticator (QR code, recovery codes) at their first login`,
        ]
      : [];
    process.stdout.write(`${[...lines, '', `ready: ${url}  (API docs: /api/docs)`, ''].join('\n')}\n`);
  } else {
    if (config.seedDemo) log.info({ accounts: DEMO_ACCOUNTS.map(([name]) => name) }, 'demo accounts, password Demo@2021');
    log.info({ url, docs: `${url}api/docs` }, `ready: ${url}`);
  }
}

startProcess('api', () => loadConfig(process.env, projectRoot), serve);
