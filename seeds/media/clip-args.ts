// ffmpeg arguments for the catalogue's sample media, built by pure code so tests can read them.
// Text reaches drawtext through files (textfile=…): no escaping of Chinese punctuation, quotes or
// colons inside a filter graph.

/** How drawtext finds a face with Chinese glyphs; null draws no text (plain test pattern). */
export type CjkFontSpec = { family: string } | { file: string } | null;

/** Clip size: 360p H.264 remuxes into one HLS rendition, so processing the catalogue costs little. */
export const CLIP = { width: 640, height: 360, fps: 15 } as const;
export const POSTER = { width: 1080, height: 1528 } as const;

/**
 * Breaks text into lines of at most `maxUnits`, a Chinese character counting 1 and a Latin
 * letter or digit about half. Breaks anywhere (Chinese has no spaces), but never puts closing
 * punctuation at the start of a line.
 */
export function wrapText(text: string, maxUnits: number): string[] {
  const lines: string[] = [];
  let line = '';
  let units = 0;
  for (const ch of text) {
    const w = /[\x20-\x7e]/.test(ch) ? 0.55 : 1;
    if (units + w > maxUnits && line && !/^[，。、；：！？）”’》」]$/.test(ch)) {
      lines.push(line.trimEnd());
      line = '';
      units = 0;
      if (ch === ' ') continue;
    }
    line += ch;
    units += w;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function fontOption(font: CjkFontSpec): string {
  if (!font) return '';
  // A family goes through fontconfig, which picks the Simplified Chinese face of a collection;
  // a bare file gives its first face (Japanese glyph shapes in Noto's .ttc), still readable.
  // No bold: fontconfig's bold match for the family can be a face without Chinese glyphs.
  return 'family' in font ? `font='${font.family}':` : `fontfile='${font.file}':`;
}

export interface ClipText {
  /** Text files, one per slot; `pages` are shown one after the other, evenly over the clip. */
  headingFile: string;
  titleFile: string;
  pageFiles: string[];
}

/**
 * A clip of `seconds` at {@link CLIP} size: a title card with the course name, the lesson title
 * and its key points one after the other, a running clock and a progress bar (so frames differ
 * and the poster, sprite and player have something to show), silent AAC audio.
 */
export function lessonClipArgs(seconds: number, font: CjkFontSpec, text: ClipText | null, output: string): string[] {
  const { width, height, fps } = CLIP;
  const inputs = [
    // The card changes once a second at most: drawn at 1 fps, then repeated up to the clip's rate,
    // so the text is rasterised 15 times less often (the clock and the bar still move every frame).
    ['-f', 'lavfi', '-i', `color=c=0x123b63:size=${width}x${height}:rate=1:duration=${seconds}`],
    ['-f', 'lavfi', '-i', `color=c=0xffd54f:size=${width}x6:rate=${fps}:duration=${seconds}`],
    ['-f', 'lavfi', '-i', `anullsrc=r=44100:cl=mono`],
  ].flat();
  let card = '';
  if (font && text) {
    const f = fontOption(font);
    const slot = seconds / Math.max(1, text.pageFiles.length);
    const pages = text.pageFiles.map(
      (file, i) =>
        `drawtext=${f}textfile='${file}':fontsize=22:fontcolor=white:line_spacing=12:x=48:y=150:enable='gte(t,${(i * slot).toFixed(2)})*lt(t,${((i + 1) * slot).toFixed(2)})'`,
    );
    card = [
      `drawbox=x=0:y=0:w=iw:h=52:color=0x0b2744:t=fill`,
      `drawtext=${f}textfile='${text.headingFile}':fontsize=20:fontcolor=0xffd54f:x=24:y=14`,
      `drawtext=${f}text='百千万安全技能提升':fontsize=16:fontcolor=0x90a4ae:x=w-tw-24:y=18`,
      `drawtext=${f}textfile='${text.titleFile}':fontsize=26:fontcolor=white:line_spacing=8:x=(w-tw)/2:y=72`,
      ...pages,
      `fps=${fps}`,
    ].join(',');
  }
  const clock = font
    ? `,drawtext=${fontOption(font)}text='%{eif\\:t/60\\:d\\:2}\\:%{eif\\:mod(t\\,60)\\:d\\:2}':fontsize=16:fontcolor=0xcfd8dc:x=w-tw-16:y=h-34`
    : '';
  const video = font && text ? `[0:v]${card}[card]` : `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}[card]`;
  return [
    '-filter_complex_threads',
    '1',
    ...inputs,
    '-filter_complex',
    `${video};[card][1:v]overlay=x='-w+w*t/${seconds}':y=H-h:shortest=1${clock}[v]`,
    '-map',
    '[v]',
    '-map',
    '2:a',
    '-t',
    String(seconds),
    // ultrafast: the picture is a still card, so the cheapest encode looks the same; one thread,
    // because two clips are made at once and each is short.
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p', '-threads', '1'],
    ...['-g', String(fps * 2), '-c:a', 'aac', '-b:a', '64k', '-movflags', '+faststart'],
    output,
  ];
}

export interface PosterTextFiles {
  headlineFile: string;
  titleFile: string;
  linesFile: string;
  footerFile: string;
}

/** A 1080×1528 JPEG poster: headline, title, a few lines and a footer on a solid colour. */
export function posterArgs(colour: string, font: CjkFontSpec, text: PosterTextFiles | null, output: string): string[] {
  const { width, height } = POSTER;
  if (!font || !text) {
    return ['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:duration=1`, '-frames:v', '1', '-q:v', '3', output];
  }
  const f = fontOption(font);
  const filters = [
    `drawbox=x=40:y=40:w=iw-80:h=ih-80:color=0xffd54f@0.9:t=6`,
    `drawtext=${f}textfile='${text.headlineFile}':fontsize=150:fontcolor=0xffd54f:x=(w-tw)/2:y=150`,
    `drawbox=x=120:y=390:w=iw-240:h=4:color=white@0.8:t=fill`,
    `drawtext=${f}textfile='${text.titleFile}':fontsize=64:fontcolor=white:x=(w-tw)/2:y=450`,
    `drawtext=${f}textfile='${text.linesFile}':fontsize=54:fontcolor=white:line_spacing=40:x=(w-tw)/2:y=640`,
    `drawtext=${f}textfile='${text.footerFile}':fontsize=32:fontcolor=0xe0e0e0:x=(w-tw)/2:y=h-140`,
  ];
  return [
    ...['-f', 'lavfi', '-i', `color=c=${colour}:size=${width}x${height}:duration=1`],
    ...['-vf', filters.join(','), '-frames:v', '1', '-q:v', '3', output],
  ];
}
