// Where the PDF report finds a font with Chinese glyphs. pdfkit's built-in fonts have none, so
// without one every character would print as nothing: refuse with a code instead.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ServiceUnavailableError } from '@platform/core';

/** The usual places: Debian's fonts-noto-cjk (what CI installs), then other distributions'. */
const KNOWN_FONTS = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
];

export interface CjkFont {
  bytes: Buffer;
  /** The face of a collection (.ttc); undefined for a single font file. */
  name: string | undefined;
}

/**
 * Loads the configured font, or the first known one present; read once and kept (the Noto
 * collection is ~20 MB, and reports are rare). Throws 503 REPORT_FONT_MISSING when there is none.
 */
export function cjkFontLoader(config: { path: string | undefined; name: string | undefined }): () => Promise<CjkFont> {
  let loaded: Promise<CjkFont> | undefined;
  return () => {
    loaded ??= (async () => {
      const choice = config.path ? { path: config.path, name: config.name } : KNOWN_FONTS.find((f) => existsSync(f.path));
      if (!choice || !existsSync(choice.path)) {
        throw new ServiceUnavailableError(
          'REPORT_FONT_MISSING',
          `No CJK font for PDF reports at ${choice?.path ?? KNOWN_FONTS.map((f) => f.path).join(', ')}; install fonts-noto-cjk or set REPORT_FONT_PATH`,
        );
      }
      return { bytes: await readFile(choice.path), name: choice.name };
    })();
    // A failure is not kept: installing the font must not need a restart.
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
}
