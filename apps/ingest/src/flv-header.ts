import { Transform, type TransformCallback } from 'node:stream';
import type { NmsSession } from 'node-media-server';

// node-media-server starts every HTTP-FLV response with a header that claims an audio track
// (Flv.createHeader(true, true)). A player (mpegts.js) then waits for audio that never comes from a
// camera or encoder without sound, and never starts. The metadata cannot tell it either: the
// publisher's onMetaData reaches players still wrapped in RTMP's "@setDataFrame", which mpegts.js
// does not read. So the ingest's FLV relay corrects the header itself.

/**
 * True when the publisher is known to send no sound: its metadata arrived (a video codec is named)
 * without an audio codec, and no audio header has come. Unknown (no metadata yet) reads as false.
 */
export function publisherHasNoAudio(publisher: Pick<NmsSession, 'videoCodec' | 'audioCodec' | 'broadcast'> | null): boolean {
  if (!publisher || !publisher.videoCodec) return false;
  return !publisher.audioCodec && !publisher.broadcast.flvAudioHeader;
}

/**
 * Passes an HTTP-FLV stream through with the audio bit of its 9-byte file header cleared (byte 4,
 * 0x04); everything after the header is untouched. mpegts.js still takes audio that turns up later.
 */
export function withoutFlvAudioFlag(): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (!head) return done(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < 5) return done();
      const out = head;
      head = null;
      if (out[0] === 0x46 && out[1] === 0x4c && out[2] === 0x56) out[4] = out[4]! & ~0x04;
      done(null, out);
    },
    flush(done: TransformCallback) {
      done(null, head?.length ? head : undefined);
    },
  });
}
