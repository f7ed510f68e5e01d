import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** What ffprobe reads from one published rendition, fetched through the API's signed links. */
export interface RenditionFacts {
  /** Sum of the playlist's segment durations. */
  playlistSeconds: number;
  frames: number;
  pixelFormat: string;
  colorTransfer: string | null;
}

/** Downloads a rendition's init segment and media segments, joins them and counts its frames. */
export async function probeRendition(app: FastifyInstance, hlsUrl: string, name: string): Promise<RenditionFacts> {
  const base = hlsUrl.replace('master.m3u8', `${name}/`);
  const playlist = (await app.inject({ url: `${base}index.m3u8` })).body;
  const segments = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
  const playlistSeconds = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  const parts = await Promise.all(['init.mp4', ...segments].map(async (uri) => (await app.inject({ url: base + uri })).rawPayload));
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'rendition-')), 'joined.mp4');
  await fs.writeFile(file, Buffer.concat(parts));
  try {
    const out = execFileSync(process.env.FFPROBE_PATH || 'ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_frames',
      '-show_entries',
      'stream=nb_read_frames,pix_fmt,color_transfer',
      '-of',
      'json',
      file,
    ]).toString();
    const stream = (JSON.parse(out) as { streams: { nb_read_frames: string; pix_fmt: string; color_transfer?: string }[] }).streams[0]!;
    return {
      playlistSeconds,
      frames: Number(stream.nb_read_frames),
      pixelFormat: stream.pix_fmt,
      colorTransfer: stream.color_transfer ?? null,
    };
  } finally {
    await fs.rm(path.dirname(file), { recursive: true, force: true });
  }
}
