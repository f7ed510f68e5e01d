import { describe, expect, it } from 'vitest';
import { lessonClipArgs, posterArgs, wrapText } from './clip-args.ts';

describe('wrapText', () => {
  it('breaks Chinese text at the width, counting Latin characters as about half', () => {
    expect(wrapText('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
    expect(wrapText('GB 30871规范', 6)).toEqual(['GB 30871规', '范']);
  });

  it('never starts a line with closing punctuation', () => {
    expect(wrapText('一二三四，五六', 4)).toEqual(['一二三四，', '五六']);
  });
});

describe('lessonClipArgs', () => {
  const text = { headingFile: '/w/h.txt', titleFile: '/w/t.txt', pageFiles: ['/w/0.txt', '/w/1.txt', '/w/2.txt'] };

  it('makes a clip of exactly the lesson length, its pages shown one after the other without overlap', () => {
    const args = lessonClipArgs(12, { family: 'Noto Sans CJK SC' }, text, '/out.mp4');
    expect(args[args.indexOf('-t') + 1]).toBe('12');
    expect(args.at(-1)).toBe('/out.mp4');
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain("enable='gte(t,0.00)*lt(t,4.00)'");
    expect(graph).toContain("enable='gte(t,4.00)*lt(t,8.00)'");
    expect(graph).toContain("enable='gte(t,8.00)*lt(t,12.00)'");
    expect(graph).toContain("font='Noto Sans CJK SC'");
    expect(args).toEqual(expect.arrayContaining(['libx264', 'aac', 'yuv420p']));
  });

  it('draws a plain pattern when there is no Chinese font', () => {
    const graph = lessonClipArgs(20, null, null, '/out.mp4').join(' ');
    expect(graph).toContain('testsrc2=size=640x360');
    expect(graph).not.toContain('drawtext');
  });
});

describe('posterArgs', () => {
  it('makes one 1080×1528 JPEG frame, with the font file when fontconfig is not used', () => {
    const files = { headlineFile: '/w/a', titleFile: '/w/b', linesFile: '/w/c', footerFile: '/w/d' };
    const args = posterArgs('0x5c1010', { file: '/fonts/cjk.ttc' }, files, '/p.jpg');
    expect(args.join(' ')).toContain('color=c=0x5c1010:size=1080x1528');
    expect(args.join(' ')).toContain("fontfile='/fonts/cjk.ttc'");
    expect(args.slice(-5)).toEqual(['-frames:v', '1', '-q:v', '3', '/p.jpg']);
  });
});
