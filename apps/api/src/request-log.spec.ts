import Fastify from 'fastify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { RequestLogController } from './request-log.ts';

/** A Fastify app whose log lines are collected as parsed JSON. */
function appWithLog(slowMs: number) {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const app = Fastify({ loggerInstance: log, logController: new RequestLogController(slowMs) });
  app.get('/ok', async () => 'ok');
  app.get('/slow', async () => new Promise((resolve) => setTimeout(() => resolve('late'), 30)));
  app.get('/boom', async () => {
    throw new Error('boom');
  });
  return { app, lines };
}

describe('RequestLogController', () => {
  it('logs ordinary requests at debug, slow ones at info and 5xx at warn, once each and never on arrival', async () => {
    const { app, lines } = appWithLog(20);
    await app.inject({ url: '/ok' });
    await app.inject({ url: '/slow' });
    await app.inject({ url: '/boom' });
    const requestLines = lines.filter((l) => typeof l.url === 'string');
    expect(requestLines.map((l) => [l.url, l.level, l.status])).toEqual([
      ['/ok', 20, 200],
      ['/slow', 30, 200],
      ['/boom', 40, 500],
    ]);
    expect(requestLines.every((l) => typeof l.reqId === 'string' && typeof l.ms === 'number')).toBe(true);
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(false);
  });

  it('prints nothing for ordinary requests at info', async () => {
    const { app, lines } = appWithLog(1000);
    app.log.level = 'info';
    await app.inject({ url: '/ok' });
    expect(lines.filter((l) => l.url === '/ok')).toEqual([]);
  });
});
