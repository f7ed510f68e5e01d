import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { COURSES, lessonMediaFile, resourceMediaFile } from '../data/catalogue.ts';
import type { DocumentSection, PosterText } from '../data/catalogue-types.ts';
import { LIBRARY_RESOURCES } from '../data/library.ts';
import { lessonClipArgs, posterArgs, wrapText, type CjkFontSpec } from './clip-args.ts';
import { writeGuidancePdf, type PdfFont } from './guidance-pdf.ts';

const run = promisify(execFile);

/** One file of the catalogue's sample media: where it goes and what it shows. */
export type MediaItem =
  | { file: string; kind: 'VIDEO'; seconds: number; heading: string; title: string; points: string[] }
  | { file: string; kind: 'POSTER'; poster: PosterText }
  | { file: string; kind: 'DOCUMENT'; document: { title: string; sections: DocumentSection[] } };

/** Every file the catalogue and the library need, relative to the samples directory. */
export function catalogueMediaItems(): MediaItem[] {
  const items: MediaItem[] = [];
  for (const course of COURSES) {
    course.lessons.forEach((lesson, i) => {
      const file = lessonMediaFile(course, i + 1, lesson);
      if (lesson.kind === 'VIDEO') {
        items.push({
          file,
          kind: 'VIDEO',
          seconds: lesson.seconds,
          heading: course.title,
          title: lesson.title,
          points: lesson.body.split('\n'),
        });
      } else if (lesson.kind === 'POSTER') items.push({ file, kind: 'POSTER', poster: lesson.poster });
      else items.push({ file, kind: 'DOCUMENT', document: lesson.document });
    });
  }
  for (const r of LIBRARY_RESOURCES) {
    const file = resourceMediaFile(r);
    const heading = r.campaign ? `宣教资源库 · ${r.campaign}` : '宣教资源库';
    if (r.media.kind === 'VIDEO')
      items.push({ file, kind: 'VIDEO', seconds: r.media.seconds, heading, title: r.title, points: r.media.points });
    else if (r.media.kind === 'POSTER') items.push({ file, kind: 'POSTER', poster: r.media.poster });
    else items.push({ file, kind: 'DOCUMENT', document: r.media.document });
  }
  return items;
}

/** Files of {@link catalogueMediaItems} not yet in `outDir`. */
export function missingCatalogueMedia(outDir: string): MediaItem[] {
  return catalogueMediaItems().filter((item) => !existsSync(path.join(outDir, item.file)));
}

export interface RenderResult {
  generated: string[];
  failed: { file: string; reason: string }[];
  /** Why text could not be drawn (videos and posters then show a plain test pattern), or null. */
  plainBecause: string | null;
}

/**
 * Generates the missing sample media of the catalogue into `outDir` (idempotent: existing files
 * are kept; a file appears only complete, renamed from a partial one). Videos and posters are
 * drawn by ffmpeg with a Chinese font found through fontconfig, PDFs by pdfkit with the same font.
 */
export async function renderCatalogueMedia(options: {
  outDir: string;
  ffmpeg: string;
  log?: (line: string) => void;
}): Promise<RenderResult> {
  const { outDir, ffmpeg } = options;
  const log = options.log ?? (() => {});
  const result: RenderResult = { generated: [], failed: [], plainBecause: null };
  const missing = missingCatalogueMedia(outDir);
  if (!missing.length) return result;
  const fonts = await findCjkFonts(ffmpeg);
  result.plainBecause = fonts.drawtext.length ? null : fonts.why;
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'catalogue-media-'));
  const renderOne = async (item: MediaItem, index: number) => {
    const target = path.join(outDir, item.file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial${path.extname(target)}`;
    try {
      if (item.kind === 'DOCUMENT') {
        if (!fonts.pdf) throw new Error('no font with Chinese glyphs for pdfkit (install fonts-noto-cjk)');
        await writeGuidancePdf(partial, item.document, fonts.pdf);
      } else {
        const texts = path.join(work, String(index));
        await fs.mkdir(texts);
        await renderWithFallback(ffmpeg, item, fonts.drawtext, texts, partial);
      }
      await fs.rename(partial, target);
      result.generated.push(item.file);
      log(`generated ${item.file}`);
    } catch (error) {
      await fs.rm(partial, { force: true });
      result.failed.push({ file: item.file, reason: (error as Error).message });
      log(`could not generate ${item.file}: ${(error as Error).message}`);
    }
  };
  try {
    // Two at a time: each ffmpeg spends part of its short life starting up and finding fonts.
    let next = 0;
    const lane = async () => {
      while (next < missing.length) {
        const index = next++;
        await renderOne(missing[index]!, index);
      }
    };
    await Promise.all([lane(), lane()]);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  return result;
}

/** Tries each font way in turn (an ffmpeg without fontconfig refuses a family), then no text. */
async function renderWithFallback(
  ffmpeg: string,
  item: Extract<MediaItem, { kind: 'VIDEO' | 'POSTER' }>,
  fonts: CjkFontSpec[],
  work: string,
  output: string,
): Promise<void> {
  let lastError: unknown;
  for (const font of [...fonts, null]) {
    const args = item.kind === 'VIDEO' ? await clipArgs(item, font, work, output) : await posterArgsFor(item.poster, font, work, output);
    try {
      await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { maxBuffer: 4 * 1024 * 1024 });
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function clipArgs(item: Extract<MediaItem, { kind: 'VIDEO' }>, font: CjkFontSpec, work: string, output: string): Promise<string[]> {
  if (!font) return lessonClipArgs(item.seconds, null, null, output);
  const write = async (name: string, lines: string[]) => {
    const file = path.join(work, name);
    await fs.writeFile(file, lines.join('\n'));
    return file;
  };
  return lessonClipArgs(
    item.seconds,
    font,
    {
      headingFile: await write('heading.txt', [item.heading]),
      titleFile: await write('title.txt', wrapText(item.title, 22)),
      pageFiles: await Promise.all(item.points.map((p, i) => write(`page-${i}.txt`, wrapText(p, 25)))),
    },
    output,
  );
}

async function posterArgsFor(poster: PosterText, font: CjkFontSpec, work: string, output: string): Promise<string[]> {
  if (!font) return posterArgs(poster.colour, null, null, output);
  const write = async (name: string, text: string) => {
    const file = path.join(work, name);
    await fs.writeFile(file, text);
    return file;
  };
  return posterArgs(
    poster.colour,
    font,
    {
      headlineFile: await write('headline.txt', poster.headline),
      titleFile: await write('poster-title.txt', poster.title),
      linesFile: await write('lines.txt', poster.lines.join('\n')),
      footerFile: await write('footer.txt', '滨海新区应急管理局  宣'),
    },
    output,
  );
}

/** The usual places of a Chinese font when fontconfig cannot say (as the evidence report looks). */
const KNOWN_FONT_FILES = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', pdfName: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', pdfName: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', pdfName: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', pdfName: 'WenQuanYiMicroHei' },
];

/** Ways drawtext may find a Chinese face (best first), and a font for pdfkit. */
async function findCjkFonts(ffmpeg: string): Promise<{ drawtext: CjkFontSpec[]; pdf: PdfFont | null; why: string }> {
  const families = await run('fc-list', ['-f', '%{family}\n', ':lang=zh-cn']).then(
    (r) => r.stdout,
    () => '',
  );
  const files = await run('fc-list', ['-f', '%{file}\n', ':lang=zh-cn']).then(
    (r) => r.stdout.split('\n').filter(Boolean),
    () => [] as string[],
  );
  const known = KNOWN_FONT_FILES.find((f) => existsSync(f.file));
  const file = known?.file ?? files.find((f) => /\.(ttc|ttf|otf)$/i.test(f)) ?? null;
  // A collection (.ttc) needs a face name in pdfkit; without a known one, only a single-font file will do.
  const pdfUsable = file && (known || !/\.ttc$/i.test(file)) ? { bytes: await fs.readFile(file), name: known?.pdfName } : null;
  const filters = await run(ffmpeg, ['-hide_banner', '-filters']).then(
    (r) => r.stdout,
    () => '',
  );
  if (!/\bdrawtext\b/.test(filters)) return { drawtext: [], pdf: pdfUsable, why: `${ffmpeg} has no drawtext filter` };
  const drawtext: CjkFontSpec[] = [];
  if (families.includes('Noto Sans CJK SC')) drawtext.push({ family: 'Noto Sans CJK SC' });
  if (file) drawtext.push({ file });
  return { drawtext, pdf: pdfUsable, why: drawtext.length ? '' : 'no font with Chinese glyphs (install fonts-noto-cjk)' };
}
