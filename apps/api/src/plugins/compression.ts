import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// HLS playlists are text but unknown to mime-db, so they are named here. Video segments, images
// and the event stream are left alone: media is already compressed, and a compressor would
// buffer Server-Sent Events (that route hijacks its reply, but it must not depend on that).
const TEXT = /^(?:text\/(?!event-stream)|application\/(?:json|javascript|vnd\.apple\.mpegurl|x-mpegurl|xml)|[^;]*\+(?:json|xml))/i;

/**
 * Brotli or gzip for text responses: API JSON, playlists, and web assets that were not
 * precompressed at build time (those are served as .br/.gz files and pass through untouched).
 */
export const compressionPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(compress, {
      global: true,
      encodings: ['br', 'gzip'],
      threshold: 1024,
      customTypes: TEXT,
    });
  },
  { name: 'compression' },
);
