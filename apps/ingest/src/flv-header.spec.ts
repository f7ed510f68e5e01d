import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { publisherHasNoAudio, withoutFlvAudioFlag } from './flv-header.ts';

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of Readable.from(chunks).pipe(withoutFlvAudioFlag())) out.push(c as Buffer);
  return Buffer.concat(out);
}

// node-media-server's header: "FLV", version 1, flags audio+video (0x05), header size 9, PreviousTagSize0.
const header = () => Buffer.from([0x46, 0x4c, 0x56, 0x01, 0x05, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00]);

describe('withoutFlvAudioFlag', () => {
  it('clears the audio flag and keeps the video flag and every other byte', async () => {
    const tag = Buffer.from([0x12, 0x00, 0x00, 0x04, 1, 2, 3, 4]);
    const out = await through([header(), tag]);
    expect(out[4]).toBe(0x01);
    expect(out.subarray(0, 4)).toEqual(header().subarray(0, 4));
    expect(out.subarray(5)).toEqual(Buffer.concat([header().subarray(5), tag]));
  });

  it('finds the flag when the header arrives in pieces', async () => {
    const h = header();
    const out = await through([h.subarray(0, 2), h.subarray(2, 4), h.subarray(4)]);
    expect(out).toEqual(Buffer.from([0x46, 0x4c, 0x56, 0x01, 0x01, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00]));
  });

  it('leaves a stream that is not FLV as it is', async () => {
    const body = Buffer.from('{"code":"LIVE_NOT_LIVE"}');
    expect(await through([body])).toEqual(body);
  });
});

describe('publisherHasNoAudio', () => {
  const broadcast = (audioHeader: boolean) => ({ flvAudioHeader: audioHeader ? Buffer.alloc(2) : null }) as never;
  it('is true only when the metadata named video and no audio, and no audio header came', () => {
    expect(publisherHasNoAudio({ videoCodec: 7, audioCodec: undefined as never, broadcast: broadcast(false) })).toBe(true);
    expect(publisherHasNoAudio({ videoCodec: 7, audioCodec: 10, broadcast: broadcast(true) })).toBe(false);
    expect(publisherHasNoAudio({ videoCodec: 7, audioCodec: 0, broadcast: broadcast(true) })).toBe(false);
    // No metadata yet: unknown, the header stays as it is.
    expect(publisherHasNoAudio({ videoCodec: 0, audioCodec: 0, broadcast: broadcast(false) })).toBe(false);
    expect(publisherHasNoAudio(null)).toBe(false);
  });
});
