import { attachCatalogueMedia, CATALOGUE_SAMPLES_DIR, renderCatalogueMedia } from '@platform/seeds';
import type { FastifyBaseLogger } from 'fastify';
import type { Platform } from '../platform.ts';

/**
 * The seeded catalogue's and library's files, through the real pipeline. What
 * `node media-samples/generate.mjs` has made is stored and queued before the server listens, so
 * the courses have their media from the first request (the e2e tests generate first). On a fresh
 * clone nothing is generated yet: the files are made in the background (about half a minute of
 * ffmpeg) and attached when ready, while the platform is already usable.
 */
export async function seedCatalogueMedia(
  platform: Platform,
  log: FastifyBaseLogger,
  samplesDir = CATALOGUE_SAMPLES_DIR,
): Promise<{ background: Promise<void> | null }> {
  const deps = { prisma: platform.prisma, store: platform.runtime.mediaStore, queue: platform.runtime.queue, samplesDir };
  const first = await attachCatalogueMedia(deps);
  if (first.attached) log.info({ attached: first.attached }, 'catalogue media stored and queued for processing');
  if (!first.missing.length) return { background: null };
  log.warn(
    { missing: first.missing.length, dir: samplesDir },
    'catalogue media not generated yet: generating it in the background (node media-samples/generate.mjs makes it ahead of time)',
  );
  const background = (async () => {
    const rendered = await renderCatalogueMedia({ outDir: samplesDir, ffmpeg: platform.runtime.ffmpeg.ffmpeg });
    if (rendered.plainBecause) log.warn({ reason: rendered.plainBecause }, 'catalogue videos and posters show a plain pattern');
    for (const failure of rendered.failed) log.warn(failure, 'a catalogue file could not be generated; its lesson stays without media');
    const second = await attachCatalogueMedia(deps);
    log.info({ generated: rendered.generated.length, attached: second.attached }, 'catalogue media generated, stored and queued');
  })().catch((error: unknown) => log.error({ err: error }, 'catalogue media could not be generated or stored'));
  return { background };
}
