// What the ingest uses of node-media-server 4.4 (CommonJS, ships no types).

declare module 'node-media-server' {
  export interface NmsSession {
    id: string;
    /** "address:port" of the client; "" for internal sessions. */
    ip: string;
    protocol: string;
    streamApp: string;
    streamName: string;
    streamPath: string;
    streamQuery: Record<string, string | string[] | undefined>;
    isPublisher: boolean;
    /** FLV codec id from the publisher's metadata: 7 = H.264 (AVC), 12 = H.265; 0 before it arrives. */
    videoCodec: number | string;
    videoWidth: number;
    videoHeight: number;
    audioCodec: number | string;
    broadcast: NmsBroadcast;
    close(): void;
  }
  export interface NmsBroadcast {
    publisher: NmsSession | null;
    subscribers: Map<string, NmsSession>;
    publishGraceMs: number;
    flvVideoHeader: Buffer | null;
    flvAudioHeader: Buffer | null;
  }
  export interface NmsConfig {
    bind?: string;
    rtmp?: { port: number; chunk_size?: number; gop_cache?: boolean; ping?: number; ping_timeout?: number };
    http?: { port: number };
    webadmin?: { enable: boolean };
    record?: { auto?: boolean; path?: string };
    store?: { path?: string };
  }
  export type NmsEvent = 'prePublish' | 'postPublish' | 'donePublish' | 'prePlay' | 'postPlay' | 'donePlay';
  export default class NodeMediaServer {
    constructor(config: NmsConfig);
    httpServer: { run(): void };
    rtmpServer: { run(): void };
    notifyServer: { run(): void };
    on(event: NmsEvent, listener: (session: NmsSession) => void): void;
    run(): Promise<void>;
    stop(): Promise<void>;
  }
}
