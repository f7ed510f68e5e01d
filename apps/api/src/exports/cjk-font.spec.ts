import { describe, expect, it } from 'vitest';
import { cjkFontLoader } from './cjk-font.ts';

describe('cjkFontLoader', () => {
  it('refuses with REPORT_FONT_MISSING (503) when the configured font is not there', async () => {
    const load = cjkFontLoader({ path: '/nonexistent/font.ttc', name: 'X' });
    await expect(load()).rejects.toMatchObject({ code: 'REPORT_FONT_MISSING', name: 'ServiceUnavailableError' });
  });
});
