import { createRequire } from 'node:module';
import { redactRtsp, type Logger } from '@platform/core';
import type NodeMediaServer from 'node-media-server';
import type { NmsBroadcast, NmsSession } from 'node-media-server';

const require = createRequire(import.meta.url);

export interface MediaServerOptions {
  rtmpHost: string;
  rtmpPort: number;
  /** HTTP-FLV, on the loopback only: the ingest's own HTTP fronts it. */
  flvPort: number;
  /** node-media-server keeps a small JSON store; it is not used but must live somewhere. */
  storeDir: string;
  log: Logger;
}

/** A stream path as node-media-server names it: "/live/<liveId>", "/camera/<cameraId>". */
export type StreamPath = `/${string}/${string}`;

/**
 * node-media-server 4 (RTMP in, HTTP-FLV out) in this process. RTMP listens where encoders can
 * reach it; HTTP-FLV on 127.0.0.1 only (it would also accept a POSTed publish).
 */
export class MediaServer {
  private nms: NodeMediaServer | undefined;
  private readonly broadcasts: Map<string, NmsBroadcast>;

  constructor(private readonly options: MediaServerOptions) {
    const context = require('node-media-server/src/core/context.js') as { broadcasts: Map<string, NmsBroadcast> };
    this.broadcasts = context.broadcasts;
    // Its logger is a module singleton printing to stdout at debug level: route it into ours, at debug.
    const nmsLogger = require('node-media-server/src/core/logger.js') as { log: (message: string, level?: string) => void };
    const log = options.log.child({ component: 'nms' });
    nmsLogger.log = (message: string, level = 'info') => {
      const text = redactRtsp(String(message)).replace(/([?&]key=)[^&\s]+/g, '$1***');
      if (/already in use|failed to start/.test(text)) log.error({}, text);
      else if (level === 'error' || level === 'warn') log.debug({ level }, text);
    };
  }

  private get log(): Logger {
    return this.options.log;
  }

  /** Starts both listeners; the hooks see every publish attempt and every publish that ended. */
  start(hooks: { prePublish(session: NmsSession): void; donePublish(session: NmsSession): void }): void {
    const NodeMediaServerClass = require('node-media-server') as typeof NodeMediaServer;
    const config = {
      bind: '127.0.0.1',
      rtmp: { port: this.options.rtmpPort, chunk_size: 60000, gop_cache: true, ping: 30, ping_timeout: 60 },
      http: { port: this.options.flvPort },
      webadmin: { enable: false },
      record: { auto: false },
      store: { path: this.options.storeDir },
    };
    const nms = new NodeMediaServerClass(config);
    const log = this.log;
    this.nms = nms;
    nms.on('prePublish', (session) => {
      // Reconnection grace is ours (LIVE_RECONNECT_GRACE_SECONDS, any address); theirs would hold
      // the path for 30 s and only for the same address.
      session.broadcast.publishGraceMs = 0;
      hooks.prePublish(session);
    });
    nms.on('donePublish', (session) => hooks.donePublish(session));
    // Watching goes through the ingest's HTTP (behind the API's signed links) only: a play over the
    // public RTMP port would skip every check, so it is refused; so is an HTTP-FLV play from
    // anywhere but this machine.
    nms.on('prePlay', (session) => {
      if (session.protocol === 'rtmp' || !isLoopback(session.ip)) {
        log.warn({ streamPath: session.streamPath, ip: session.ip, protocol: session.protocol }, 'play refused');
        session.close();
      }
    });
    // `run()` binds both listeners to one address. HTTP-FLV is bound first on the loopback, then
    // RTMP where encoders reach it (the address is read as each listener starts). The JSON store,
    // relays and recorder of node-media-server are not used.
    nms.httpServer.run();
    config.bind = this.options.rtmpHost;
    nms.rtmpServer.run();
  }

  async stop(): Promise<void> {
    await this.nms?.stop();
  }

  /** Where a local reader (ffmpeg, the FLV proxy) gets a stream as HTTP-FLV. */
  flvUrl(path: StreamPath): string {
    return `http://127.0.0.1:${this.options.flvPort}${path}.flv`;
  }

  rtmpUrl(path: StreamPath, key: string): string {
    return `rtmp://127.0.0.1:${this.options.rtmpPort}${path}?key=${encodeURIComponent(key)}`;
  }

  /** The session currently publishing `path`, if any. */
  publisherOf(path: StreamPath): NmsSession | null {
    return this.broadcasts.get(path)?.publisher ?? null;
  }

  /**
   * Ends every player of `path` (the publisher went away): node-media-server would keep them open
   * waiting, and a returning publisher's stream would reach them without its headers. Players
   * reconnect and start cleanly.
   */
  closeViewers(path: StreamPath): void {
    for (const session of this.broadcasts.get(path)?.subscribers.values() ?? []) session.close();
  }

  /** True once the publisher of `path` has sent its video header (a player can start). */
  hasVideo(path: StreamPath): boolean {
    const b = this.broadcasts.get(path);
    return Boolean(b?.publisher && b.flvVideoHeader);
  }
}

function isLoopback(ip: string): boolean {
  const address = ip.slice(0, ip.lastIndexOf(':'));
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** "h264", "hevc", … from node-media-server's view of the publisher; null while unknown. */
export function videoCodecOf(session: NmsSession | null): string | null {
  const id = session?.videoCodec;
  if (id === 7 || id === 'avc1') return 'h264';
  if (id === 12 || id === 'hvc1' || id === 'hev1') return 'hevc';
  if (id === 13 || id === 'av01') return 'av1';
  if (id === 'vp09') return 'vp9';
  if (!id) return null;
  return String(id);
}
