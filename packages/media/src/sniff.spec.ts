import { describe, expect, it } from 'vitest';
import { looksLikeText, sniffFile } from './sniff.ts';

describe('looksLikeText', () => {
  it('takes UTF-8 text cut off inside a character as text', () => {
    const chinese = Buffer.from('这不是视频，是一个文本文件。'.repeat(60), 'utf8');
    expect(looksLikeText(chinese.subarray(0, 1024 + 1))).toBe(true);
    expect(looksLikeText(chinese.subarray(0, 1023))).toBe(true);
  });

  it('does not take binary or invalid UTF-8 for text', () => {
    expect(looksLikeText(Buffer.from([0x41, 0x00, 0x42]))).toBe(false);
    expect(looksLikeText(Buffer.from([0x41, 0xff, 0x41, 0x42]))).toBe(false);
  });
});

describe('sniffFile', () => {
  it('refuses text, sends unknown binary to the probe and finds a TIFF by its magic', async () => {
    expect(await sniffFile(Buffer.from('#EXTM3U\n#EXTINF:4,\nseg.ts\n'))).toEqual({ kind: 'OTHER', mime: null });
    expect((await sniffFile(Buffer.from([0x00, 0x00, 0x00, 0x01, 0x67, 0x64, 0x00, 0x1f, 0xac, 0xd9]))).kind).toBe('VIDEO');
    expect((await sniffFile(Buffer.concat([Buffer.from('II*\0'), Buffer.from([0x08, 0x00, 0x00, 0x00])]))).kind).toBe('PHOTO');
  });

  it('names a PDF by its "%PDF-" signature, not by a name or a mention further in', async () => {
    expect(await sniffFile(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'))).toEqual({
      kind: 'DOCUMENT',
      mime: 'application/pdf',
    });
    expect((await sniffFile(Buffer.from('Not a PDF: %PDF-1.7\n'))).kind).toBe('OTHER');
  });
});
